package com.vaultcrmsync.vault;

import static org.assertj.core.api.Assertions.assertThat;

import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.parser.block.CustomBlockParserFactory;
import com.vladsch.flexmark.parser.core.BlockQuoteParser;
import com.vladsch.flexmark.parser.core.IndentedCodeBlockParser;
import com.vladsch.flexmark.parser.core.ListBlockParser;
import com.vladsch.flexmark.parser.internal.DocumentParser;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.MutableDataSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Proves the filtered block factories keep flexmark's core order and build the same AST. */
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
    "- ```"
  };

  @Test
  void theFactoriesKeepTheCoreOrder() {
    MutableDataSet options = new MutableDataSet();
    List<CustomBlockParserFactory> resolved =
        DocumentParser.calculateBlockParserFactories(
            options,
            List.of(
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
            .toList();
    assertThat(order)
        .containsExactly(
            BlockQuoteParser.Factory.class,
            CheapBlockStarts.Heading.class,
            CheapBlockStarts.Fenced.class,
            CheapBlockStarts.Html.class,
            CheapBlockStarts.ThematicBreak.class,
            ListBlockParser.Factory.class,
            IndentedCodeBlockParser.Factory.class);
  }

  @Test
  void randomDocumentsGiveTheSameBlockTreeAsTheCoreParser() {
    Parser core = Parser.builder().customInlineParserFactory(BlockOnlyInlineParser::new).build();
    Parser cheap = NoteParser.markdownParser();
    Random random = new Random(20260103);
    for (int doc = 0; doc < 3000; doc++) {
      StringBuilder sb = new StringBuilder();
      for (int i = 0, n = 1 + random.nextInt(25); i < n; i++) {
        sb.append(LINES[random.nextInt(LINES.length)])
            .append(random.nextInt(8) == 0 ? "\r\n" : "\n");
      }
      String text = sb.toString();
      assertThat(tree(cheap.parse(text))).as(text).isEqualTo(tree(core.parse(text)));
    }
  }

  @Test
  void theGeneratedVaultGivesTheSameBlockTreeAsTheCoreParser() {
    Parser core = Parser.builder().customInlineParserFactory(BlockOnlyInlineParser::new).build();
    Parser cheap = NoteParser.markdownParser();
    Random random = new Random(7);
    for (int i = 0; i < 50; i++) {
      String text = SyntheticVault.note("Company " + i, random);
      assertThat(tree(cheap.parse(text))).isEqualTo(tree(core.parse(text)));
    }
  }

  /** Node types and offsets, depth first. */
  private static String tree(Node node) {
    StringBuilder sb = new StringBuilder();
    append(node, 0, sb);
    return sb.toString();
  }

  private static void append(Node node, int depth, StringBuilder sb) {
    sb.append(" ".repeat(depth))
        .append(node.getClass().getSimpleName())
        .append(' ')
        .append(node.getStartOffset())
        .append('-')
        .append(node.getEndOffset())
        .append('\n');
    for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
      append(child, depth + 1, sb);
    }
  }
}
