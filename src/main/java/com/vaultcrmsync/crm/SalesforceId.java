package com.vaultcrmsync.crm;

/** Salesforce record ids: the 15-character case-sensitive form and its 18-character form. */
public final class SalesforceId {
  private static final String CHECKSUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345";

  private SalesforceId() {}

  /** Whether {@code id} looks like a 15 or 18 character record id. */
  public static boolean isId(String id) {
    return id != null
        && (id.length() == 15 || id.length() == 18)
        && id.chars().allMatch(c -> c < 128 && Character.isLetterOrDigit(c));
  }

  /** The 18-character form; an 18-character id (or anything else) is returned as given. */
  public static String to18(String id) {
    if (id == null || id.length() != 15) {
      return id;
    }
    StringBuilder out = new StringBuilder(id);
    for (int chunk = 0; chunk < 3; chunk++) {
      int bits = 0;
      for (int i = 0; i < 5; i++) {
        char c = id.charAt(chunk * 5 + i);
        if (c >= 'A' && c <= 'Z') {
          bits |= 1 << i;
        }
      }
      out.append(CHECKSUM.charAt(bits));
    }
    return out.toString();
  }
}
