package com.vaultcrmsync.app;

import com.vaultcrmsync.crm.ApiCallLedger;
import com.vaultcrmsync.crm.CrmRetryLogger;
import com.vaultcrmsync.crm.SecretMask;
import com.vaultcrmsync.emulator.Emulator;
import com.vaultcrmsync.emulator.EmulatorOptions;
import com.vaultcrmsync.sync.state.StateFolder;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.component.salesforce.AuthenticationType;
import org.apache.camel.component.salesforce.SalesforceComponent;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.MainListenerSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Points the Camel Salesforce component at the org, after camel-main has bound {@code
 * camel.component.salesforce.*} and before any route starts, as {@code salesforce.mode} says. For a
 * real org it checks that a complete set of credentials is there (naming the missing variable) and
 * picks the OAuth flow; for the emulator it starts the embedded one with its data in the state
 * folder and points the component at it. Either way the first log line names what is used.
 */
final class SalesforceConnector extends MainListenerSupport {
  static final String EMULATOR_DATA = "emulator-org.json";
  private static final Logger LOG = LoggerFactory.getLogger(SalesforceConnector.class);
  static final String PREFIX = "camel.component.salesforce.";

  private static final Map<String, String> VARIABLES =
      Map.of(
          "login-url", "SALESFORCE_LOGIN_URL",
          "client-id", "SALESFORCE_CLIENT_ID",
          "client-secret", "SALESFORCE_CLIENT_SECRET",
          "user-name", "SALESFORCE_USERNAME",
          "password", "SALESFORCE_PASSWORD",
          "refresh-token", "SALESFORCE_REFRESH_TOKEN",
          "api-version", "SALESFORCE_API_VERSION");

  private final Path stateDir;
  private final ConfigurationLoader config;
  private final ApiCallLedger ledger;
  private final SalesforceMode mode;
  private Emulator emulator;
  private SecretMask mask = SecretMask.none();
  private String loginUrl;

  SalesforceConnector(
      Path stateDir, ConfigurationLoader config, ApiCallLedger ledger, SalesforceMode mode) {
    this.stateDir = stateDir;
    this.config = config;
    this.ledger = ledger;
    this.mode = mode;
  }

  @Override
  public void beforeConfigure(BaseMainSupport main) {
    // Before the routes are built, so that every send to Salesforce emits the events it counts.
    CamelContext context = main.getCamelContext();
    context.getManagementStrategy().addEventNotifier(ledger);
    context.getCamelContextExtension().setEventNotificationApplicable(true);
  }

  @Override
  public void afterConfigure(BaseMainSupport main) {
    CamelContext context = main.getCamelContext();
    SalesforceComponent salesforce = context.getComponent("salesforce", SalesforceComponent.class);
    if (mode == SalesforceMode.EMULATOR) {
      useEmulator(salesforce);
    } else {
      new OrgCredentials(context, salesforce, config).apply();
      LOG.info(
          "Using the Salesforce org at {} (salesforce.mode=org)",
          OrgLink.host(salesforce.getLoginUrl()));
    }
    loginUrl = salesforce.getLoginUrl();
    // The embedded emulator's default credentials are public; masking them would garble messages.
    mask = embedded() ? SecretMask.none() : maskOf(salesforce);
    context.getRegistry().bind("crmRetryLogger", new CrmRetryLogger(mask));
  }

  /** The environment variable behind a connection property, or null. */
  static String variableOf(String key) {
    return VARIABLES.get(key.replace(PREFIX, ""));
  }

  SecretMask mask() {
    return mask;
  }

  String loginUrl() {
    return loginUrl;
  }

  boolean embedded() {
    return emulator != null;
  }

  /** Stops the embedded emulator, if one was started. */
  void close() {
    if (emulator != null) {
      emulator.close();
      emulator = null;
    }
  }

  private void useEmulator(SalesforceComponent salesforce) {
    Path data = stateDir.toAbsolutePath().resolve(EMULATOR_DATA);
    try {
      StateFolder.create(stateDir);
    } catch (IOException e) {
      throw new ConfigurationException("Cannot create the state folder " + stateDir + ": " + e);
    }
    EmulatorOptions options = EmulatorOptions.defaults().withDataFile(data);
    try {
      emulator = Emulator.start(options);
    } catch (IOException | IllegalArgumentException e) {
      throw new ConfigurationException(
          "Cannot start the embedded Salesforce emulator (data in "
              + data
              + "): "
              + e.getMessage());
    }
    salesforce.setLoginUrl(emulator.baseUrl());
    salesforce.setAuthenticationType(AuthenticationType.USERNAME_PASSWORD);
    salesforce.setClientId(options.clientId());
    salesforce.setClientSecret(options.clientSecret());
    salesforce.setUserName(options.username());
    salesforce.setPassword(options.password());
    salesforce.setRefreshToken(null);
    salesforce.setKeystore(null);
    LOG.info(
        "Using the embedded Salesforce emulator at {} (data in {}); set SALESFORCE_LOGIN_URL to use"
            + " a real org",
        emulator.baseUrl(),
        data);
  }

  private SecretMask maskOf(SalesforceComponent salesforce) {
    List<String> secrets = new ArrayList<>();
    secrets.add(salesforce.getClientSecret());
    secrets.add(salesforce.getPassword());
    secrets.add(salesforce.getRefreshToken());
    if (salesforce.getKeystore() != null) {
      secrets.add(salesforce.getKeystore().getPassword());
    }
    return new SecretMask(secrets);
  }

  static String resolve(CamelContext context, String key) {
    return context.getPropertiesComponent().resolveProperty(key).orElse("");
  }

  static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
