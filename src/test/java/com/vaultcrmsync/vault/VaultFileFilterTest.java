package com.vaultcrmsync.vault;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.camel.component.file.GenericFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Proves the vault watch sees Markdown notes only, never inside dot-folders or ignored folders. */
class VaultFileFilterTest {
  @TempDir Path vault;
  private final VaultFileFilter<File> filter = new VaultFileFilter<>();

  @Test
  void notesAnywhereButDotFoldersAndMarkedFoldersAreWatched() throws Exception {
    Files.createDirectories(vault.resolve("reports"));
    Files.writeString(vault.resolve("reports").resolve(VaultScanner.IGNORE_MARKER), "");

    assertThat(filter.accept(file("Customers/Acme.md", false))).isTrue();
    assertThat(filter.accept(file("Customers", true))).isTrue();
    assertThat(filter.accept(file("Acme.txt", false))).isFalse();
    assertThat(filter.accept(file(".obsidian/workspace.md", false))).isFalse();
    assertThat(filter.accept(file(".vault-crm-sync", true))).isFalse();
    assertThat(filter.accept(file("Customers/.trash/Old.md", false))).isFalse();
    assertThat(filter.accept(file("reports", true))).isFalse();
  }

  private GenericFile<File> file(String relative, boolean directory) {
    GenericFile<File> f = new GenericFile<>();
    Path absolute = vault.resolve(relative);
    f.setRelativeFilePath(relative);
    f.setAbsoluteFilePath(absolute.toString());
    f.setFileNameOnly(absolute.getFileName().toString());
    f.setFileName(relative);
    f.setDirectory(directory);
    return f;
  }
}
