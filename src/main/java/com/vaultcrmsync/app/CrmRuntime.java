package com.vaultcrmsync.app;

import com.vaultcrmsync.crm.ApiCallLedger;
import com.vaultcrmsync.crm.CamelCrmGateway;
import com.vaultcrmsync.crm.CrmException;
import com.vaultcrmsync.crm.CrmRetryPolicy;
import com.vaultcrmsync.crm.SalesforceFailure;
import com.vaultcrmsync.crm.SecretMask;
import com.vaultcrmsync.sync.run.SyncRunner;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.camel.CamelContext;
import org.apache.camel.PropertyBindingException;
import org.apache.camel.component.salesforce.api.SalesforceException;
import org.apache.camel.main.Main;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running connector that the {@code sync}, {@code run} and {@code demo} commands share: a
 * camel-main application with the YAML routes ({@code camel.main.routes-include-pattern}), the
 * layered configuration of {@link ConfigurationLoader}, and the Salesforce component pointed at the
 * configured org or at the embedded emulator ({@link SalesforceConnector}).
 *
 * <p>{@link #start} fails with a {@link ConfigurationException} (exit 2) for configuration the user
 * must fix, and with a {@link CrmException} when Salesforce refuses the login (exit 3). {@link
 * #close()} stops Camel, which revokes the session, then stops the embedded emulator.
 */
public final class CrmRuntime implements AutoCloseable {
  /**
   * A {@code camel.main.routes-include-pattern} that loads only what the gateway needs (the {@code
   * crm-*} templated routes and their error handling), for callers that do not run the sync routes.
   */
  public static final String CRM_ROUTES_ONLY =
      "classpath:routes/crm.camel.yaml,classpath:routes/error-handling.camel.yaml";

  /** Routes the gateway needs; a route folder override must keep them. */
  static final List<String> CRM_ROUTES =
      List.of(
          "crm-query",
          "crm-query-all",
          "crm-query-more",
          "crm-upsert",
          "crm-create",
          "crm-update",
          "crm-delete",
          "crm-limits");

  private static final Logger LOG = LoggerFactory.getLogger(CrmRuntime.class);
  private static final Pattern SECRET_KEY =
      Pattern.compile(".*(password|secret|token|keystore).*", Pattern.CASE_INSENSITIVE);

  private static final Pattern PROPERTY_ERROR =
      Pattern.compile("Error configuring property: (\\S+) because (.*)");

  private static final String ROUTES_PATTERN = "camel.main.routes-include-pattern";

  private final Main main;
  private final SalesforceConnector connector;
  private final ApiCallLedger ledger;
  private final Settings settings;

  private CrmRuntime(
      Main main, SalesforceConnector connector, ApiCallLedger ledger, Settings settings) {
    this.main = main;
    this.connector = connector;
    this.ledger = ledger;
    this.settings = settings;
  }

  /** Loads the configuration, starts Camel and logs in to Salesforce (or the embedded emulator). */
  public static CrmRuntime start(RuntimeOptions options) {
    ConfigurationLoader config = ConfigurationLoader.load(options);
    // Every value is validated, and the org link checked, before the emulator or Camel starts.
    Settings settings = Settings.read(config);
    if (settings.salesforce().mode() == SalesforceMode.EMULATOR) {
      OrgLink.refuseEmulatorIfLinked(options.stateDir(), settings.sync().lockWait());
    }
    ApiCallLedger ledger = new ApiCallLedger();
    SalesforceConnector connector =
        new SalesforceConnector(options.stateDir(), config, ledger, settings.salesforce().mode());
    Main main = new Main();
    // Only our merged layers: no stray application.properties from the working directory.
    main.setDefaultPropertyPlaceholderLocation("false");
    Properties initial = new Properties();
    initial.putAll(config.properties());
    String routes = initial.getProperty(ROUTES_PATTERN);
    if (routes != null) {
      initial.setProperty(
          ROUTES_PATTERN, RouteLocations.expand(routes, CrmRuntime.class.getClassLoader()));
    }
    main.setInitialProperties(initial);
    main.bind("crmRetryPolicy", new CrmRetryPolicy());
    // The sync-* routes call this bean; a command that syncs binds its own and attaches an engine.
    main.bind("syncRunner", new SyncRunner());
    options.beans().forEach(main::bind);
    main.addMainListener(connector);
    try {
      main.start();
      CrmRuntime runtime = new CrmRuntime(main, connector, ledger, settings);
      runtime.checkRoutes(config);
      return runtime;
    } catch (RuntimeException e) {
      stopQuietly(main);
      connector.close();
      throw translate(e, config, connector);
    }
  }

  /**
   * A gateway for one run: its {@link CamelCrmGateway#usage()} counts the calls made from now on.
   * Closing it leaves the runtime running.
   */
  public CamelCrmGateway crm() {
    return new CamelCrmGateway(camelContext(), ledger, connector.mask());
  }

  /** The settings this runtime was started with, validated before it started. */
  public Settings settings() {
    return settings;
  }

  public CamelContext camelContext() {
    return main.getCamelContext();
  }

  /** True when the embedded emulator serves as the org ({@code salesforce.mode=emulator}). */
  public boolean embedded() {
    return connector.embedded();
  }

  /** The login URL the component uses (the embedded emulator's when {@link #embedded()}). */
  public String loginUrl() {
    return connector.loginUrl();
  }

  @Override
  public void close() {
    stopQuietly(main);
    connector.close();
  }

  private void checkRoutes(ConfigurationLoader config) {
    for (String id : CRM_ROUTES) {
      if (camelContext().getRoute(id) == null) {
        String pattern = config.properties().getProperty("camel.main.routes-include-pattern");
        close();
        throw new ConfigurationException(
            "Route "
                + id
                + " was not loaded from camel.main.routes-include-pattern="
                + pattern
                + " (set in "
                + config.sourceOf("camel.main.routes-include-pattern")
                + ")");
      }
    }
  }

  private static RuntimeException translate(
      RuntimeException failure, ConfigurationLoader config, SalesforceConnector connector) {
    SecretMask mask = connector.mask();
    for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
      if (t instanceof ConfigurationException e) {
        return e;
      }
      if (t instanceof PropertyBindingException e) {
        return bindingProblem(e, config);
      }
      if (t instanceof SalesforceException) {
        SalesforceFailure why = SalesforceFailure.of(t);
        String message =
            mask.apply(
                "Salesforce login at "
                    + SecretMask.redactUrl(connector.loginUrl())
                    + " failed: "
                    + why.code()
                    + " "
                    + why.message());
        return new CrmException(why.code(), message, null);
      }
    }
    for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
      Matcher m = t.getMessage() == null ? null : PROPERTY_ERROR.matcher(t.getMessage());
      if (m != null && m.find() && !SECRET_KEY.matcher(m.group(1)).matches()) {
        return propertyProblem(m, config);
      }
    }
    String message = mask.apply(rootMessage(failure));
    LOG.debug("Camel failed to start", failure);
    return new ConfigurationException("Cannot start the connector: " + message);
  }

  private static ConfigurationException bindingProblem(
      PropertyBindingException e, ConfigurationLoader config) {
    String key = String.valueOf(e.getPropertyName());
    if (e.getOptionPrefix() != null && e.getOptionKey() != null) {
      String prefix = e.getOptionPrefix();
      key = (prefix.endsWith(".") ? prefix : prefix + ".") + kebab(e.getOptionKey());
    }
    boolean secret = SECRET_KEY.matcher(key).matches();
    String value = secret || e.getValue() == null ? "" : " '" + e.getValue() + "'";
    return new ConfigurationException(
        "Invalid value" + value + " for " + key + " in " + config.sourceOf(key));
  }

  /** Camel reports "Error configuring property: KEY because WHY" for values it cannot use. */
  private static ConfigurationException propertyProblem(Matcher m, ConfigurationLoader config) {
    String key = m.group(1);
    String variable = SalesforceConnector.variableOf(key);
    return new ConfigurationException(
        key
            + (variable == null ? "" : " (" + variable + ")")
            + " in "
            + config.sourceOf(key)
            + ": "
            + m.group(2));
  }

  private static String kebab(String camel) {
    return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
  }

  private static String rootMessage(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String text = root.getMessage();
    return text == null || text.isBlank()
        ? root.getClass().getSimpleName()
        : text.replaceAll("\\s+", " ").trim();
  }

  private static void stopQuietly(Main main) {
    try {
      main.stop();
    } catch (RuntimeException e) {
      LOG.debug("Stopping Camel failed", e);
    }
  }
}
