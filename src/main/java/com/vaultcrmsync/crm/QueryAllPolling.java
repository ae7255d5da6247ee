package com.vaultcrmsync.crm;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The {@link ChangeSource} that polls with {@code queryAll} (so deleted and archived activities are
 * seen), ordered by {@code SystemModstamp, Id}: one query per object for the changes since a
 * position (paged by the gateway), or queries by Account id, {@value #IDS_PER_QUERY} ids at a time,
 * for a targeted pull. Records go to the listener in pages of at most {@value #PAGE}.
 */
public final class QueryAllPolling implements ChangeSource {
  /**
   * Account ids per scoped query: about 5,000 characters once URL-encoded, well below the request
   * line limits of Salesforce (16,384) and of common HTTP servers (8,192).
   */
  static final int IDS_PER_QUERY = 100;

  /** Records handed to the listener together. */
  public static final int PAGE = 500;

  private static final String ORDER = " ORDER BY SystemModstamp, Id";

  /**
   * An object the source reads and the fields it selects, in that order; {@code Id}, {@code
   * IsDeleted} and {@code SystemModstamp}, which ordering and deletes need, are added when missing.
   */
  public record Watched(String sObject, List<String> fields) {
    public Watched {
      Set<String> all = new LinkedHashSet<>(fields);
      all.addAll(List.of("Id", "IsDeleted", "SystemModstamp"));
      fields = List.copyOf(all);
    }

    String select() {
      return "SELECT " + String.join(", ", fields) + " FROM " + sObject;
    }
  }

  private final CrmGateway crm;
  private final Watched accounts;
  private final List<Watched> activities;

  /**
   * @param accounts the Account object; its records are scoped by {@code Id}
   * @param activities the activity objects, read in this order; scoped by {@code AccountId}
   */
  public QueryAllPolling(CrmGateway crm, Watched accounts, List<Watched> activities) {
    this.crm = crm;
    this.accounts = accounts;
    this.activities = List.copyOf(activities);
  }

  /** One query per object: the Accounts, then each activity object. */
  @Override
  public void changesSince(ChangePosition position, Listener listener) {
    String where = " WHERE SystemModstamp >= " + SoqlLiteral.datetime(position.since());
    read(accounts.select() + where, listener::accounts);
    for (Watched a : activities) {
      read(a.select() + where, page -> listener.activities(a.sObject(), page));
    }
  }

  @Override
  public void ofAccounts(Collection<String> accountIds, boolean withAccounts, Listener listener) {
    List<String> ids = new ArrayList<>(new LinkedHashSet<>(accountIds));
    for (int i = 0; i < ids.size(); i += IDS_PER_QUERY) {
      String in = SoqlLiteral.list(ids.subList(i, Math.min(ids.size(), i + IDS_PER_QUERY)));
      if (withAccounts) {
        read(accounts.select() + " WHERE Id IN " + in, listener::accounts);
      }
      for (Watched a : activities) {
        read(
            a.select() + " WHERE AccountId IN " + in,
            page -> listener.activities(a.sObject(), page));
      }
    }
  }

  /** One query: the newest Account by {@code SystemModstamp}, deleted ones included. */
  @Override
  public Optional<Instant> newestAccountChange() {
    List<Instant> newest = new ArrayList<>(1);
    crm.query(
        "SELECT Id, SystemModstamp FROM "
            + accounts.sObject()
            + " ORDER BY SystemModstamp DESC LIMIT 1",
        true,
        r -> {
          Instant stamp = CrmRecords.instant(r, "SystemModstamp");
          if (stamp != null) {
            newest.add(stamp);
          }
        });
    return newest.stream().max(Instant::compareTo);
  }

  /** Runs one ordered {@code queryAll} and hands its records over a page at a time. */
  private void read(String soql, Consumer<List<Map<String, Object>>> deliver) {
    Pager pager = new Pager(deliver);
    crm.query(soql + ORDER, true, pager);
    pager.flush();
  }

  /** Collects records into pages of {@value #PAGE} and delivers each full page. */
  private static final class Pager implements Consumer<Map<String, Object>> {
    private final Consumer<List<Map<String, Object>>> deliver;
    private List<Map<String, Object>> page = new ArrayList<>(PAGE);

    Pager(Consumer<List<Map<String, Object>>> deliver) {
      this.deliver = deliver;
    }

    @Override
    public void accept(Map<String, Object> record) {
      page.add(record);
      if (page.size() == PAGE) {
        flush();
      }
    }

    void flush() {
      if (!page.isEmpty()) {
        List<Map<String, Object>> full = page;
        page = new ArrayList<>(PAGE);
        deliver.accept(full);
      }
    }
  }
}
