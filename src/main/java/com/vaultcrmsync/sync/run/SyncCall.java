package com.vaultcrmsync.sync.run;

import com.vaultcrmsync.report.RunReport;
import com.vaultcrmsync.sync.SyncRequest;

/** Runs one sync to completion and returns its report (the {@code sync-*} routes in production). */
@FunctionalInterface
public interface SyncCall {
  RunReport run(SyncRequest request);
}
