package com.vaultcrmsync.sync.link;

import com.vaultcrmsync.crm.CrmGateway;
import com.vaultcrmsync.crm.SalesforceId;
import com.vaultcrmsync.crm.SoqlLiteral;
import com.vaultcrmsync.mapping.AccountMapping;
import com.vaultcrmsync.sync.plan.AccountMatch;
import com.vaultcrmsync.sync.plan.NoteDigest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Links notes to Accounts: by the id property in front matter, else by exact Name or alias
 * (case-insensitive) with one batched SOQL query for all unlinked notes of the run (more only when
 * the names would not fit one request). Several candidates make the match ambiguous.
 */
public final class AccountMatcher {
  /**
   * Keeps each query well below Salesforce's 16,384-byte URI limit: counted URL-encoded, since a
   * non-ASCII character takes up to 12 bytes there ({@code %E6%97%A5}).
   */
  private static final int MAX_ENCODED_LITERAL_BYTES = 10_000;

  private static final int MAX_NAME_LENGTH = 255;

  private final CrmGateway crm;
  private final AccountMapping mapping;

  AccountMatcher(CrmGateway crm, AccountMapping mapping) {
    this.crm = crm;
    this.mapping = mapping;
  }

  /**
   * Matches the unlinked notes.
   *
   * @param notes notes without a state link
   * @param linked account id to note path of the existing links (an account linked to another note
   *     is not a candidate)
   */
  Map<String, AccountMatch> match(List<NoteDigest> notes, Map<String, String> linked) {
    return match(notes, linked, false);
  }

  /**
   * Matches the unlinked notes; when the org is known to hold no Account at all (a first load), no
   * query is sent and every note without an id is unmatched.
   */
  Map<String, AccountMatch> match(
      List<NoteDigest> notes, Map<String, String> linked, boolean orgEmpty) {
    Map<String, AccountMatch> out = new LinkedHashMap<>();
    List<NoteDigest> byName = new ArrayList<>();
    for (NoteDigest n : notes) {
      if (n.idValue() != null && SalesforceId.isId(n.idValue().strip())) {
        out.put(
            n.path(),
            new AccountMatch(
                AccountMatch.Kind.ID, SalesforceId.to18(n.idValue().strip()), "id property"));
      } else {
        byName.add(n);
      }
    }
    Map<String, Set<String>> idsByName =
        byName.isEmpty() || orgEmpty ? Map.of() : lookup(names(byName));
    Map<String, String> claimed = new HashMap<>(linked);
    for (NoteDigest n : byName) {
      out.put(n.path(), decide(n, idsByName, claimed));
    }
    return out;
  }

  private AccountMatch decide(
      NoteDigest n, Map<String, Set<String>> idsByName, Map<String, String> claimed) {
    Set<String> byName =
        mapping.matchByName() ? idsByName.getOrDefault(key(n.name()), Set.of()) : Set.of();
    Set<String> byAlias = new LinkedHashSet<>();
    if (mapping.matchByAliases()) {
      n.aliases().forEach(a -> byAlias.addAll(idsByName.getOrDefault(key(a), Set.of())));
    }
    Set<String> all = new LinkedHashSet<>(byName);
    all.addAll(byAlias);
    if (all.size() > 1) {
      return new AccountMatch(
          AccountMatch.Kind.AMBIGUOUS, null, "several Accounts match: " + String.join(", ", all));
    }
    if (all.isEmpty()) {
      return mapping.createWhenUnmatched()
          ? new AccountMatch(AccountMatch.Kind.CREATED, null, "no Account matches")
          : new AccountMatch(
              AccountMatch.Kind.UNMATCHED, null, "no Account matches (onNoMatch: report)");
    }
    String id = all.iterator().next();
    String other = claimed.get(id);
    if (other != null) {
      return new AccountMatch(
          AccountMatch.Kind.AMBIGUOUS, null, "Account " + id + " is already linked to " + other);
    }
    claimed.put(id, n.path());
    return byName.contains(id)
        ? new AccountMatch(AccountMatch.Kind.NAME, id, "Name equals '" + n.name() + "'")
        : new AccountMatch(AccountMatch.Kind.ALIAS, id, "Name equals an alias of the note");
  }

  private Set<String> names(List<NoteDigest> notes) {
    Set<String> names = new LinkedHashSet<>();
    for (NoteDigest n : notes) {
      if (mapping.matchByName() && n.name() != null) {
        names.add(n.name());
      }
      if (mapping.matchByAliases()) {
        names.addAll(n.aliases());
      }
    }
    names.removeIf(String::isBlank);
    // A Name field holds at most 255 characters: a longer name matches nothing and would only
    // make the query too long to send.
    names.removeIf(n -> n.length() > MAX_NAME_LENGTH);
    return names;
  }

  /** Lower-cased Name to the ids of the Accounts carrying it. */
  private Map<String, Set<String>> lookup(Set<String> names) {
    Map<String, Set<String>> ids = new HashMap<>();
    List<String> chunk = new ArrayList<>();
    int chars = 0;
    for (String name : names) {
      int size = encodedLength(SoqlLiteral.list(List.of(name)));
      if (!chunk.isEmpty() && chars + size > MAX_ENCODED_LITERAL_BYTES) {
        query(chunk, ids);
        chunk.clear();
        chars = 0;
      }
      chunk.add(name);
      chars += size;
    }
    if (!chunk.isEmpty()) {
      query(chunk, ids);
    }
    return ids;
  }

  private void query(List<String> names, Map<String, Set<String>> ids) {
    crm.query(
        identityQuery(mapping.sObject(), names),
        false,
        r -> {
          Object name = r.get("Name");
          if (name != null) {
            ids.computeIfAbsent(key(name.toString()), k -> new LinkedHashSet<>())
                .add(SalesforceId.to18(String.valueOf(r.get("Id"))));
          }
        });
  }

  /** The identity query; every name is an escaped literal, so no name can change the query. */
  public static String identityQuery(String sObject, List<String> names) {
    return "SELECT Id, Name FROM " + sObject + " WHERE Name IN " + SoqlLiteral.list(names);
  }

  private static int encodedLength(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).length();
  }

  private static String key(String name) {
    return name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
  }
}
