package com.vaultcrmsync.sync.link;

import com.vaultcrmsync.crm.CrmGateway;
import com.vaultcrmsync.crm.SalesforceId;
import com.vaultcrmsync.mapping.AccountMapping;
import com.vaultcrmsync.sync.ApiBudget;
import com.vaultcrmsync.sync.plan.AccountMatch;
import com.vaultcrmsync.sync.plan.NoteDigest;
import com.vaultcrmsync.sync.state.AccountLink;
import com.vaultcrmsync.sync.state.StateStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which Account each changed note belongs to: its link in the state, unless its id property names
 * another Account; else the {@link AccountMatcher}'s match by id property, name or alias.
 */
public final class NoteLinker {
  private final StateStore state;
  private final CrmGateway crm;
  private final AccountMapping mapping;
  private final ApiBudget budget;

  public NoteLinker(StateStore state, CrmGateway crm, AccountMapping mapping, ApiBudget budget) {
    this.state = state;
    this.crm = crm;
    this.mapping = mapping;
    this.budget = budget;
  }

  /**
   * Matches changed notes.
   *
   * @param claimed account id to note path of accounts linked to a note: not matched by name
   * @param orgEmpty the org holds no Account (a first load): nothing is queried
   */
  public Map<String, AccountMatch> identify(
      List<NoteDigest> changed, Map<String, String> claimed, boolean orgEmpty) {
    Map<String, AccountMatch> matches = new HashMap<>();
    List<NoteDigest> unlinked = new ArrayList<>();
    for (NoteDigest d : changed) {
      AccountLink link = state.linkByNote(d.path()).orElse(null);
      String fmId = d.idValue() == null ? null : d.idValue().strip();
      if (link != null
          && (fmId == null
              || !SalesforceId.isId(fmId)
              || SalesforceId.to18(fmId).equals(link.accountId()))) {
        matches.put(d.path(), new AccountMatch(AccountMatch.Kind.ID, link.accountId(), "linked"));
      } else {
        unlinked.add(d);
      }
    }
    if (!unlinked.isEmpty()) {
      boolean needsQuery =
          unlinked.stream()
              .anyMatch(d -> d.idValue() == null || !SalesforceId.isId(d.idValue().strip()));
      if (needsQuery && !orgEmpty) {
        budget.require(1, "matching notes to accounts");
      }
      matches.putAll(
          new AccountMatcher(crm, mapping).match(unlinked, new HashMap<>(claimed), orgEmpty));
    }
    return matches;
  }

  /** Whether the match links the note to another account than the state did. */
  public boolean relinked(NoteDigest d, AccountMatch m) {
    return m.linked()
        && !m.accountId()
            .equals(state.linkByNote(d.path()).map(AccountLink::accountId).orElse(null));
  }
}
