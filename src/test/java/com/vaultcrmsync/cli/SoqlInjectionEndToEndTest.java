package com.vaultcrmsync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaultcrmsync.report.RunReport;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves that names and aliases taken from notes cannot change the SOQL the sync sends: the org
 * holds one Account named exactly as each hostile string plus decoys that an injected condition or
 * wildcard would also match; every note matches exactly its own Account by name or alias, none is
 * ambiguous, none creates a duplicate.
 */
class SoqlInjectionEndToEndTest {
  private static final List<String> HOSTILE =
      List.of(
          "x' OR Name != 'y",
          "x\\' OR Name != \\'y",
          "' OR Id != null OR Name = '",
          "a\\",
          "\\\\'",
          "100%",
          "a_b",
          "LIKE '%'",
          "Quote\" Co",
          "Tab\tCo",
          "Line\nBreak",
          "Curly \u2019 Co",
          "') OR (Name != '",
          "x' AND Name IN ('Decoy A', 'Decoy B') OR Name = 'y");

  @TempDir Path dir;

  @Test
  void hostileNamesAndAliasesMatchOnlyTheirOwnAccount() throws Exception {
    try (SyncHarness h = new SyncHarness(dir)) {
      for (String decoy : List.of("Decoy A", "Decoy B", "y", "100 percent", "axb", "a")) {
        h.org.insertAs("Dana Lee", "Account", Map.of("Name", decoy));
      }
      List<String> ids = new ArrayList<>();
      for (int i = 0; i < HOSTILE.size(); i++) {
        String name = HOSTILE.get(i);
        ids.add(h.org.insertAs("Dana Lee", "Account", Map.of("Name", name)));
        boolean byAlias = i % 2 == 1;
        h.write(
            "n" + i + ".md",
            "---\ntype: customer\ntitle: "
                + yaml(byAlias ? "Plain Title " + i : name)
                + (byAlias ? "\naliases:\n- " + yaml(name) : "")
                + "\n---\n# N\n");
      }
      int accounts = h.records("Account").size();

      assertThat(h.sync()).as(h.lastOut + h.lastErr).isZero();

      assertThat(h.records("Account")).hasSize(accounts);
      Map<String, RunReport.NoteReport> notes =
          h.report().notes().stream().collect(Collectors.toMap(RunReport.NoteReport::path, n -> n));
      for (int i = 0; i < HOSTILE.size(); i++) {
        RunReport.NoteReport n = notes.get("n" + i + ".md");
        assertThat(n.match()).as(HOSTILE.get(i)).isEqualTo(i % 2 == 1 ? "alias" : "name");
        assertThat(n.crmId()).as(HOSTILE.get(i)).isEqualTo(ids.get(i));
      }
    }
  }

  /** A double-quoted YAML scalar holding {@code s} exactly. */
  private static String yaml(String s) {
    return "\""
        + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\t", "\\t")
        + "\"";
  }
}
