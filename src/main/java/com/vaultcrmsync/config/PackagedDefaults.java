package com.vaultcrmsync.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * The packaged {@code config/application.properties} alone, as a {@link SettingsSource}: the
 * documented defaults for code that runs without the layered configuration (tests, tools). A key it
 * does not define fails naming the key; placeholders are not resolved.
 */
public final class PackagedDefaults implements SettingsSource {
  /** The packaged defaults' resource name. */
  public static final String RESOURCE = "config/application.properties";

  private final Properties properties;

  private PackagedDefaults(Properties properties) {
    this.properties = properties;
  }

  /** Reads the packaged file from the classpath. */
  public static PackagedDefaults load() {
    try (InputStream in = PackagedDefaults.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the classpath");
      }
      Properties p = new Properties();
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
      return new PackagedDefaults(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The packaged properties, as read. */
  public Properties properties() {
    Properties copy = new Properties();
    copy.putAll(properties);
    return copy;
  }

  @Override
  public <T> T get(SettingKey<T> key) {
    String value = properties.getProperty(key.name());
    if (value == null) {
      throw new IllegalStateException(
          key.name() + " is not defined in " + RESOURCE + " (every key the code reads must be)");
    }
    return key.read(value);
  }
}
