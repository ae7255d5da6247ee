package com.vaultcrmsync.vault;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.camel.component.file.GenericFile;
import org.apache.camel.component.file.GenericFileFilter;

/**
 * The vault watch's file filter (design §2): Markdown notes only, never inside a dot-folder such as
 * {@code .obsidian}, {@code .trash}, {@code .git} or the tool's own state folder, nor in a folder
 * marked with {@link VaultScanner#IGNORE_MARKER}.
 */
public final class VaultFileFilter<T> implements GenericFileFilter<T> {
  @Override
  public boolean accept(GenericFile<T> file) {
    String relative = file.getRelativeFilePath().replace('\\', '/');
    for (String segment : relative.split("/")) {
      if (segment.startsWith(".")) {
        return false;
      }
    }
    if (file.isDirectory()) {
      return !Files.exists(Path.of(file.getAbsoluteFilePath(), VaultScanner.IGNORE_MARKER));
    }
    return file.getFileNameOnly().endsWith(".md");
  }
}
