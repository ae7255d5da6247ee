package com.vaultcrmsync.config;

/**
 * Where typed settings come from: the resolved configuration layers at run time. A key that no
 * layer sets is a packaging bug ({@code config/application.properties} defines every key), and
 * fails naming the key rather than falling back to a value written in Java.
 */
@FunctionalInterface
public interface SettingsSource {
  /**
   * The value of {@code key}.
   *
   * @throws RuntimeException naming the key when it is missing or its value is not valid
   */
  <T> T get(SettingKey<T> key);
}
