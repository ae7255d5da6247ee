package com.vaultcrmsync.crm;

import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * The secrets of the Salesforce connection (client secret, password, refresh token, keystore
 * password), so that any text leaving the gateway — log lines, exception messages — can be cleaned
 * of them even if a server echoes one back.
 */
public final class SecretMask {
  private static final String MASK = "****";
  private final List<String> secrets;

  public SecretMask(Collection<String> secrets) {
    // Very short values would mask ordinary words; real secrets are longer.
    this.secrets =
        secrets.stream().filter(Objects::nonNull).filter(s -> s.length() >= 4).distinct().toList();
  }

  public static SecretMask none() {
    return new SecretMask(List.of());
  }

  /** The text with every secret replaced by {@code ****}; null stays null. */
  public String apply(String text) {
    if (text == null) {
      return null;
    }
    String out = text;
    for (String secret : secrets) {
      out = out.replace(secret, MASK);
    }
    return out;
  }
}
