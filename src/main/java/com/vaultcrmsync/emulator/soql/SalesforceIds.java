package com.vaultcrmsync.emulator.soql;

import com.vaultcrmsync.sfid.IdFormat;

/** Salesforce record ids: the 15-character case-sensitive form and its 18-character form. */
final class SalesforceIds {
  private SalesforceIds() {}

  /** Whether {@code text} has the shape of an id: 15 or 18 letters and digits. */
  static boolean isWellFormed(String text) {
    return IdFormat.hasShape(text);
  }

  /**
   * The 18-character form of a well-formed id: a 15-character id gets its checksum suffix, an
   * 18-character id keeps its case-sensitive first 15 characters and gets the correct suffix
   * (Salesforce ignores the case of the suffix).
   */
  static String to18(String id) {
    String base = id.substring(0, 15);
    return base + IdFormat.checksum(base);
  }
}
