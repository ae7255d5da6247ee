package com.vaultcrmsync.vault;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Proves that listing one note gives exactly what the full scan lists for that path. */
class VaultScannerNoteTest {
  @TempDir Path vault;

  @Test
  void oneNoteIsListedExactlyWhenTheFullScanWouldListIt() throws Exception {
    write("Customers/Acme.md", "# Acme\n");
    write(".obsidian/Hidden.md", "# Hidden\n");
    write("Archive/Old.md", "# Old\n");
    write("Archive/" + VaultScanner.IGNORE_MARKER, "");
    write("Customers/notes.txt", "not a note\n");
    write("Customers/Big.md", "x".repeat(200));
    VaultScanner scanner = new VaultScanner(100);
    VaultListing all = scanner.scan(vault);

    for (String path :
        new String[] {
          "Customers/Acme.md",
          ".obsidian/Hidden.md",
          "Archive/Old.md",
          "Customers/notes.txt",
          "Customers/Big.md",
          "Customers/Missing.md",
          "../outside.md"
        }) {
      VaultListing one = scanner.scanNote(vault, path);
      assertThat(one.notes())
          .as(path)
          .isEqualTo(all.notes().stream().filter(n -> n.relativePath().equals(path)).toList());
      assertThat(one.problems())
          .as(path)
          .isEqualTo(all.problems().stream().filter(p -> p.relativePath().equals(path)).toList());
    }
    assertThat(scanner.scanNote(vault, "Customers/Acme.md").notes()).hasSize(1);
  }

  private void write(String relative, String text) throws Exception {
    Path p = vault.resolve(relative);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
  }
}
