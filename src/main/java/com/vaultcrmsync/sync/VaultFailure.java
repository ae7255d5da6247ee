package com.vaultcrmsync.sync;

/**
 * The vault could not be listed or read: the run fails ({@code failed}).
 *
 * @param error the I/O error's message
 */
public record VaultFailure(String error) implements Halt {
  @Override
  public String message() {
    return "vault: " + error;
  }
}
