package com.vaultcrmsync.app;

import com.vaultcrmsync.config.SettingKeys;
import com.vaultcrmsync.crm.SecretMask;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.camel.CamelContext;
import org.apache.camel.component.salesforce.AuthenticationType;
import org.apache.camel.component.salesforce.SalesforceComponent;
import org.apache.camel.support.jsse.KeyStoreParameters;

/**
 * The credentials of a real org, as bound on the Salesforce component from {@code SALESFORCE_*}:
 * checks that the login URL is a URL and that one complete OAuth flow is configured (password,
 * refresh token, JWT keystore or client credentials), names the missing variable when not, and sets
 * the flow explicitly so the component never has to guess.
 */
final class OrgCredentials {
  private final CamelContext context;
  private final SalesforceComponent salesforce;
  private final ConfigurationLoader config;

  OrgCredentials(CamelContext context, SalesforceComponent salesforce, ConfigurationLoader config) {
    this.context = context;
    this.salesforce = salesforce;
    this.config = config;
  }

  /** Checks the settings, picks the flow and clears empty values on the component. */
  void apply() {
    String url = salesforce.getLoginUrl().trim();
    URI uri = parse(url);
    if (uri == null
        || uri.getHost() == null
        || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))) {
      throw problem(
          "SALESFORCE_LOGIN_URL",
          "login-url",
          "must be an http(s) URL, got '" + SecretMask.redactUrl(url) + "'");
    }
    salesforce.setLoginUrl(url);
    if (blank(salesforce.getClientId())) {
      throw problem(
          "SALESFORCE_CLIENT_ID",
          "client-id",
          "is not set, but a login URL is (SALESFORCE_LOGIN_URL)");
    }
    String keystore = SalesforceConnector.resolve(context, SettingKeys.JWT_KEYSTORE.name());
    boolean password = !blank(salesforce.getPassword());
    boolean refresh = !blank(salesforce.getRefreshToken());
    boolean jwt = !blank(keystore);
    if ((password ? 1 : 0) + (refresh ? 1 : 0) + (jwt ? 1 : 0) > 1) {
      throw new ConfigurationException(
          "Set only one of SALESFORCE_PASSWORD, SALESFORCE_REFRESH_TOKEN and SALESFORCE_KEYSTORE"
              + " (they select the OAuth flow)");
    }
    salesforce.setRefreshToken(refresh ? salesforce.getRefreshToken() : null);
    salesforce.setPassword(password ? salesforce.getPassword() : null);
    salesforce.setClientSecret(
        blank(salesforce.getClientSecret()) ? null : salesforce.getClientSecret());
    if (password) {
      require(salesforce.getUserName(), "SALESFORCE_USERNAME", "user-name", "the password flow");
      require(
          salesforce.getClientSecret(),
          "SALESFORCE_CLIENT_SECRET",
          "client-secret",
          "the password flow");
      salesforce.setAuthenticationType(AuthenticationType.USERNAME_PASSWORD);
    } else if (refresh) {
      require(
          salesforce.getClientSecret(),
          "SALESFORCE_CLIENT_SECRET",
          "client-secret",
          "the refresh-token flow");
      salesforce.setAuthenticationType(AuthenticationType.REFRESH_TOKEN);
    } else if (jwt) {
      require(salesforce.getUserName(), "SALESFORCE_USERNAME", "user-name", "the JWT flow");
      salesforce.setKeystore(keystore(keystore));
      String audience = SalesforceConnector.resolve(context, SettingKeys.JWT_AUDIENCE.name());
      salesforce.setJwtAudience(blank(audience) ? null : audience);
      salesforce.setAuthenticationType(AuthenticationType.JWT);
    } else if (!blank(salesforce.getClientSecret())) {
      salesforce.setAuthenticationType(AuthenticationType.CLIENT_CREDENTIALS);
    } else {
      throw new ConfigurationException(
          "No Salesforce credentials: with SALESFORCE_LOGIN_URL set, also set SALESFORCE_PASSWORD"
              + " (with SALESFORCE_USERNAME and SALESFORCE_CLIENT_SECRET), SALESFORCE_REFRESH_TOKEN"
              + " (with SALESFORCE_CLIENT_SECRET), SALESFORCE_KEYSTORE (with SALESFORCE_USERNAME),"
              + " or SALESFORCE_CLIENT_SECRET alone for the client-credentials flow");
    }
  }

  private KeyStoreParameters keystore(String file) {
    Path path = Path.of(file);
    if (!Files.isReadable(path)) {
      throw new ConfigurationException(
          "SALESFORCE_KEYSTORE (property salesforce.jwt.keystore in "
              + config.sourceOf(SettingKeys.JWT_KEYSTORE.name())
              + ") names "
              + file
              + ", which is not a readable file");
    }
    KeyStoreParameters parameters = new KeyStoreParameters();
    parameters.setCamelContext(context);
    parameters.setResource("file:" + path.toAbsolutePath());
    parameters.setPassword(
        SalesforceConnector.resolve(context, SettingKeys.JWT_KEYSTORE_PASSWORD.name()));
    parameters.setType(SalesforceConnector.resolve(context, SettingKeys.JWT_KEYSTORE_TYPE.name()));
    return parameters;
  }

  private void require(String value, String variable, String key, String flow) {
    if (blank(value)) {
      throw problem(variable, key, "is not set, but " + flow + " needs it");
    }
  }

  private ConfigurationException problem(String variable, String key, String what) {
    return new ConfigurationException(
        variable
            + " (property "
            + SalesforceConnector.PREFIX
            + key
            + " in "
            + config.sourceOf(SalesforceConnector.PREFIX + key)
            + ") "
            + what);
  }

  private static URI parse(String url) {
    try {
      return URI.create(url);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
