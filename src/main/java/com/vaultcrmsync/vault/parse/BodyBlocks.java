package com.vaultcrmsync.vault.parse;

import com.vaultcrmsync.vault.Section;
import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.HtmlBlockBase;
import com.vladsch.flexmark.ast.IndentedCodeBlock;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.util.ast.Node;
import java.util.List;

/**
 * The headings and the code and HTML blocks of a note body, as flexmark's AST has them. The leading
 * part that {@link PlainBlocks} vouches for is read from its line starts; flexmark parses the rest,
 * which for most notes is nothing. Thread-safe.
 */
final class BodyBlocks {
  /** Made on first use: reading a vault of plain notes never sets up flexmark's parser. */
  private static final class Flexmark {
    static final BlockTreeParser PARSER = new BlockTreeParser();
  }

  private BodyBlocks() {}

  /**
   * Adds the headings of {@code text} from {@code from} on, in document order and with their {@code
   * end} left 0, to {@code sections}, and its code and HTML blocks, as start/end offset pairs, to
   * {@code opaque}.
   */
  static void read(
      String text, int from, LineIndex lines, List<Section> sections, List<int[]> opaque) {
    int rest = PlainBlocks.scan(text, from, lines, sections, opaque);
    if (rest < text.length()) {
      readWithFlexmark(text, rest, lines, sections, opaque);
    }
  }

  /** As {@link #read}, with flexmark over the whole of the text from {@code from}. */
  static void readWithFlexmark(
      String text, int from, LineIndex lines, List<Section> sections, List<int[]> opaque) {
    collect(Flexmark.PARSER.parse(text, from), from, lines, sections, opaque);
  }

  /** Headings (in document order) and code/HTML blocks, with offsets into the whole text. */
  private static void collect(
      Node parent, int shift, LineIndex lines, List<Section> sections, List<int[]> opaque) {
    for (Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
      if (n instanceof Heading h) {
        int start = h.getStartOffset() + shift;
        int line = lines.lineOf(start);
        int lastLine = lines.lineOf(Math.max(start, h.getEndOffset() + shift - 1));
        sections.add(
            new Section(
                h.getLevel(),
                h.getText().toString().strip(),
                line,
                lines.start(line),
                lines.next(lastLine),
                0));
      } else if (n instanceof FencedCodeBlock
          || n instanceof IndentedCodeBlock
          || n instanceof HtmlBlockBase) {
        opaque.add(new int[] {n.getStartOffset() + shift, n.getEndOffset() + shift});
      } else if (!(n instanceof Paragraph) && n.hasChildren()) {
        collect(n, shift, lines, sections, opaque);
      }
    }
  }
}
