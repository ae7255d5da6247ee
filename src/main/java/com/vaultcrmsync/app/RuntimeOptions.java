package com.vaultcrmsync.app;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How to start a {@link CrmRuntime}.
 *
 * @param stateDir the tool's state folder ({@code <vault>/.vault-crm-sync}); the embedded emulator
 *     keeps its org in {@code emulator-org.json} there
 * @param profile a profile whose {@code config/application-<profile>.properties} overlays the
 *     defaults, or null for none (then {@code VAULT_CRM_SYNC_PROFILE} is used when set)
 * @param configFile a user properties file ({@code --config FILE}) overlaying both, or null
 * @param properties properties that win over every file (tests, command-line options)
 * @param beans beans bound in the Camel registry before the routes start, by name
 */
public record RuntimeOptions(
    Path stateDir,
    String profile,
    Path configFile,
    Map<String, String> properties,
    Map<String, Object> beans) {

  public RuntimeOptions {
    properties = Map.copyOf(properties);
    beans = Map.copyOf(beans);
  }

  /** Defaults: no profile, no user file, no overrides, no extra beans. */
  public static RuntimeOptions of(Path stateDir) {
    return new RuntimeOptions(stateDir, null, null, Map.of(), Map.of());
  }

  public RuntimeOptions withProfile(String name) {
    return new RuntimeOptions(stateDir, name, configFile, properties, beans);
  }

  public RuntimeOptions withConfigFile(Path file) {
    return new RuntimeOptions(stateDir, profile, file, properties, beans);
  }

  /** Adds a property that wins over every file. */
  public RuntimeOptions withProperty(String key, String value) {
    Map<String, String> more = new LinkedHashMap<>(properties);
    more.put(key, value);
    return new RuntimeOptions(stateDir, profile, configFile, more, beans);
  }

  /** Adds a bean to bind in the Camel registry under {@code name}. */
  public RuntimeOptions withBean(String name, Object bean) {
    Map<String, Object> more = new HashMap<>(beans);
    more.put(name, bean);
    return new RuntimeOptions(stateDir, profile, configFile, properties, more);
  }
}
