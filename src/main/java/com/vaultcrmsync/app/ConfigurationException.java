package com.vaultcrmsync.app;

/**
 * A configuration error the user must fix (exit code 2): the message names the file or variable,
 * the key and what was expected, and never contains a secret value.
 */
public class ConfigurationException extends RuntimeException {
  public ConfigurationException(String message) {
    super(message);
  }
}
