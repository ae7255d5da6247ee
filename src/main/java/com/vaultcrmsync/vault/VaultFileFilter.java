package com.vaultcrmsync.vault;

import org.apache.camel.component.file.GenericFile;
import org.apache.camel.component.file.GenericFileFilter;

/**
 * The vault watch's file filter (design §2): Markdown notes only, never inside a dot-folder such as
 * {@code .obsidian}, {@code .trash}, {@code .git} or the tool's own state folder.
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
    return file.isDirectory() || file.getFileNameOnly().endsWith(".md");
  }
}
