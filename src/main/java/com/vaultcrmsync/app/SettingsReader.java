package com.vaultcrmsync.app;

import com.vaultcrmsync.config.SettingKey;
import com.vaultcrmsync.config.SettingsSource;
import java.util.Locale;
import java.util.Properties;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * Reads typed settings from the merged layers of a {@link ConfigurationLoader} before anything
 * starts, resolving values as camel-main will (placeholders, {@code {{env:…}}}, an environment
 * variable such as {@code SYNC_LOCK_WAIT_SECONDS} overriding its key) through a Camel properties
 * component that is never started. A key no layer sets is a packaging bug; a bad value fails naming
 * the file and line (or variable) that set it, the key and what was expected — both exit 2.
 */
final class SettingsReader implements SettingsSource, AutoCloseable {
  private final ConfigurationLoader config;
  private final Properties merged;
  private final CamelContext resolver;

  SettingsReader(ConfigurationLoader config) {
    this.config = config;
    this.merged = config.properties();
    this.resolver = new DefaultCamelContext();
    resolver.getPropertiesComponent().setInitialProperties(merged);
  }

  @Override
  public <T> T get(SettingKey<T> key) {
    String name = key.name();
    if (!merged.containsKey(name)) {
      throw new ConfigurationException(
          name
              + " is not set in any configuration layer: classpath:"
              + ConfigurationLoader.BASE
              + " defines every key the connector reads, so this build is broken");
    }
    String value;
    try {
      value = resolver.getPropertiesComponent().resolveProperty(name).orElse("");
    } catch (RuntimeException e) {
      throw new ConfigurationException(
          sourceOf(name) + ": " + name + ": cannot resolve its value: " + e.getMessage());
    }
    try {
      return key.read(value);
    } catch (IllegalArgumentException e) {
      throw new ConfigurationException(sourceOf(name) + ": " + e.getMessage());
    }
  }

  /** The file and line that set {@code key}, or the environment variable that overrides it. */
  String sourceOf(String key) {
    String variable = key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    return System.getenv(variable) != null
        ? "environment variable " + variable
        : config.sourceOf(key);
  }

  @Override
  public void close() {
    try {
      resolver.close();
    } catch (Exception e) {
      // Never started: nothing to release that could fail the command.
    }
  }
}
