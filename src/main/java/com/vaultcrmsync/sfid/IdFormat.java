package com.vaultcrmsync.sfid;

/**
 * The Salesforce record id format, stated once: 15 case-sensitive letters and digits, plus a
 * 3-character checksum of their casing that makes the 18-character form case-insensitive.
 *
 * <p>A leaf that imports nothing: the connector ({@code crm}) and the emulator, which must not know
 * each other, both build on it, so the algorithm cannot drift between what the emulator issues and
 * what the connector compares.
 */
public final class IdFormat {
  /** The checksum characters: a 5-bit casing mask of one 5-character chunk indexes this. */
  public static final String CHECKSUM_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345";

  private IdFormat() {}

  /** Whether {@code text} has the shape of a record id: 15 or 18 ASCII letters and digits. */
  public static boolean hasShape(String text) {
    if (text == null || (text.length() != 15 && text.length() != 18)) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) {
        return false;
      }
    }
    return true;
  }

  /** The 3-character checksum of the first 15 characters of {@code id}. */
  public static String checksum(CharSequence id) {
    char[] out = new char[3];
    for (int chunk = 0; chunk < 3; chunk++) {
      int bits = 0;
      for (int i = 0; i < 5; i++) {
        char c = id.charAt(chunk * 5 + i);
        if (c >= 'A' && c <= 'Z') {
          bits |= 1 << i;
        }
      }
      out[chunk] = CHECKSUM_ALPHABET.charAt(bits);
    }
    return new String(out);
  }
}
