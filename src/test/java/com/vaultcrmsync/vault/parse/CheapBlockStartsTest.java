package com.vaultcrmsync.vault.parse;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaultcrmsync.vault.SyntheticVault;
import com.vladsch.flexmark.ast.BulletList;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.ListItem;
import com.vladsch.flexmark.ast.OrderedList;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.parser.block.CustomBlockParserFactory;
import com.vladsch.flexmark.parser.core.BlockQuoteParser;
import com.vladsch.flexmark.parser.core.IndentedCodeBlockParser;
import com.vladsch.flexmark.parser.internal.DocumentParser;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.MutableDataSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Proves the filtered block factories keep flexmark's core order and that the note parser's block
 * tree (filtered factories, untracked document parser) is stock flexmark's, node for node.
 */
class CheapBlockStartsTest {
  private static final String[] LINES = {
    "",
    "",
    "# Heading",
    "## Recent Context",
    "### Sub ###",
    "#NoSpace",
    "Setext",
    "===",
    "---",
    "- 2025-01-01: [[x]] - y",
    "- item",
    "* star",
    "+ plus",
    "1. one",
    "2) two",
    "  - nested",
    "    indented code",
    "\tTabbed",
    "```",
    "```java",
    "~~~",
    "> quote",
    "> ## quoted heading",
    "<!-- comment -->",
    "<!--",
    "-->",
    "<div>",
    "</div>",
    "<custom-tag>",
    "***",
    "* * *",
    "___",
    "- - -",
    "--",
    "Paragraph text",
    "text with `code` and <b>html</b>",
    "[ref]: /url",
    "   ## indented heading",
    "    # not a heading",
    "- # heading in item",
    "=",
    "- ```",
    "- unknown: [[Note#Part|alias]] - summary (via Dana) ^sf-001000000000000AAA",
    "  continuation of an item",
    "lazy continuation",
    "  - nested item",
    "    - deeper item",
    "      deeper text",
    "   - three spaces",
    " * one space",
    "-\ttab after marker",
    "-",
    "+",
    "*",
    "1.",
    "10) ten",
    "123456789. nine digits",
    "1234567890. ten digits",
    "2025-01-01: not a list",
    "12-13",
    "1.5 not a list",
    "-1 not a list",
    "-- not a list",
    "1. - mixed",
    "- - nested on one line",
    "  1. nested ordered",
    "- [ ] task",
    "> - quoted item",
    "  ```",
    "  code in an item",
    "  ```",
    "-     indented code after marker",
    "Setext two",
    "---",
    "        deep indented code",
    "\t- tab indented item",
    "2. two",
    "3) three"
  };

  @Test
  void theFactoriesKeepTheCoreOrder() {
    MutableDataSet options = new MutableDataSet();
    List<CustomBlockParserFactory> resolved =
        DocumentParser.calculateBlockParserFactories(
            options,
            List.of(
                new CheapBlockStarts.ListItem(),
                new CheapBlockStarts.ThematicBreak(),
                new CheapBlockStarts.Html(),
                new CheapBlockStarts.Fenced(),
                new CheapBlockStarts.Heading()));
    // Core factories are added after custom ones; only the four replaced ones are dropped here.
    List<Class<?>> order =
        resolved.stream()
            .<Class<?>>map(Object::getClass)
            .filter(c -> !c.getName().contains("HeadingParser"))
            .filter(c -> !c.getName().contains("FencedCodeBlockParser"))
            .filter(c -> !c.getName().contains("HtmlBlockParser"))
            .filter(c -> !c.getName().contains("ThematicBreakParser"))
            .filter(c -> !c.getName().contains("ListBlockParser"))
            .toList();
    assertThat(order)
        .containsExactly(
            BlockQuoteParser.Factory.class,
            CheapBlockStarts.Heading.class,
            CheapBlockStarts.Fenced.class,
            CheapBlockStarts.Html.class,
            CheapBlockStarts.ThematicBreak.class,
            CheapBlockStarts.ListItem.class,
            IndentedCodeBlockParser.Factory.class);
  }

  @Test
  void randomDocumentsGiveTheSameBlockTreeAsTheCoreParser() {
    Parser core = Parser.builder().customInlineParserFactory(BlockOnlyInlineParser::new).build();
    Parser cheap = NoteParser.markdownParser();
    BlockTreeParser notes = new BlockTreeParser();
    Random random = new Random(20260103);
    for (int doc = 0; doc < 3000; doc++) {
      StringBuilder sb = new StringBuilder();
      for (int i = 0, n = 1 + random.nextInt(25); i < n; i++) {
        sb.append(LINES[random.nextInt(LINES.length)])
            .append(random.nextInt(8) == 0 ? "\r\n" : "\n");
      }
      String text = random.nextInt(10) == 0 ? sb.toString().strip() : sb.toString();
      String expected = tree(core.parse(text));
      assertThat(tree(cheap.parse(text))).as(text).isEqualTo(expected);
      assertThat(tree(notes.parse(text, 0))).as(text).isEqualTo(expected);
    }
  }

  @Test
  void aBodyAfterFrontMatterGivesTheTreeOfTheBodyAlone() {
    Parser core = Parser.builder().customInlineParserFactory(BlockOnlyInlineParser::new).build();
    BlockTreeParser notes = new BlockTreeParser();
    Random random = new Random(11);
    for (int doc = 0; doc < 500; doc++) {
      StringBuilder sb = new StringBuilder("---\ntitle: x\n---\n");
      int from = sb.length();
      for (int i = 0, n = 1 + random.nextInt(25); i < n; i++) {
        sb.append(LINES[random.nextInt(LINES.length)]).append('\n');
      }
      String text = sb.toString();
      assertThat(tree(notes.parse(text, from)))
          .as(text)
          .isEqualTo(tree(core.parse(text.substring(from))));
    }
  }

  @Test
  void theGeneratedVaultGivesTheSameBlockTreeAsTheCoreParser() {
    Parser core = Parser.builder().customInlineParserFactory(BlockOnlyInlineParser::new).build();
    Parser cheap = NoteParser.markdownParser();
    BlockTreeParser notes = new BlockTreeParser();
    Random random = new Random(7);
    for (int i = 0; i < 50; i++) {
      String text = SyntheticVault.note("Company " + i, random);
      String expected = tree(core.parse(text));
      assertThat(tree(cheap.parse(text))).isEqualTo(expected);
      assertThat(tree(notes.parse(text, 0))).isEqualTo(expected);
    }
  }

  /** Node types, offsets and the list and heading details flexmark settles while parsing. */
  private static String tree(Node node) {
    StringBuilder sb = new StringBuilder();
    append(node, 0, sb);
    return sb.toString();
  }

  private static String details(Node node) {
    if (node instanceof Heading h) {
      return " level " + h.getLevel();
    }
    if (node instanceof OrderedList l) {
      return " tight " + l.isTight() + " start " + l.getStartNumber() + " " + l.getDelimiter();
    }
    if (node instanceof BulletList l) {
      return " tight " + l.isTight() + " marker " + l.getOpeningMarker();
    }
    if (node instanceof ListItem i) {
      return " loose " + i.isLoose() + " blank " + i.isContainsBlankLine();
    }
    return "";
  }

  private static void append(Node node, int depth, StringBuilder sb) {
    sb.append(" ".repeat(depth))
        .append(node.getClass().getSimpleName())
        .append(' ')
        .append(node.getStartOffset())
        .append('-')
        .append(node.getEndOffset())
        .append(details(node))
        .append('\n');
    for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
      append(child, depth + 1, sb);
    }
  }
}
