package com.vaultcrmsync.mapping;

import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * The shipped mappings for the sync package's tests, loaded once per test JVM on a Camel context of
 * their own that lives as long as the JVM (their Simple expressions evaluate on it).
 */
public final class DefaultMappings {
  private static final Mappings MAPPINGS = load();

  private DefaultMappings() {}

  public static Mappings get() {
    return MAPPINGS;
  }

  private static Mappings load() {
    CamelContext camel = new DefaultCamelContext();
    camel.start();
    return new MappingLoader(camel).loadDefaults();
  }
}
