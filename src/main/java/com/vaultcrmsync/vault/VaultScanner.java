package com.vaultcrmsync.vault;

import com.vaultcrmsync.vault.edit.NoteWriter;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Lists the notes of a vault: every {@code .md} file below the root, skipping dot-folders ({@code
 * .obsidian}, {@code .trash}, {@code .git}, the tool's state folder) and dot-files. Symbolic links
 * are never followed (so a link loop cannot hang the walk) and are reported: writing through one
 * would replace the link with a file. Notes with more than one hard link are reported the same way
 * (the rename of a write would split the link). Files above the size cap are reported, not listed.
 * The result is sorted by path, so runs are repeatable.
 */
public final class VaultScanner {
  /** Default size cap for a note: 5 MiB. */
  /** A folder holding a file of this name is not synced (e.g. the report notes' folder). */
  public static final String IGNORE_MARKER = ".vault-crm-sync-ignore";

  public static final long DEFAULT_MAX_NOTE_BYTES = 5L * 1024 * 1024;

  private final long maxNoteBytes;

  public VaultScanner() {
    this(DEFAULT_MAX_NOTE_BYTES);
  }

  /** A scanner that reports notes larger than {@code maxNoteBytes} instead of listing them. */
  public VaultScanner(long maxNoteBytes) {
    if (maxNoteBytes <= 0) {
      throw new IllegalArgumentException("maxNoteBytes must be positive: " + maxNoteBytes);
    }
    this.maxNoteBytes = maxNoteBytes;
  }

  /** Walks {@code vaultRoot}; throws only when the root itself is not a readable folder. */
  public VaultListing scan(Path vaultRoot) throws IOException {
    Path root = vaultRoot.toAbsolutePath().normalize();
    if (!Files.isDirectory(root)) {
      throw new IOException("vault folder not found: " + root);
    }
    List<NoteFile> notes = new ArrayList<>();
    List<ScanProblem> problems = new ArrayList<>();
    List<Path> temps = new ArrayList<>();
    Files.walkFileTree(
        root,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
            return !dir.equals(root) && (isHidden(dir) || Files.exists(dir.resolve(IGNORE_MARKER)))
                ? FileVisitResult.SKIP_SUBTREE
                : FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
            String name = file.getFileName().toString();
            if (name.startsWith(".")) {
              if (name.contains(NoteWriter.TEMP_MARKER) && attrs.isRegularFile()) {
                temps.add(file);
              }
              return FileVisitResult.CONTINUE;
            }
            if (attrs.isSymbolicLink() && (isNote(name) || Files.isDirectory(file))) {
              problems.add(
                  new ScanProblem(
                      relative(root, file), "symbolic link: not followed, the note is not synced"));
            } else if (attrs.isRegularFile() && isNote(name)) {
              int links = hardLinks(file);
              if (links > 1) {
                problems.add(new ScanProblem(relative(root, file), hardLinksReason(links)));
              } else if (attrs.size() > maxNoteBytes) {
                problems.add(
                    new ScanProblem(
                        relative(root, file),
                        "too large: " + attrs.size() + " bytes, the limit is " + maxNoteBytes));
              } else {
                notes.add(
                    new NoteFile(
                        relative(root, file),
                        file,
                        attrs.size(),
                        attrs.lastModifiedTime().toInstant()));
              }
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFileFailed(Path file, IOException e) {
            if (!isHidden(file)) {
              problems.add(new ScanProblem(relative(root, file), "cannot read: " + e));
            }
            return FileVisitResult.CONTINUE;
          }
        });
    notes.sort(Comparator.comparing(NoteFile::relativePath));
    problems.sort(Comparator.comparing(ScanProblem::relativePath));
    temps.sort(Comparator.naturalOrder());
    return new VaultListing(root, notes, problems, temps);
  }

  /**
   * The listing {@link #scan} would give for one note only, without walking the vault: the note at
   * {@code relativePath} when it exists and the scan would list it (no dot-folder or ignored folder
   * on its way, a regular {@code .md} file within the size cap), else an empty listing or its
   * problem. Used by note-scoped runs (the daemon's saved note), whose cost must not grow with the
   * vault.
   */
  public VaultListing scanNote(Path vaultRoot, String relativePath) throws IOException {
    Path root = vaultRoot.toAbsolutePath().normalize();
    if (!Files.isDirectory(root)) {
      throw new IOException("vault folder not found: " + root);
    }
    Path file = root.resolve(relativePath.replace('\\', '/')).normalize();
    List<NoteFile> notes = new ArrayList<>();
    List<ScanProblem> problems = new ArrayList<>();
    String name = file.getFileName() == null ? "" : file.getFileName().toString();
    if (file.startsWith(root) && !file.equals(root) && !name.startsWith(".") && isNote(name)) {
      boolean listed = true;
      for (Path dir = file.getParent(); !dir.equals(root); dir = dir.getParent()) {
        if (isHidden(dir) || Files.exists(dir.resolve(IGNORE_MARKER))) {
          listed = false;
        }
      }
      if (listed && Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
        BasicFileAttributes attrs =
            Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (attrs.isSymbolicLink()) {
          problems.add(
              new ScanProblem(
                  relative(root, file), "symbolic link: not followed, the note is not synced"));
        } else if (attrs.isRegularFile() && hardLinks(file) > 1) {
          problems.add(new ScanProblem(relative(root, file), hardLinksReason(hardLinks(file))));
        } else if (attrs.isRegularFile() && attrs.size() > maxNoteBytes) {
          problems.add(
              new ScanProblem(
                  relative(root, file),
                  "too large: " + attrs.size() + " bytes, the limit is " + maxNoteBytes));
        } else if (attrs.isRegularFile()) {
          notes.add(
              new NoteFile(
                  relative(root, file), file, attrs.size(), attrs.lastModifiedTime().toInstant()));
        }
      }
    }
    return new VaultListing(root, notes, problems, List.of());
  }

  /**
   * How many names the file has; 1 where the file system cannot tell. A note with more than one is
   * not synced: its content may belong to a file outside the vault, and the atomic rename of a
   * write would silently split the link.
   */
  public static int hardLinks(Path file) {
    try {
      Object n = Files.getAttribute(file, "unix:nlink", LinkOption.NOFOLLOW_LINKS);
      return n instanceof Integer i ? i : 1;
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
      return 1;
    }
  }

  private static String hardLinksReason(int links) {
    return "has " + links + " hard links; not synced";
  }

  private static boolean isHidden(Path p) {
    Path name = p.getFileName();
    return name != null && name.toString().startsWith(".");
  }

  private static boolean isNote(String name) {
    return name.length() > 3 && name.regionMatches(true, name.length() - 3, ".md", 0, 3);
  }

  /** The path below the root with {@code /} separators, whatever the platform. */
  static String relative(Path root, Path file) {
    StringBuilder sb = new StringBuilder();
    for (Path part : root.relativize(file)) {
      if (sb.length() > 0) {
        sb.append('/');
      }
      sb.append(part);
    }
    return sb.toString();
  }
}
