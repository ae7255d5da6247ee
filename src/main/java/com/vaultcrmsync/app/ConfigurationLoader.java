package com.vaultcrmsync.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Merges the layers of configuration, later layers winning: classpath {@code
 * config/application.properties}, the profile overlay {@code
 * config/application-<profile>.properties}, the user's {@code --config FILE}, then properties given
 * by the caller. Values keep their {@code {{env:…}}} placeholders; Camel resolves them. Remembers
 * which layer set each key, so errors can name the file.
 */
public final class ConfigurationLoader {
  static final String BASE = "config/application.properties";
  static final String PROFILE_ENV = "VAULT_CRM_SYNC_PROFILE";

  private final Properties merged = new Properties();
  private final Map<String, String> sourceOf = new LinkedHashMap<>();

  public static ConfigurationLoader load(RuntimeOptions options) {
    ConfigurationLoader loader = new ConfigurationLoader();
    loader.addClasspath(BASE, true);
    String profile = options.profile() != null ? options.profile() : System.getenv(PROFILE_ENV);
    if (profile != null && !profile.isBlank()) {
      if (!profile.matches("[A-Za-z0-9_-]+")) {
        throw new ConfigurationException(
            "Profile '" + profile + "' is not a valid name (letters, digits, - and _ only)");
      }
      loader.addClasspath("config/application-" + profile + ".properties", true);
    }
    if (options.configFile() != null) {
      loader.addFile(options.configFile());
    }
    options.properties().forEach((k, v) -> loader.put(k, v, "the command line"));
    return loader;
  }

  public Properties properties() {
    Properties copy = new Properties();
    copy.putAll(merged);
    return copy;
  }

  /** The layer that set a key, matched loosely (dashes and case ignored, as Camel binds them). */
  String sourceOf(String key) {
    String wanted = normal(key);
    String found = null;
    for (Map.Entry<String, String> e : sourceOf.entrySet()) {
      if (normal(e.getKey()).equals(wanted)) {
        found = e.getValue();
      }
    }
    return found == null ? "the configuration" : found;
  }

  private void addClasspath(String resource, boolean required) {
    ClassLoader loader = ConfigurationLoader.class.getClassLoader();
    try (InputStream in = loader.getResourceAsStream(resource)) {
      if (in == null) {
        if (required) {
          throw new ConfigurationException("Configuration " + resource + " not found on classpath");
        }
        return;
      }
      read(new InputStreamReader(in, StandardCharsets.UTF_8), "classpath:" + resource);
    } catch (IOException e) {
      throw new ConfigurationException("Cannot read " + resource + ": " + e.getMessage());
    }
  }

  private void addFile(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new ConfigurationException("Configuration file " + file + " (--config) does not exist");
    }
    try {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      Properties layer = new Properties();
      layer.load(new StringReader(text));
      Map<String, Integer> lines = keyLines(text);
      layer
          .stringPropertyNames()
          .forEach(
              k ->
                  put(
                      k,
                      layer.getProperty(k).trim(),
                      lines.containsKey(k) ? file + ", line " + lines.get(k) : file.toString()));
    } catch (IOException | IllegalArgumentException e) {
      throw new ConfigurationException("Cannot read configuration file " + file + ": " + e);
    }
  }

  /**
   * The line (1-based) where each key is last set, for messages; continuation lines are skipped.
   */
  private static Map<String, Integer> keyLines(String text) {
    Map<String, Integer> lines = new HashMap<>();
    String[] all = text.split("\r\n|\r|\n", -1);
    boolean continued = false;
    for (int i = 0; i < all.length; i++) {
      String line = all[i].stripLeading();
      boolean startsKey = !continued && !line.isEmpty() && "#!".indexOf(line.charAt(0)) < 0;
      if (startsKey) {
        int end = 0;
        while (end < line.length() && "=: \t\f".indexOf(line.charAt(end)) < 0) {
          end += line.charAt(end) == '\\' ? 2 : 1;
        }
        lines.put(line.substring(0, Math.min(end, line.length())), i + 1);
      }
      int slashes = 0;
      for (int j = all[i].length() - 1; j >= 0 && all[i].charAt(j) == '\\'; j--) {
        slashes++;
      }
      continued = (startsKey || continued) && slashes % 2 == 1;
    }
    return lines;
  }

  private void read(Reader in, String source) throws IOException {
    Properties layer = new Properties();
    layer.load(in);
    layer.stringPropertyNames().forEach(k -> put(k, layer.getProperty(k).trim(), source));
  }

  private void put(String key, String value, String source) {
    merged.setProperty(key, value);
    sourceOf.put(key, source);
  }

  private static String normal(String key) {
    return key.replace("-", "").toLowerCase(Locale.ROOT);
  }
}
