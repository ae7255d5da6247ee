package com.vaultcrmsync.sync.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaultcrmsync.sync.state.ReviewEntry.Kind;
import com.vaultcrmsync.sync.state.ReviewEntry.Status;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Proves that review items persist with stable ids, keep their history and honour a person. */
class ReviewQueueTest {
  private static final Instant T1 = Instant.parse("2026-01-01T09:00:00Z");
  private static final Instant T2 = Instant.parse("2026-01-02T09:00:00Z");
  private static final String VAULT = "{\"vault\":\"Call Ann\"}";

  @TempDir Path dir;

  @Test
  void raisingTwiceKeepsTheFirstSightingAndMovesTheLast() {
    try (StateStore s = StateStore.open(dir)) {
      ReviewEntry first = at(s, T1).raise(Kind.CONFLICT, "Acme.md", "vk1-abc", 12, "both", VAULT);
      ReviewEntry again = at(s, T2).raise(Kind.CONFLICT, "Acme.md", "vk1-abc", 14, "both", VAULT);
      assertThat(again.id()).isEqualTo(first.id());
      assertThat(again.firstSeen()).isEqualTo(T1);
      assertThat(again.lastSeen()).isEqualTo(T2);
      assertThat(again.line()).isEqualTo(14);
      assertThat(again.status()).isEqualTo(Status.OPEN);
      assertThat(s.reviewQueue().all()).hasSize(1);
    }
  }

  @Test
  void idsAreStableAcrossReopeningAndUrlSafe() {
    String id;
    try (StateStore s = StateStore.open(dir)) {
      id = s.reviewQueue().raise(Kind.CONFLICT, "Acme.md", "vk1-abc", null, "both", VAULT).id();
      s.reviewQueue().raise(Kind.AMBIGUOUS, "Acme.md", null, 1, "two Accounts", "[]");
    }
    // Pinned: the id is derived, not stored, so it must not change between versions.
    assertThat(id).isEqualTo("8573c150701f9472e7a0").matches("[a-z0-9]+");
    try (StateStore s = StateStore.open(dir)) {
      assertThat(s.reviewQueue().byId(id))
          .get()
          .extracting(ReviewEntry::recordKey)
          .isEqualTo("vk1-abc");
      assertThat(s.reviewQueue().isOpen(Kind.CONFLICT, "Acme.md", "vk1-abc")).isTrue();
      assertThat(s.reviewQueue().isOpen(Kind.ERROR, "Acme.md", "vk1-abc")).isFalse();
      assertThat(s.reviewQueue().openFor("Acme.md")).hasSize(2);
      assertThat(ReviewEntry.idOf(Kind.AMBIGUOUS, "Acme.md", null)).isNotEqualTo(id);
    }
  }

  @Test
  void anIgnoredItemStaysIgnoredWhileItsDetailIsTheSameAndOpensWhenItChanges() {
    try (StateStore s = StateStore.open(dir)) {
      ReviewQueue q = s.reviewQueue();
      String id = q.raise(Kind.DELETE, "Acme.md", "00T000000000001AAA", 3, "gone", VAULT).id();
      assertThat(q.ignore(id)).isTrue();
      q.raise(Kind.DELETE, "Acme.md", "00T000000000001AAA", 3, "gone", VAULT);
      assertThat(q.byId(id)).get().extracting(ReviewEntry::status).isEqualTo(Status.IGNORED);
      assertThat(q.open()).isEmpty();
      q.raise(Kind.DELETE, "Acme.md", "00T000000000001AAA", 3, "gone", "{\"vault\":\"Call Bob\"}");
      assertThat(q.byId(id)).get().extracting(ReviewEntry::status).isEqualTo(Status.OPEN);
    }
  }

  @Test
  void resolvingClosesAnItemAndRaisingItAgainOpensIt() {
    try (StateStore s = StateStore.open(dir)) {
      ReviewQueue q = s.reviewQueue();
      String id = q.raise(Kind.ERROR, "Acme.md", "vk1-abc", 5, "rejected", null).id();
      assertThat(q.resolve(id, "retry")).isTrue();
      assertThat(q.byId(id))
          .get()
          .extracting(ReviewEntry::status, ReviewEntry::resolution)
          .containsExactly(Status.RESOLVED, "retry");
      assertThat(q.isOpen(Kind.ERROR, "Acme.md", "vk1-abc")).isFalse();
      assertThat(q.resolve("no-such-id", "retry")).isFalse();
      q.raise(Kind.ERROR, "Acme.md", "vk1-abc", 5, "rejected", null);
      assertThat(q.byId(id))
          .get()
          .extracting(ReviewEntry::status, ReviewEntry::resolution)
          .containsExactly(Status.OPEN, null);
      assertThat(q.reopen(id)).isTrue();
    }
  }

