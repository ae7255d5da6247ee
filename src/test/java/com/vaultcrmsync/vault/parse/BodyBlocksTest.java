package com.vaultcrmsync.vault.parse;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaultcrmsync.vault.Section;
import com.vaultcrmsync.vault.SyntheticVault;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Proves that the headings and code/HTML blocks read with {@link PlainBlocks} in front of flexmark
 * are the ones flexmark alone finds over the whole body, on random documents and generated notes.
 */
class BodyBlocksTest {
  /** Lines that make or hide block structure, in the forms that differ by one char or space. */
  private static final String[] LINES = {
    "",
    "",
    "",
    "  ",
    "\t",
    "# Heading",
    "## Recent Context",
    "### Sub ###",
    "## Closed ##   ",
    "# #",
    "#",
    "#   ",
    "###### six",
    "####### seven",
    "# trailing\\#",
    "# hash# inside #",
    "#\ttab heading",
    "#NoSpace",
    "# \u00a0nbsp heading\u00a0",
    "\u00a0# nbsp indent",
    " # one space",
    "   ## three spaces",
    "    # four spaces",
    "Setext",
    "===",
    "= not underline",
    "---",
    "--",
    "-- not a list",
    "- 2025-01-01: [[x]] - y",
    "- unknown: [[Note#Part|alias]] - summary (via Dana) ^sf-001000000000000AAA",
    "- item",
    "-  two spaces",
    "-     five spaces",
    "- #tag in item",
    "- # heading in item",
    "- ## Recent Context",
    "- > quote in item",
    "- <b>html in item</b>",
    "- ```",
    "- ~~~",
    "- ---",
    "- ***",
    "- - nested on one line",
    "- 1. nested ordered",
    "- 1.5 decimal",
    "- **bold** start",
    "- [ ] task",
    "-\ttab after marker",
    "- ",
    "-",
    "+ plus",
    "* star",
    "*emphasis* text",
    "**",
    "***",
    "* * *",
    "___",
    "_under_ text",
    "- - -",
    "- - -  ",
    " ***",
    "_ _ _",
    "*\t*\t*",
    "---x",
    "-- -",
    "***_",
    "1. one",
    "2) two",
    "1.",
    "10) ten",
    "123456789. nine digits",
    "1234567890. ten digits",
    "2025-01-01: not a list",
    "1.5 not a list",
    "-1 not a list",
    "  - nested",
    "  # heading under item",
    "  continuation of an item",
    "   - three spaces",
    " * one space",
    "    indented code",
    "      deeper text",
    "\tTabbed",
    "\t- tab indented item",
    " \t# space tab heading",
    "```",
    "```java",
    "``",
    "`code` start",
    "~~~",
    "~~",
    "  ```",
    "   ```",
    "    ```",
    "````",
    "````  ",
    "```` x",
    "``` `x`",
    "```a`b",
    "~~~~",
    "~~~ ~x",
    "~~~ `x`",
    " ~~~",
    "```dataview",
    "LIST FROM [[Acme]]",
    "> quote",
    "> ## quoted heading",
    ">",
    "<!-- comment -->",
    "<!--",
    "-->",
    "  <!-- indented comment -->",
    "<!-- comment --> then text",
    "<!-->",
    "<!--->",
    "<!-- -- -->",
    "<!-- unclosed",
    "<div>",
    "</div>",
    "<custom-tag>",
    "<b>inline</b> start",
    "Paragraph text",
    "text with `code` and <b>html</b> and # hash",
    "\\# escaped",
    "[ref]: /url",
    "lazy continuation",
    "\u000b\f odd blanks"
  };

  @Test
  void randomBodiesGiveTheBlocksOfFlexmarkAlone() {
    Random random = new Random(20261127);
    for (int doc = 0; doc < 20_000; doc++) {
      StringBuilder sb = new StringBuilder();
      if (random.nextInt(3) == 0) {
        sb.append("---\ntitle: x\n---\n");
      }
      int from = sb.length();
      boolean mixed = random.nextInt(4) == 0;
      String eol = eol(random);
      for (int i = 0, n = 1 + random.nextInt(30); i < n; i++) {
        sb.append(LINES[random.nextInt(LINES.length)]).append(mixed ? eol(random) : eol);
      }
      String text = random.nextInt(10) == 0 ? sb.toString().stripTrailing() : sb.toString();
      assertSameBlocks(text, from);
    }
  }

  @Test
  void generatedNotesAndTheSeedShapeGiveTheBlocksOfFlexmarkAlone() {
    Random random = new Random(5);
    for (int i = 0; i < 200; i++) {
      String text = SyntheticVault.note("Company " + i, random, i % 2 == 0);
      int from = text.indexOf("\n---\n") + 5;
      assertSameBlocks(text, from);
      assertSameBlocks("\uFEFF" + text.substring(from), 1);
    }
  }

  @Test
  void aNoteOfPlainBlocksNeedsNoFlexmark() {
    String text = "# Acme\n\n## Recent Context\n\n- 2025-01-02: [[Call]] - notes\n\n## Facts\n";
    List<Section> sections = new ArrayList<>();
    int rest = PlainBlocks.scan(text, 0, new LineIndex(text), sections, new ArrayList<>());
    assertThat(rest).isEqualTo(text.length());
    assertThat(sections)
        .extracting(Section::title)
        .containsExactly("Acme", "Recent Context", "Facts");
  }

  @Test
  void flexmarkTakesOverAtTheLastBlankLineBeforeAFence() {
    String text = "# Acme\n\n## Notes\ntext\n```\n## not a heading\n```\n";
    List<Section> sections = new ArrayList<>();
    int rest = PlainBlocks.scan(text, 0, new LineIndex(text), sections, new ArrayList<>());
    assertThat(rest).isEqualTo(text.indexOf("## Notes"));
    assertThat(sections).extracting(Section::title).containsExactly("Acme");
  }

  /** Mostly LF; CRLF and lone CR one time in ten each. */
  private static String eol(Random random) {
    return switch (random.nextInt(10)) {
      case 0 -> "\r\n";
      case 1 -> "\r";
      default -> "\n";
    };
  }

  private static void assertSameBlocks(String text, int from) {
    LineIndex lines = new LineIndex(text);
    List<Section> sections = new ArrayList<>();
    List<int[]> opaque = new ArrayList<>();
    BodyBlocks.read(text, from, lines, sections, opaque);
    List<Section> expectedSections = new ArrayList<>();
    List<int[]> expectedOpaque = new ArrayList<>();
    BodyBlocks.readWithFlexmark(text, from, lines, expectedSections, expectedOpaque);
    assertThat(sections).as(text).isEqualTo(expectedSections);
    assertThat(ranges(opaque)).as(text).isEqualTo(ranges(expectedOpaque));
  }

  private static List<String> ranges(List<int[]> opaque) {
    return opaque.stream().map(r -> r[0] + "-" + r[1]).toList();
  }
}
