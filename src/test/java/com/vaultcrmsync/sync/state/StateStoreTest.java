package com.vaultcrmsync.sync.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Proves that the state store keeps links, hashes and the watermark across reopenings. */
class StateStoreTest {
  @TempDir Path dir;

  @Test
  void stateSurvivesReopening() {
    Path stateDir = dir.resolve(".vault-crm-sync");
    try (StateStore s = StateStore.open(stateDir)) {
      s.putNote(new NoteState("A.md", 10, 20, "h", true, "A", List.of("Alpha", "AA")));
      s.putLink(new AccountLink("001000000000001AAA", "A.md", "fields", null));
      s.putActivity(
          new ActivityState(
              "vk1-x",
              ActivityState.Origin.VAULT,
              "00T000000000001AAA",
              "001000000000001AAA",
              "A.md",
              LocalDate.of(2025, 12, 19),
              "s",
              null,
              null,
              null,
              false));
      s.putWatermark(Instant.parse("2026-01-01T00:00:00Z"));
      s.audit("run1", "crm", "create", "Account/001000000000001AAA", null, "fields");
    }
    try (StateStore s = StateStore.open(stateDir)) {
      assertThat(s.note("A.md"))
          .get()
          .extracting(NoteState::aliases)
          .isEqualTo(List.of("Alpha", "AA"));
      assertThat(s.linkByNote("A.md"))
          .get()
          .extracting(AccountLink::accountId)
          .isEqualTo("001000000000001AAA");
      assertThat(s.links()).containsEntry("001000000000001AAA", "A.md");
      assertThat(s.activityByCrmId("00T000000000001AAA"))
          .get()
          .extracting(ActivityState::key)
          .isEqualTo("vk1-x");
      assertThat(s.newestActivityDate("001000000000001AAA", LocalDate.of(2026, 1, 1)))
          .contains(LocalDate.of(2025, 12, 19));
      assertThat(s.watermark()).contains(Instant.parse("2026-01-01T00:00:00Z"));
      assertThat(s.auditLog())
          .hasSize(1)
          .first()
          .extracting(m -> m.get("action"))
          .isEqualTo("create");
    }
  }

  @Test
  void relinkingANoteReplacesItsOldLink() {
    try (StateStore s = StateStore.open(dir)) {
      s.putLink(new AccountLink("001000000000001AAA", "A.md", null, null));
      s.putLink(new AccountLink("001000000000002AAA", "A.md", null, null));
      assertThat(s.links()).containsOnlyKeys("001000000000002AAA");
    }
  }

  @Test
  void dryRunStateCreatesNothingOnDiskAndRefusesWrites() {
    Path stateDir = dir.resolve("missing");
    try (StateStore s = StateStore.readOnly(stateDir)) {
      assertThat(s.watermark()).isEmpty();
      assertThatThrownBy(() -> s.putWatermark(Instant.now()))
          .isInstanceOf(IllegalStateException.class);
    }
    assertThat(Files.exists(stateDir)).isFalse();
  }

  @Test
  void aFailedTransactionKeepsNothing() {
    try (StateStore s = StateStore.open(dir)) {
      assertThatThrownBy(
              () ->
                  s.inTransaction(
                      () -> {
                        s.putWatermark(Instant.parse("2026-01-01T00:00:00Z"));
                        throw new IllegalStateException("boom");
                      }))
          .hasMessage("boom");
      assertThat(s.watermark()).isEmpty();
    }
  }

  @Test
  void aBatchThatFailsKeepsWhatItDidBeforeTheFailureAsRowByRowCommitsWould() {
    try (StateStore s = StateStore.open(dir)) {
      assertThatThrownBy(
              () ->
                  s.batched(
                      2,
                      () -> {
                        for (int i = 0; i < 5; i++) {
                          s.putNote(
                              new NoteState("n" + i + ".md", i, i, "h" + i, true, "N", List.of()));
                        }
                        throw new IllegalStateException("boom");
                      }))
          .hasMessage("boom");
    }
    try (StateStore s = StateStore.open(dir)) {
      assertThat(s.notes())
          .extracting(NoteState::path)
          .containsExactly("n0.md", "n1.md", "n2.md", "n3.md", "n4.md");
      s.batched(
          500,
          () -> {
            s.putWatermark(Instant.parse("2026-01-01T00:00:00Z"));
            s.inTransaction(() -> s.removeNote("n0.md"));
          });
    }
    try (StateStore s = StateStore.open(dir)) {
      assertThat(s.watermark()).contains(Instant.parse("2026-01-01T00:00:00Z"));
      assertThat(s.notes()).hasSize(4);
    }
  }

  @Test
  void closingAStateRewrittenByBatchedCommitsCompactsItsFileAndKeepsEveryRow() throws Exception {
    Path stateDir = dir.resolve(".vault-crm-sync");
    Path file = stateDir.resolve("state.mv.db");
    long before;
    try (StateStore s = StateStore.open(stateDir).compactAbove(0)) {
      for (int round = 0; round < 3; round++) {
        String hash = "synced-" + round;
        s.batched(
            500,
            () -> {
              for (int i = 0; i < 6_000; i++) {
                s.putActivity(activity(i, hash));
              }
            });
      }
      before = Files.size(file);
    }
    assertThat(Files.size(file)).isLessThan(before / 2);
    try (StateStore s = StateStore.open(stateDir)) {
      assertThat(s.activity("vk1-5999"))
          .get()
          .extracting(ActivityState::syncedHash)
          .isEqualTo("synced-2");
      assertThat(s.activitiesOfNote("Note 0.md")).hasSize(13);
    }
  }

  private static ActivityState activity(int i, String hash) {
    return new ActivityState(
        "vk1-" + i,
        ActivityState.Origin.VAULT,
        String.format("00T%015d", i),
        String.format("001%015d", i / 13),
        "Note " + (i / 13) + ".md",
        LocalDate.of(2025, 1, 1).plusDays(i % 365),
        hash,
        "line-" + i,
        null,
        null,
        false);
  }
}
