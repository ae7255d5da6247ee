package com.vaultcrmsync.emulator.soql;

import java.util.Map;

/** Salesforce's standard key prefixes: the first three characters of a record id. */
final class KeyPrefixes {

  static final Map<String, String> STANDARD =
      Map.ofEntries(
          Map.entry("001", "Account"),
          Map.entry("003", "Contact"),
          Map.entry("005", "User"),
          Map.entry("006", "Opportunity"),
          Map.entry("00Q", "Lead"),
          Map.entry("00T", "Task"),
          Map.entry("00U", "Event"),
          Map.entry("00G", "Group"),
          Map.entry("500", "Case"),
          Map.entry("701", "Campaign"),
          Map.entry("800", "Contract"),
          Map.entry("01t", "Product2"),
          Map.entry("00D", "Organization"));

  private KeyPrefixes() {}
}
