package com.vaultcrmsync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves that the queries built from many notes fit one HTTP request: identity queries over long
 * non-ASCII names (counted URL-encoded) and activity queries over hundreds of linked Accounts, as a
 * first sync and a sync after a lost state folder run them.
 */
class LargeQueriesEndToEndTest {
  private static final int NOTES = 320;

  @TempDir Path dir;

  @Test
  void hundredsOfLongNonAsciiNamesAndLinkedAccountsSyncWithoutDuplicates() throws Exception {
    try (SyncHarness h = new SyncHarness(dir)) {
      for (int i = 0; i < NOTES; i++) {
        String title = "\u65e5\u672c\u30c7\u30fc\u30bf\u682a\u5f0f\u4f1a\u793e".repeat(6) + " " + i;
        h.write(
            "n" + i + ".md",
            "---\ntype: customer\ntitle: "
                + title
                + "\n---\n# T\n## Recent Context\n- 2026-01-05: Call "
                + i
                + " - x (via D)\n");
      }

      assertThat(h.sync()).as(h.lastOut + h.lastErr).isZero();
      assertThat(h.records("Account")).hasSize(NOTES);
      assertThat(h.sync()).as(h.lastOut + h.lastErr).isZero();
      assertThat(h.report().api().calls())
          .as("second run after a first sync")
          .isLessThanOrEqualTo(3);

      try (Stream<Path> state = Files.walk(h.vault.resolve(".vault-crm-sync"))) {
        state.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
      assertThat(h.sync()).as(h.lastOut + h.lastErr).isZero();

      assertThat(h.records("Account")).hasSize(NOTES);
      assertThat(h.records("Task")).hasSize(NOTES);
      assertThat(h.report().totals().errors()).isZero();
    }
  }
}
