package com.vaultcrmsync.vault.edit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves writes are guarded, atomic, skipped when unchanged, and leave nothing behind on failure.
 */
class NoteWriterTest {
  private static final Instant OLD = Instant.parse("2024-01-01T00:00:00Z");

  @TempDir Path dir;

  private Path note(String content) throws IOException {
    Path p = dir.resolve("Note.md");
    Files.write(p, content.getBytes(StandardCharsets.UTF_8));
    Files.setLastModifiedTime(p, FileTime.from(OLD));
    return p;
  }

  private List<String> files() throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void newContentReplacesTheNoteAndNoTempFileRemains() throws IOException {
    Path p = note("\uFEFFold\r\n");
    byte[] read = Files.readAllBytes(p);

    boolean written = new NoteWriter().write(p, read, "\uFEFFnew\r\nline");

    assertThat(written).isTrue();
    assertThat(Files.readAllBytes(p))
        .isEqualTo("\uFEFFnew\r\nline".getBytes(StandardCharsets.UTF_8));
    assertThat(files()).containsExactly("Note.md");
  }

  @Test
  void unchangedContentIsNotWrittenAndTheMtimeStays() throws IOException {
    Path p = note("same\n");

    boolean written = new NoteWriter().write(p, "same\n", "same\n");

    assertThat(written).isFalse();
    assertThat(Files.getLastModifiedTime(p).toInstant()).isEqualTo(OLD);
  }

  @Test
  void aNoteChangedSinceItWasReadIsNotOverwritten() throws IOException {
    Path p = note("as read\n");
    byte[] read = Files.readAllBytes(p);
    Files.writeString(p, "the user's edit\n");

    assertThatThrownBy(() -> new NoteWriter().write(p, read, "sync result\n"))
        .isInstanceOf(NoteChangedException.class)
        .hasMessageContaining("Note.md");
    assertThat(Files.readString(p)).isEqualTo("the user's edit\n");
    assertThat(files()).containsExactly("Note.md");
  }

  @Test
  void aNoteDeletedSinceItWasReadIsNotRecreated() throws IOException {
    Path p = note("as read\n");
    Files.delete(p);

    assertThatThrownBy(() -> new NoteWriter().write(p, "as read\n", "sync result\n"))
        .isInstanceOf(NoteChangedException.class);
    assertThat(p).doesNotExist();
  }

  @Test
  void aUserEditDuringTheWriteWinsAndTheTempFileIsRemoved() throws IOException {
    Path p = note("as read\n");
    NoteWriter writer =
        new NoteWriter(
            () -> {
              // The user saves while the temp file is being prepared.
              try {
                Files.writeString(p, "the user's edit\n");
              } catch (IOException e) {
                throw new IllegalStateException(e);
              }
              return "during";
            });

    assertThatThrownBy(() -> writer.write(p, "as read\n", "sync result\n"))
        .isInstanceOf(NoteChangedException.class);
    assertThat(Files.readString(p)).isEqualTo("the user's edit\n");
    assertThat(files()).containsExactly("Note.md");
  }

  @Test
  void permissionsOfTheNoteAreKept() throws IOException {
    Path p = note("x\n");
    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-r-----"));

    new NoteWriter().write(p, "x\n", "y\n");

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(p)))
        .isEqualTo("rw-r-----");
    assertThat(Files.readString(p)).isEqualTo("y\n");
  }

  @Test
  void theTempFileOfAPrivateNoteIsNeverReadableByOthers() throws IOException {
    Path p = note("secret\n");
    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-------"));
    List<String> tempModes = new ArrayList<>();
    NoteWriter writer =
        new NoteWriter(
            () -> "seen",
            temp -> {
              // What a kill -9 at this moment would leave behind.
              try {
                tempModes.add(PosixFilePermissions.toString(Files.getPosixFilePermissions(temp)));
              } catch (IOException e) {
                throw new IllegalStateException(e);
              }
            });

    writer.write(p, "secret\n", "still secret\n");

    assertThat(tempModes).containsExactly("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(p)))
        .isEqualTo("rw-------");
    assertThat(files()).containsExactly("Note.md");
  }

  @Test
  void aFailedWriteLeavesTheNoteAsItWasAndNoTempFile() throws IOException {
    Path p = note("original\n");
    // A folder where the temp file must go makes creating it fail, as a full disk would.
    Path blocker =
        Files.createDirectory(dir.resolve(".Note.md" + NoteWriter.TEMP_MARKER + "fixed"));

    assertThatThrownBy(() -> new NoteWriter(() -> "fixed").write(p, "original\n", "changed\n"))
        .isInstanceOf(IOException.class)
        .isNotInstanceOf(NoteChangedException.class)
        .hasMessageContaining(p.toString());
    assertThat(Files.readString(p)).isEqualTo("original\n");
    assertThat(Files.getLastModifiedTime(p).toInstant()).isEqualTo(OLD);
    assertThat(blocker).isDirectory();
    assertThat(files()).containsExactly(".Note.md" + NoteWriter.TEMP_MARKER + "fixed", "Note.md");
  }

  @Test
  void aReadOnlyFolderFailsWithThePathAndLeavesTheNoteIntact() throws IOException {
    Path p = note("original\n");
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("r-xr-xr-x"));
    try {
      // Asked of the kernel, not of user.name: uid 0 (or CAP_DAC_OVERRIDE) writes anyway.
      assumeFalse(
          Files.isWritable(dir),
          "runs as root (or with CAP_DAC_OVERRIDE), which writes into a read-only folder anyway:"
              + " the refusal this test checks cannot happen for this user");
      assertThatThrownBy(() -> new NoteWriter().write(p, "original\n", "changed\n"))
          .isInstanceOf(IOException.class)
          .hasMessageContaining(p.toString());
      assertThat(Files.readString(p)).isEqualTo("original\n");
      assertThat(files()).containsExactly("Note.md");
    } finally {
      Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
  }

  @Test
  void textThatIsNotValidUnicodeIsRefusedBeforeTouchingTheFile() throws IOException {
    Path p = note("x\n");

    assertThatThrownBy(() -> new NoteWriter().write(p, "x\n", "broken \uD800 surrogate"))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("Unicode");
    assertThat(Files.readString(p)).isEqualTo("x\n");
  }

  @Test
  void aSymbolicLinkIsNotReplacedByAFile() throws IOException {
    Path target = note("x\n");
    Path link = Files.createSymbolicLink(dir.resolve("Link.md"), target);

    assertThatThrownBy(() -> new NoteWriter().write(link, "x\n", "y\n"))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("symbolic link");
    assertThat(Files.isSymbolicLink(link)).isTrue();
    assertThat(Files.readString(target)).isEqualTo("x\n");
  }

  @Test
  void aHardLinkedNoteIsNotWrittenAndTheLinkStays() throws IOException {
    Path p = note("x\n");
    Path other = Files.createLink(dir.resolve("Other.md"), p);

    assertThatThrownBy(() -> new NoteWriter().write(p, "x\n", "y\n"))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("2 hard links");
    assertThat(Files.isSameFile(p, other)).isTrue();
    assertThat(Files.readString(p)).isEqualTo("x\n");
    assertThat(files()).containsExactly("Note.md", "Other.md");
  }
}
