package com.vaultcrmsync.app;

/**
 * Which Salesforce the connector talks to ({@code salesforce.mode}): the embedded emulator, with
 * its org in the state folder, or a real org from {@code SALESFORCE_*}. Unset, it is {@link
 * #EMULATOR} when no login URL is set and {@link #ORG} otherwise.
 */
public enum SalesforceMode {
  EMULATOR,
  ORG;

  /** The variables a real org needs, for messages (the same names as {@link OrgCredentials}). */
  static final String ORG_VARIABLES =
      "SALESFORCE_LOGIN_URL, SALESFORCE_CLIENT_ID and the credentials of one OAuth flow"
          + " (SALESFORCE_USERNAME with SALESFORCE_PASSWORD and SALESFORCE_CLIENT_SECRET,"
          + " SALESFORCE_REFRESH_TOKEN with SALESFORCE_CLIENT_SECRET, SALESFORCE_KEYSTORE with"
          + " SALESFORCE_USERNAME, or SALESFORCE_CLIENT_SECRET alone)";

  /**
   * The mode from the configured value ({@code ""}, {@code emulator} or {@code org}) and the login
   * URL.
   *
   * @param source where {@code salesforce.mode} was set, for the message
   * @throws ConfigurationException for {@code org} without a login URL, naming the variables
   */
  static SalesforceMode resolve(String configured, String loginUrl, String source) {
    boolean noLoginUrl = loginUrl == null || loginUrl.isBlank();
    return switch (configured) {
      case "emulator" -> EMULATOR;
      case "org" -> {
        if (noLoginUrl) {
          throw new ConfigurationException(
              "salesforce.mode is org ("
                  + source
                  + ") but SALESFORCE_LOGIN_URL is not set: set "
                  + ORG_VARIABLES
                  + " (see README \"Connecting to Salesforce\")");
        }
        yield ORG;
      }
      default -> noLoginUrl ? EMULATOR : ORG;
    };
  }
}
