package com.vaultcrmsync.emulator.org;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The emulated org: its id, its records and its users. Two users always exist: the integration user
 * ("Integration User", the configured username) and a colleague ("Dana Lee", {@code
 * dana.lee@emulator.local}) whose activities look like a human's to the sync.
 */
public final class Org {

  /** The colleague user's login. */
  public static final String COLLEAGUE_USERNAME = "dana.lee@emulator.local";

  private final String orgId = SalesforceId.generate("00D", 1);
  private final String integrationUserId = SalesforceId.generate("005", 1);
  private final String colleagueUserId = SalesforceId.generate("005", 2);
  private final OrgSchema schema;
  private final OrgStore store;
  private final RecordWriter writer;
  private final Clock clock;

  public Org(OrgSchema schema, Clock clock) {
    this.schema = schema;
    this.store = new OrgStore(schema);
    this.writer = new RecordWriter(clock);
    this.clock = clock;
  }

  public String orgId() {
    return orgId;
  }

  public String integrationUserId() {
    return integrationUserId;
  }

  public String colleagueUserId() {
    return colleagueUserId;
  }

  public OrgSchema schema() {
    return schema;
  }

  public OrgStore store() {
    return store;
  }

  public RecordWriter writer() {
    return writer;
  }

  public Clock clock() {
    return clock;
  }

  /** Creates the two standard users, or renames the integration user's login. */
  public void ensureUsers(String integrationUsername) {
    try (Transaction tx = store.begin()) {
      putUser(tx, integrationUserId, integrationUsername, "Integration", "User", "integ");
      putUser(tx, colleagueUserId, COLLEAGUE_USERNAME, "Dana", "Lee", "dlee");
      tx.commit(clock.instant());
    }
  }

  private void putUser(
      Transaction tx, String id, String username, String first, String last, String alias) {
    Map<String, Object> existing = tx.get(id);
    if (existing != null && username.equals(existing.get("Username"))) {
      return;
    }
    Instant now = clock.instant();
    Map<String, Object> user = new LinkedHashMap<>();
    if (existing != null) {
      user.putAll(existing);
    } else {
      user.put("Id", id);
      user.put("IsDeleted", Boolean.FALSE);
      user.put("FirstName", first);
      user.put("LastName", last);
      user.put("Name", first + " " + last);
      user.put("Email", username);
      user.put("Alias", alias);
      user.put("IsActive", Boolean.TRUE);
      user.put("TimeZoneSidKey", "GMT");
      user.put("CompanyName", "Emulated Org");
      user.put("CreatedDate", now);
      user.put("CreatedById", integrationUserId);
    }
    user.put("Username", username);
    user.put("LastModifiedDate", now);
    user.put("LastModifiedById", integrationUserId);
    user.put("SystemModstamp", now);
    tx.put(Map.copyOf(user));
  }

  /** An active user by id (15 or 18), login (case-insensitive) or full name. */
  public Optional<Map<String, Object>> user(String key) {
    if (key == null) {
      return Optional.empty();
    }
    if (SalesforceId.isValid(key) && key.startsWith("005")) {
      return store.byId(key);
    }
    String lower = key.toLowerCase(Locale.ROOT);
    return store
        .scan("User")
        .filter(
            u ->
                lower.equals(String.valueOf(u.get("Username")).toLowerCase(Locale.ROOT))
                    || lower.equals(String.valueOf(u.get("Name")).toLowerCase(Locale.ROOT)))
        .findFirst();
  }
}
