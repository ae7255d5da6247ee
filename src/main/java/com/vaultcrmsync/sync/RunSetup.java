package com.vaultcrmsync.sync;

import com.vaultcrmsync.crm.CrmGateway;
import com.vaultcrmsync.crm.CrmWriter;
import com.vaultcrmsync.mapping.RecordMapper;
import com.vaultcrmsync.sync.state.StateStore;
import com.vaultcrmsync.vault.VaultScanner;
import java.nio.file.Path;
import java.time.Clock;

/**
 * What one run works with: the engine's configuration, and the run's own request, open state and
 * id; handed to the run's steps and to the appliers that write (which return what they did rather
 * than touch the report). The run holds the sync lock for as long as they use these.
 *
 * @param vaultRoot the vault folder, absolute
 * @param progress the listener of this run's progress
 * @param runId the id of this run in the state's audit rows
 */
public record RunSetup(
    Path vaultRoot,
    RecordMapper mapper,
    CrmGateway crm,
    SyncSettings settings,
    Clock clock,
    VaultScanner scanner,
    SyncProgress progress,
    SyncRequest request,
    StateStore state,
    String runId) {

  /** Where the appliers' record writes go: the writer the gateway chose for this run. */
  public CrmWriter writer() {
    return crm.writer();
  }
}