  @Test
  void clearingANoteClosesOnlyItsItemsThatWereNotRaisedAgain() {
    try (StateStore s = StateStore.open(dir)) {
      ReviewQueue q = s.reviewQueue();
      String kept = q.raise(Kind.CONFLICT, "Acme.md", "vk1-a", 1, "both", VAULT).id();
      String gone = q.raise(Kind.CONFLICT, "Acme.md", "vk1-b", 2, "both", VAULT).id();
      String other = q.raise(Kind.CONFLICT, "Beta.md", "vk1-c", 2, "both", VAULT).id();
      assertThat(q.clearGone("Acme.md", Set.of(kept))).isEqualTo(1);
      assertThat(q.byId(gone))
          .get()
          .extracting(ReviewEntry::status, ReviewEntry::resolution)
          .containsExactly(Status.RESOLVED, ReviewQueue.GONE);
      assertThat(q.open()).extracting(ReviewEntry::id).containsExactlyInAnyOrder(kept, other);
      assertThat(q.clearGone("Beta.md", Set.of())).isEqualTo(1);
    }
  }

  @Test
  void anOldStateFileWithoutTheTableOpensReadOnlyAndThenGetsIt() throws Exception {
    String url = "jdbc:h2:file:" + dir.toAbsolutePath().resolve("state");
    try (var c = DriverManager.getConnection(url);
        var st = c.createStatement()) {
      st.execute(
          "CREATE TABLE note_file(path VARCHAR PRIMARY KEY, size BIGINT NOT NULL, mtime BIGINT"
              + " NOT NULL, content_hash VARCHAR NOT NULL, selected BOOLEAN NOT NULL, title"
              + " VARCHAR, aliases VARCHAR);"
              + "CREATE TABLE sync_position(name VARCHAR PRIMARY KEY, val VARCHAR NOT NULL);"
              + "INSERT INTO note_file VALUES('A.md', 1, 2, 'h', TRUE, 'A', NULL);");
    }
    try (StateStore s = StateStore.readOnly(dir)) {
      assertThat(s.reviewQueue().open()).isEmpty();
      assertThat(s.reviewQueue().byId("8573c150701f9472e7a0")).isEmpty();
      assertThatThrownBy(() -> s.reviewQueue().raise(Kind.ERROR, "A.md", null, 1, "x", null))
          .isInstanceOf(IllegalStateException.class);
    }
    try (StateStore s = StateStore.open(dir)) {
      assertThat(s.note("A.md")).isPresent();
      s.reviewQueue().raise(Kind.UNMATCHED, "A.md", null, 1, "no Account", null);
      assertThat(s.reviewQueue().openFor("A.md")).hasSize(1);
    }
    try (StateStore s = StateStore.readOnly(dir)) {
      assertThat(s.reviewQueue().open())
          .extracting(ReviewEntry::kind)
          .containsExactly(Kind.UNMATCHED);
    }
  }

  @Test
  void aDryRunReadsTheQueueAndChangesNothing() {
    try (StateStore s = StateStore.open(dir)) {
      s.reviewQueue().raise(Kind.AMBIGUOUS, "A.md", null, 1, "two", "[]");
    }
    try (StateStore s = StateStore.readOnly(dir)) {
      ReviewQueue q = s.reviewQueue();
      String id = q.open().get(0).id();
      assertThatThrownBy(() -> q.ignore(id)).isInstanceOf(IllegalStateException.class);
      assertThatThrownBy(() -> q.clearGone("A.md", Set.of()))
          .isInstanceOf(IllegalStateException.class);
      assertThat(q.open()).extracting(ReviewEntry::status).isEqualTo(List.of(Status.OPEN));
    }
  }

  private static ReviewQueue at(StateStore s, Instant t) {
    return s.reviewQueue().at(Clock.fixed(t, ZoneOffset.UTC));
  }
}
