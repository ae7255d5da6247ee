package com.vaultcrmsync.sync.run;

import com.vaultcrmsync.crm.SalesforceId;
import com.vaultcrmsync.mapping.RecordMapper;
import com.vaultcrmsync.sync.SyncUsageException;
import com.vaultcrmsync.sync.state.NoteState;
import com.vaultcrmsync.sync.state.StateStore;
import com.vaultcrmsync.vault.Note;
import com.vaultcrmsync.vault.NoteFile;
import com.vaultcrmsync.vault.VaultListing;
import com.vaultcrmsync.vault.parse.NoteParser;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Finds the note an account key names: an Account id (linked in the state or written in a note's
 * front matter), a vault-relative path, a title or an alias (case-insensitive). Notes the state
 * does not know yet are parsed only when the cheaper lookups found nothing.
 */
final class ScopeResolver {
  private final Path vaultRoot;
  private final StateStore state;
  private final RecordMapper mapper;

  ScopeResolver(Path vaultRoot, StateStore state, RecordMapper mapper) {
    this.vaultRoot = vaultRoot;
    this.state = state;
    this.mapper = mapper;
  }

  /**
   * @throws SyncUsageException when nothing, or more than one note, matches
   */
  String resolve(String key, VaultListing listing, Map<String, String> links) throws IOException {
    String k = key.strip();
    if (k.isEmpty()) {
      throw new SyncUsageException("no account key given");
    }
    if (SalesforceId.isId(k) && links.containsKey(SalesforceId.to18(k))) {
      return links.get(SalesforceId.to18(k));
    }
    String asPath = k.replace('\\', '/');
    for (NoteFile f : listing.notes()) {
      if (f.relativePath().equals(asPath) || f.relativePath().equals(asPath + ".md")) {
        return f.relativePath();
      }
    }
    List<String> found = new ArrayList<>();
    for (NoteState n : state.notes()) {
      if (n.selected()
          && (k.equalsIgnoreCase(n.title())
              || n.aliases().stream().anyMatch(k::equalsIgnoreCase))) {
        found.add(n.path());
      }
    }
    if (found.isEmpty()) {
      NoteParser parser = new NoteParser();
      for (NoteFile f : listing.notes()) {
        Note note = parser.read(f);
        if (note.hasErrors() || !mapper.selects(note)) {
          continue;
        }
        String id =
            note.frontMatter()
                .map(fm -> fm.string(mapper.mappings().account().idProperty()))
                .orElse(null);
        boolean idMatch =
            id != null
                && SalesforceId.isId(k)
                && SalesforceId.to18(id.strip()).equals(SalesforceId.to18(k));
        if (idMatch
            || k.equalsIgnoreCase(note.title())
            || mapper.aliases(note).stream().anyMatch(k::equalsIgnoreCase)) {
          found.add(f.relativePath());
        }
      }
    }
    if (found.size() == 1) {
      return found.get(0);
    }
    throw new SyncUsageException(
        found.isEmpty()
            ? "no note or linked account matches '"
                + key
                + "' (title, alias, vault path or Account id)"
            : "'" + key + "' matches several notes: " + String.join(", ", found));
  }
}
