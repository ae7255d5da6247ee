package com.vaultcrmsync.app;

import com.vaultcrmsync.emulator.EmulatorOptions;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Salesforce component's settings that log the connector into an emulated org with the
 * emulator's default credentials (password flow): what the demo, the benchmark and the tests
 * configure, in one place.
 */
public final class EmulatorLogin {
  private EmulatorLogin() {}

  /** The settings, by property name, for the org at {@code baseUrl}. */
  public static Map<String, String> properties(String baseUrl) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("camel.component.salesforce.login-url", baseUrl);
    p.put("camel.component.salesforce.client-id", EmulatorOptions.DEFAULT_CLIENT_ID);
    p.put("camel.component.salesforce.client-secret", EmulatorOptions.DEFAULT_CLIENT_SECRET);
    p.put("camel.component.salesforce.user-name", EmulatorOptions.DEFAULT_USERNAME);
    p.put("camel.component.salesforce.password", EmulatorOptions.DEFAULT_PASSWORD);
    return p;
  }

  /** {@code options} with those settings for the org at {@code baseUrl}. */
  public static RuntimeOptions onto(RuntimeOptions options, String baseUrl) {
    RuntimeOptions out = options;
    for (Map.Entry<String, String> e : properties(baseUrl).entrySet()) {
      out = out.withProperty(e.getKey(), e.getValue());
    }
    return out;
  }
}
