package com.vaultcrmsync.sync.apply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaultcrmsync.sync.plan.Fingerprint;
import com.vaultcrmsync.vault.edit.NoteChangedException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Proves what the sync writes into a note: last_contact only forward, and never a stale note. */
class NoteUpdaterTest {
  @TempDir Path vault;

  private String write(String text) throws Exception {
    Files.writeString(vault.resolve("A.md"), text, StandardCharsets.UTF_8);
    return Fingerprint.of(text.getBytes(StandardCharsets.UTF_8));
  }

  private NoteUpdater.Outcome update(String hash, LocalDate newest) throws Exception {
    return new NoteUpdater(vault, "salesforce_id")
        .update("A.md", hash, null, List.of(), List.of(), newest, false, null);
  }

  @Test
  void unknownLastContactBecomesTheNewestActivityDate() throws Exception {
    String hash = write("---\nlast_contact: unknown # set by the sync\n---\n# A\n");
    NoteUpdater.Outcome o = update(hash, LocalDate.of(2026, 1, 15));
    assertThat(o.lastContactFrom()).isEqualTo("unknown");
    assertThat(Files.readString(vault.resolve("A.md")))
        .isEqualTo("---\nlast_contact: 2026-01-15 # set by the sync\n---\n# A\n");
  }

  @Test
  void lastContactNeverMovesBackAndAFutureDateAPersonTypedStays() throws Exception {
    String text = "---\nlast_contact: 2030-01-01\n---\n# A\n";
    String hash = write(text);
    NoteUpdater.Outcome o = update(hash, LocalDate.of(2026, 1, 15));
    assertThat(o.written()).isFalse();
    assertThat(o.lastContactTo()).isNull();
    assertThat(Files.readString(vault.resolve("A.md"))).isEqualTo(text);
  }

  @Test
  void aNoteThatIsNoLongerThePlannedVersionIsNotWritten() throws Exception {
    String hash = write("---\nlast_contact: unknown\n---\n# A\n");
    Files.writeString(vault.resolve("A.md"), "---\nlast_contact: unknown\n---\n# A\nuser edit\n");
    assertThatThrownBy(() -> update(hash, LocalDate.of(2026, 1, 15)))
        .isInstanceOf(NoteChangedException.class);
    assertThat(Files.readString(vault.resolve("A.md"))).endsWith("user edit\n");
  }
}
