package com.vaultcrmsync.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.vaultcrmsync.vault.edit.NoteWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Proves the scanner lists only readable .md notes, in a stable order, and cannot be trapped. */
class VaultScannerTest {
  @TempDir Path vault;

  private Path note(String relative, String content) throws IOException {
    Path p = vault.resolve(relative);
    Files.createDirectories(p.getParent());
    return Files.writeString(p, content);
  }

  @Test
  void listsMarkdownNotesInPathOrderSkippingDotFoldersAndOtherFiles() throws IOException {
    note("b.md", "b");
    note("a/z.md", "z");
    note("a/b/c.md", "c");
    note("A.MD", "upper");
    note("image.png", "x");
    note("notes.md.bak", "x");
    note(".hidden.md", "x");
    note(".obsidian/workspace.md", "x");
    note(".trash/old.md", "x");
    note(".git/x.md", "x");
    note(".vault-crm-sync/state.md", "x");
    note("a/.nested-dot/x.md", "x");

    VaultListing listing = new VaultScanner().scan(vault);

    assertThat(listing.notes())
        .extracting(NoteFile::relativePath)
        .containsExactly("A.MD", "a/b/c.md", "a/z.md", "b.md");
    assertThat(listing.problems()).isEmpty();
    assertThat(listing.root()).isEqualTo(vault.toAbsolutePath().normalize());
  }

  @Test
  void eachListedNoteCarriesItsSizeAndModificationTime() throws IOException {
    Path p = note("x/n.md", "12345");
    Instant when = Instant.parse("2025-01-02T03:04:05Z");
    Files.setLastModifiedTime(p, FileTime.from(when));

    NoteFile file = new VaultScanner().scan(vault).notes().get(0);

    assertThat(file.relativePath()).isEqualTo("x/n.md");
    assertThat(file.path()).isEqualTo(vault.toAbsolutePath().normalize().resolve("x/n.md"));
    assertThat(file.size()).isEqualTo(5);
    assertThat(file.lastModified()).isEqualTo(when);
  }

  @Test
  void aSymlinkLoopDoesNotTrapTheScanAndLinksAreReported() throws IOException {
    note("a/real.md", "r");
    Files.createSymbolicLink(vault.resolve("a/loop"), vault);
    Files.createSymbolicLink(vault.resolve("self"), vault.resolve("self"));
    Files.createSymbolicLink(vault.resolve("linked.md"), vault.resolve("a/real.md"));

    VaultListing listing =
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> new VaultScanner().scan(vault));

    assertThat(listing.notes()).extracting(NoteFile::relativePath).containsExactly("a/real.md");
    assertThat(listing.problems())
        .extracting(ScanProblem::relativePath)
        .containsExactly("a/loop", "linked.md");
    assertThat(listing.problems().get(0).reason()).contains("symbolic link");
  }

  @Test
  void aNoteWithMoreThanOneHardLinkIsReportedNotListed() throws IOException {
    Path outside = Files.writeString(vault.resolveSibling("outside.md"), "private");
    Files.createLink(vault.resolve("linked.md"), outside);
    note("plain.md", "p");

    VaultListing listing = new VaultScanner().scan(vault);
    VaultListing one = new VaultScanner().scanNote(vault, "linked.md");

    assertThat(listing.notes()).extracting(NoteFile::relativePath).containsExactly("plain.md");
    assertThat(listing.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.relativePath()).isEqualTo("linked.md");
              assertThat(p.reason()).isEqualTo("has 2 hard links; not synced");
            });
    assertThat(one.notes()).isEmpty();
    assertThat(one.problems())
        .extracting(ScanProblem::reason)
        .containsExactly("has 2 hard links; not synced");
  }

  @Test
  void notesAboveTheSizeCapAreReportedNotListed() throws IOException {
    note("small.md", "x".repeat(100));
    note("big.md", "x".repeat(101));

    VaultListing listing = new VaultScanner(100).scan(vault);

    assertThat(listing.notes()).extracting(NoteFile::relativePath).containsExactly("small.md");
    assertThat(listing.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.relativePath()).isEqualTo("big.md");
              assertThat(p.reason()).contains("too large").contains("101").contains("100");
            });
  }

  @Test
  void theDefaultCapIsFiveMebibytes() {
    assertThat(VaultScanner.DEFAULT_MAX_NOTE_BYTES).isEqualTo(5 * 1024 * 1024);
  }

  @Test
  void writerTempFilesLeftByACrashAreListedAndRemoved() throws IOException {
    note("a/n.md", "n");
    Path stale = note("a/.n.md" + NoteWriter.TEMP_MARKER + "0011aabb", "half");

    VaultListing listing = new VaultScanner().scan(vault);
    assertThat(listing.staleTemps()).containsExactly(stale.toAbsolutePath().normalize());
    assertThat(listing.notes()).hasSize(1);

    assertThat(NoteWriter.removeStaleTemps(listing.staleTemps())).isEqualTo(1);
    assertThat(stale).doesNotExist();
    assertThat(new VaultScanner().scan(vault).staleTemps()).isEmpty();
  }

  @Test
  void aMissingVaultFolderIsAnError() {
    assertThatThrownBy(() -> new VaultScanner().scan(vault.resolve("missing")))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("missing");
  }
}
