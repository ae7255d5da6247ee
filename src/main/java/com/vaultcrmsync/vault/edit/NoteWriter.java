package com.vaultcrmsync.vault.edit;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Writes a note atomically and only if nobody changed it since it was read. The new content goes to
 * a hidden temp file in the same folder ({@code .<name>.vcs-tmp-<random>}, created owner-only), is
 * fsynced, gets the note's permissions, is checked once more against the expected content and then
 * renamed over the note; the folder is fsynced where the platform allows. On any failure the note
 * is left as it was and the temp file is removed. Unchanged content is never written, so the mtime
 * stays.
 */
public final class NoteWriter {
  /** Marks the writer's temp files; the scanner lists leftovers as stale. */
  public static final String TEMP_MARKER = ".vcs-tmp-";

  private static final SecureRandom RANDOM = new SecureRandom();

  private static final boolean POSIX =
      FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

  /** The temp file's mode until the note's own is copied: readable by its owner only. */
  private static final Set<PosixFilePermission> OWNER_ONLY =
      PosixFilePermissions.fromString("rw-------");

  private final Supplier<String> tempSuffix;
  private final Consumer<Path> afterTempWritten;

  public NoteWriter() {
    this(() -> HexFormat.of().formatHex(randomBytes()));
  }

  /** For tests: chooses the temp file's suffix. */
  NoteWriter(Supplier<String> tempSuffix) {
    this(tempSuffix, temp -> {});
  }

  /** For tests: also sees the temp file once its content is written, before anything else. */
  NoteWriter(Supplier<String> tempSuffix, Consumer<Path> afterTempWritten) {
    this.tempSuffix = tempSuffix;
    this.afterTempWritten = afterTempWritten;
  }

  /**
   * Replaces the note at {@code file} with {@code newText} if the file still holds {@code
   * expected}.
   *
   * @return true when written, false when {@code newText} equals the content (nothing written)
   * @throws NoteChangedException when the file's bytes differ from {@code expected} (or it is gone)
   * @throws IOException when writing fails; the note is then unchanged and no temp file is left
   */
  public boolean write(Path file, byte[] expected, String newText) throws IOException {
    byte[] update = encode(file, newText);
    if (Files.isSymbolicLink(file)) {
      // Renaming over a link would replace the link with a file and leave its target stale.
      throw new IOException("cannot write " + file + ": it is a symbolic link");
    }
    int links = hardLinks(file);
    if (links > 1) {
      // The rename would leave the other names on the old content: the link would silently split.
      throw new IOException("cannot write " + file + ": it has " + links + " hard links");
    }
    byte[] current = readCurrent(file);
    if (!Arrays.equals(current, expected)) {
      throw new NoteChangedException(file);
    }
    if (Arrays.equals(current, update)) {
      return false;
    }
    Path dir = file.toAbsolutePath().getParent();
    Path temp = dir.resolve("." + file.getFileName() + TEMP_MARKER + tempSuffix.get());
    boolean created = false;
    boolean moved = false;
    try {
      // Owner-only from its creation: a crash before the rename must not leave a copy of a
      // private note readable by others. The note's own mode is copied once the content is in.
      try (FileChannel out = openTemp(temp)) {
        created = true;
        ByteBuffer buffer = ByteBuffer.wrap(update);
        while (buffer.hasRemaining()) {
          out.write(buffer);
        }
        out.force(true);
      }
      afterTempWritten.accept(temp);
      copyPermissions(file, temp);
      // The last look before the rename keeps the window for a lost user edit as small as possible.
      if (!Arrays.equals(readCurrent(file), expected)) {
        throw new NoteChangedException(file);
      }
      move(temp, file);
      moved = true;
    } catch (NoteChangedException e) {
      throw e;
    } catch (IOException e) {
      throw new IOException("cannot write " + file + ": " + e, e);
    } finally {
      // Only a temp file this call created is removed, never something that was there before.
      if (created && !moved) {
        Files.deleteIfExists(temp);
      }
    }
    syncFolder(dir);
    return true;
  }

  /** Like {@link #write(Path, byte[], String)}, with the expected content as the text read. */
  public boolean write(Path file, String expectedText, String newText) throws IOException {
    return write(file, encode(file, expectedText), newText);
  }

  /**
   * Deletes temp files a crashed writer left behind (as listed by the scanner).
   *
   * @return how many were deleted
   */
  public static int removeStaleTemps(Collection<Path> staleTemps) throws IOException {
    int removed = 0;
    for (Path p : staleTemps) {
      if (p.getFileName().toString().contains(TEMP_MARKER) && Files.deleteIfExists(p)) {
        removed++;
      }
    }
    return removed;
  }

  private static byte[] readCurrent(Path file) throws IOException {
    try {
      return Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new NoteChangedException(file);
    }
  }

  private static void move(Path temp, Path file) throws IOException {
    try {
      Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      throw new IOException("the file system cannot rename atomically in " + file.getParent(), e);
    }
  }

  private static int hardLinks(Path file) {
    try {
      Object n = Files.getAttribute(file, "unix:nlink", LinkOption.NOFOLLOW_LINKS);
      return n instanceof Integer i ? i : 1;
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
      return 1;
    }
  }

  private static FileChannel openTemp(Path temp) throws IOException {
    Set<StandardOpenOption> options =
        Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    return POSIX
        ? FileChannel.open(temp, options, PosixFilePermissions.asFileAttribute(OWNER_ONLY))
        : FileChannel.open(temp, options);
  }

  private static void copyPermissions(Path from, Path to) throws IOException {
    PosixFileAttributeView view = Files.getFileAttributeView(from, PosixFileAttributeView.class);
    if (view != null) {
      Set<PosixFilePermission> permissions = view.readAttributes().permissions();
      Files.setPosixFilePermissions(to, permissions);
    }
  }

  /** Makes the rename durable; some platforms cannot open a folder, which is then skipped. */
  private static void syncFolder(Path dir) {
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      // The rename itself already happened; durability of the folder entry is best effort.
    }
  }

  private static byte[] encode(Path file, String text) throws IOException {
    try {
      ByteBuffer bytes =
          StandardCharsets.UTF_8
              .newEncoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .encode(CharBuffer.wrap(text));
      return Arrays.copyOfRange(
          bytes.array(),
          bytes.arrayOffset() + bytes.position(),
          bytes.arrayOffset() + bytes.limit());
    } catch (CharacterCodingException e) {
      throw new IOException("cannot write " + file + ": the text is not valid Unicode", e);
    }
  }

  private static byte[] randomBytes() {
    byte[] b = new byte[8];
    RANDOM.nextBytes(b);
    return b;
  }
}
