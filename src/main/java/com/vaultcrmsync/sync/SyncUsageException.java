package com.vaultcrmsync.sync;

/** A run asked for something that does not exist (an unknown account key): exit code 2. */
public class SyncUsageException extends RuntimeException {
  public SyncUsageException(String message) {
    super(message);
  }
}
