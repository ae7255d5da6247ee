package com.vaultcrmsync.sync;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * What a run of more changed notes than one batch carries from its counting pass to its writing
 * pass: how each changed note matched, the links as the run leaves them, the CRM changes the pull
 * kept (echoes are never held) and the totals the safety rules judge before anything is written.
 * The notes' digests are not kept: the writing pass reads each changed note again, a batch at a
 * time, so that memory holds one batch of notes, whatever the vault's size.
 */
final class BatchedChanges {
  /** How each changed note matched (compact: kind, id, reason). */
  final Map<String, AccountMatch> matches = new HashMap<>();

  final Set<String> changedPaths = new HashSet<>();

  /** Account id to note path: the present links, with those this run makes. */
  final Map<String, String> allLinks;

  /** Accounts linked to a note, before or by this run: not candidates for a match by name. */
  final Map<String, String> claimed;

  /** The CRM changes kept from the pull, planned with the batch of their note. */
  final CrmPull.Result pulled;

  /** Whether the run's one pull of changes since the watermark (or of linked accounts) ran. */
  boolean pulledOnce;

  SafetyCheck.Totals totals = SafetyCheck.Totals.NONE;

  /**
   * @param links account id to note path, as stored before the run
   * @param present the notes in the vault
   * @param filter the pull's echo filter over a (live) map of links
   */
  BatchedChanges(
      Map<String, String> links,
      Set<String> present,
      Function<Map<String, String>, EchoFilter> filter) {
    this.allLinks = new LinkedHashMap<>(links);
    allLinks.values().removeIf(p -> !present.contains(p));
    this.claimed = new HashMap<>(links);
    this.pulled = new CrmPull.Result(filter.apply(allLinks));
  }

  /** Records that this run links {@code accountId} to the note at {@code path}. */
  void link(String accountId, String path) {
    allLinks.values().remove(path);
    allLinks.put(accountId, path);
    claimed.put(accountId, path);
  }

  /** Note path to account id, of the links as the run leaves them. */
  Map<String, String> accountByNote() {
    Map<String, String> out = new HashMap<>();
    allLinks.forEach((account, path) -> out.put(path, account));
    return out;
  }
}
