package com.vaultcrmsync.emulator.soql;

/** Salesforce record ids: the 15-character case-sensitive form and its 18-character form. */
final class SalesforceIds {
  private static final String CHECKSUM_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345";

  private SalesforceIds() {}

  /** Whether {@code text} has the shape of an id: 15 or 18 letters and digits. */
  static boolean isWellFormed(String text) {
    if (text.length() != 15 && text.length() != 18) {
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

  /**
   * The 18-character form of a well-formed id: a 15-character id gets its checksum suffix, an
   * 18-character id keeps its case-sensitive first 15 characters and gets the correct suffix
   * (Salesforce ignores the case of the suffix).
   */
  static String to18(String id) {
    String base = id.substring(0, 15);
    StringBuilder result = new StringBuilder(18).append(base);
    for (int block = 0; block < 3; block++) {
      int bits = 0;
      for (int i = 0; i < 5; i++) {
        char c = base.charAt(block * 5 + i);
        if (c >= 'A' && c <= 'Z') {
          bits |= 1 << i;
        }
      }
      result.append(CHECKSUM_ALPHABET.charAt(bits));
    }
    return result.toString();
  }
}
