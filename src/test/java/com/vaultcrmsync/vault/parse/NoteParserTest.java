package com.vaultcrmsync.vault.parse;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaultcrmsync.vault.LineEnding;
import com.vaultcrmsync.vault.Note;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Proves the parser's limits and encoding rules beyond the golden fixtures. */
class NoteParserTest {
  private final NoteParser parser = new NoteParser();

  @Test
  void aReplacementCharacterWrittenInTheNoteIsValidUtf8() {
    byte[] bytes = "# A \uFFFD title\n".getBytes(StandardCharsets.UTF_8);

    Note note = parser.parse("a.md", bytes);

    assertThat(note.problems()).isEmpty();
    assertThat(note.title()).isEqualTo("A \uFFFD title");
  }

  @Test
  void anEncodedSurrogateIsInvalidUtf8WithItsOffset() {
    byte[] bytes = {'#', ' ', 'x', '\n', (byte) 0xED, (byte) 0xA0, (byte) 0x80};

    Note note = parser.parse("dir/a.md", bytes);

    assertThat(note.hasErrors()).isTrue();
    assertThat(note.problems().get(0).message()).contains("dir/a.md").contains("byte offset 4");
    assertThat(note.problems().get(0).line()).isEqualTo(2);
  }

  @Test
  void theBomIsKeptInTheTextAndOffsetsCountIt() {
    Note note =
        parser.parse("a.md", "\uFEFF---\ntitle: T\n---\n# H\n".getBytes(StandardCharsets.UTF_8));

    assertThat(note.text()).startsWith("\uFEFF---");
    assertThat(note.frontMatter().orElseThrow().start()).isEqualTo(1);
    assertThat(note.sections().get(0).headingStart()).isEqualTo(18);
  }

  @Test
  void frontMatterNestedDeeperThanTheLimitIsAnError() {
    StringBuilder yaml = new StringBuilder("---\na:\n");
    for (int i = 1; i <= FrontMatterReader.MAX_NESTING + 2; i++) {
      yaml.append("  ".repeat(i)).append("k").append(i).append(":\n");
    }
    yaml.append("---\n");

    Note note = parser.parse("deep.md", yaml.toString());

    assertThat(note.hasErrors()).isTrue();
    assertThat(note.problems().get(0).message()).containsIgnoringCase("nesting");
  }

  @Test
  void frontMatterAboveTheSizeLimitIsAnError() {
    String big = "---\nx: '" + "a".repeat(FrontMatterReader.MAX_CODE_POINTS) + "'\n---\n";

    Note note = parser.parse("big.md", big);

    assertThat(note.hasErrors()).isTrue();
  }

  @Test
  void aNoteWithMostlyCrlfLinesWritesCrlf() {
    assertThat(parser.parse("a.md", "a\r\nb\r\nc\n").lineEnding()).isEqualTo(LineEnding.CRLF);
    assertThat(parser.parse("a.md", "a\nb\r\nc\n").lineEnding()).isEqualTo(LineEnding.LF);
    assertThat(parser.parse("a.md", "").lineEnding()).isEqualTo(LineEnding.LF);
  }

  @Test
  void aBadLastContactIsAWarningAndReadsAsUnknown() {
    Note note = parser.parse("a.md", "---\nlast_contact: soon\n---\n");

    assertThat(note.hasErrors()).isFalse();
    assertThat(note.problems())
        .singleElement()
        .satisfies(p -> assertThat(p.message()).contains("soon"));
    assertThat(note.lastContact()).isEmpty();
  }
}
