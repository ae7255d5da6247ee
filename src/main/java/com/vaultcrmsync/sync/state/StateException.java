package com.vaultcrmsync.sync.state;

/** The state database could not be read or written; the run stops without half-applied state. */
public class StateException extends RuntimeException {
  public StateException(String message, Throwable cause) {
    super(message, cause);
  }
}
