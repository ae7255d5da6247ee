package com.vaultcrmsync.crm;

import com.vaultcrmsync.sfid.IdFormat;

/** Salesforce record ids: the 15-character case-sensitive form and its 18-character form. */
public final class SalesforceId {
  private SalesforceId() {}

  /** Whether {@code id} looks like a 15 or 18 character record id. */
  public static boolean isId(String id) {
    return IdFormat.hasShape(id);
  }

  /** The 18-character form; an 18-character id (or anything else) is returned as given. */
  public static String to18(String id) {
    return id == null || id.length() != 15 ? id : id + IdFormat.checksum(id);
  }
}
