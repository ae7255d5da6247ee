package com.vaultcrmsync.vault.parse;

import com.vaultcrmsync.vault.Section;
import java.util.List;

/**
 * Finds the headings of the leading part of a note body in which block structure cannot hide or
 * make one: lines with at most three spaces of indent, no tab before the text, and nothing that
 * opens a fenced code block, an HTML block, a block quote, an indented code block, a setext
 * underline or a thematic break, either at the line's start or after a list marker. In such lines
 * the ATX headings ({@code #} to {@code ######} then a blank or the line's end) are exactly the
 * headings flexmark finds; everything else is paragraph text or list items holding paragraph text.
 * Three blocks are read whole when they start at column 0 after a blank line: a thematic break
 * ({@code ---}); an HTML comment closed on its own line (a template's {@code <!-- Wikilinks to
 * related entities -->}), which is an HTML block of that one line; and a fenced code block (an
 * Obsidian query), up to its closing fence or the end of the note.
 *
 * <p>The scan stops at the first line it cannot vouch for and returns a line from which flexmark
 * must parse the rest: the last line at or before it that starts at column 0 after a blank line (or
 * the first line of the body). The only containers flexmark can hold open there are lists, and such
 * a line either closes them or starts a new item of the last one, so parsing from there gives the
 * same headings and code and HTML blocks as parsing the whole body. {@code BodyBlocksTest} compares
 * both on random documents.
 */
final class PlainBlocks {
  private static final int MAX_INDENT = 3;

  private PlainBlocks() {}

  /**
   * Adds the headings from {@code from} on to {@code sections} (their {@code end} left 0) and the
   * comments and code blocks it read to {@code opaque}, and returns the offset where flexmark has
   * to take over, or {@code text.length()} when the whole body was vouched for. Nothing at or after
   * the returned offset is added.
   */
  static int scan(
      String text, int from, LineIndex lines, List<Section> sections, List<int[]> opaque) {
    int cut = from;
    int sectionsAtCut = sections.size();
    int opaqueAtCut = opaque.size();
    boolean afterBlank = true;
    for (int line = lines.lineOf(from); line <= lines.lineCount(); line++) {
      int start = Math.max(lines.start(line), from);
      int end = lines.contentEnd(line);
      int indent = start;
      while (indent < end && text.charAt(indent) == ' ') {
        indent++;
      }
      if (indent == end || isBlankTail(text, indent, end)) {
        afterBlank = true;
        continue;
      }
      boolean clean = afterBlank && indent == start && text.charAt(start) != '\t';
      if (clean) {
        cut = start;
        sectionsAtCut = sections.size();
        opaqueAtCut = opaque.size();
      }
      afterBlank = false;
      if (clean && isOneLineComment(text, start, end)) {
        opaque.add(new int[] {start, lines.next(line)});
        continue;
      }
      if (clean && isThematicBreak(text, start, end)) {
        // A rule closes nothing and leaves nothing open.
        afterBlank = true;
        continue;
      }
      int fence = clean ? fenceLength(text, start, end) : 0;
      if (fence > 0) {
        int close = closingFence(text, lines, line, text.charAt(start), fence);
        if (close < 0) {
          // Never closed: the code block runs to the end of the note.
          opaque.add(new int[] {start, text.length()});
          return text.length();
        }
        // flexmark's block ends with the closing fence's chars, before any blanks after them.
        opaque.add(new int[] {start, close});
        line = lines.lineOf(close - 1);
        // Nothing is open after a closed fence: the next line starts as after a blank line.
        afterBlank = true;
        continue;
      }
      if (indent - start > MAX_INDENT || text.charAt(indent) == '\t') {
        return fallBack(sections, sectionsAtCut, opaque, opaqueAtCut, cut);
      }
      char c = text.charAt(indent);
      if (c == '#') {
        int level = atxLevel(text, indent, end);
        if (level > 0) {
          sections.add(
              new Section(
                  level,
                  atxText(text, indent + level, end),
                  line,
                  lines.start(line),
                  lines.next(line),
                  0));
        }
      } else if (!isPlainLine(text, indent, end)) {
        return fallBack(sections, sectionsAtCut, opaque, opaqueAtCut, cut);
      }
    }
    return text.length();
  }

  private static int fallBack(
      List<Section> sections, int keepSections, List<int[]> opaque, int keepOpaque, int cut) {
    sections.subList(keepSections, sections.size()).clear();
    opaque.subList(keepOpaque, opaque.size()).clear();
    return cut;
  }

  /**
   * True for a line that is an HTML comment closed on the same line ({@code <!-- … -->}, text may
   * follow): at column 0 after a blank line it is an HTML block of that one line.
   */
  private static boolean isOneLineComment(String text, int start, int end) {
    if (!text.startsWith("<!--", start)) {
      return false;
    }
    for (int i = start + 4; i + 3 <= end; i++) {
      if (text.charAt(i) == '-' && text.startsWith("-->", i)) {
        return true;
      }
    }
    return false;
  }

  /** True for three or more of one of {@code * _ -}, with only blanks between and after them. */
  private static boolean isThematicBreak(String text, int at, int end) {
    char c = text.charAt(at);
    if (c != '*' && c != '_' && c != '-') {
      return false;
    }
    int marks = 0;
    for (int i = at; i < end; i++) {
      char x = text.charAt(i);
      if (x == c) {
        marks++;
      } else if (x != ' ' && x != '\t') {
        return false;
      }
    }
    return marks >= 3;
  }

  /**
   * The length of the code fence opening at {@code at} (three or more {@code `} or {@code ~}, no
   * more of that char after them on the line, as flexmark's opening pattern has it), or 0.
   */
  private static int fenceLength(String text, int at, int end) {
    char c = text.charAt(at);
    if (c != '`' && c != '~') {
      return 0;
    }
    int run = at;
    while (run < end && text.charAt(run) == c) {
      run++;
    }
    if (run - at < 3) {
      return 0;
    }
    for (int i = run; i < end; i++) {
      if (text.charAt(i) == c) {
        return 0;
      }
    }
    return run - at;
  }

  /**
   * The offset just past the fence that closes one of {@code length} {@code c}s opened on line
   * {@code open}: a line of at most three spaces, at least as many of the same char, then only
   * blanks. -1 when no line does.
   */
  private static int closingFence(String text, LineIndex lines, int open, char c, int length) {
    for (int line = open + 1; line <= lines.lineCount(); line++) {
      int at = lines.start(line);
      int end = lines.contentEnd(line);
      int indent = at;
      while (indent < end && indent - at <= MAX_INDENT && text.charAt(indent) == ' ') {
        indent++;
      }
      if (indent - at > MAX_INDENT || indent == end || text.charAt(indent) != c) {
        continue;
      }
      int run = indent;
      while (run < end && text.charAt(run) == c) {
        run++;
      }
      if (run - indent >= length && isBlankTail(text, run, end)) {
        return run;
      }
    }
    return -1;
  }

  /** True when text[from, end) holds only spaces and tabs. */
  private static boolean isBlankTail(String text, int from, int end) {
    for (int i = from; i < end; i++) {
      char c = text.charAt(i);
      if (c != ' ' && c != '\t') {
        return false;
      }
    }
    return true;
  }

  /**
   * True when the line from its first non-blank {@code at} is paragraph text or a list item whose
   * first line is paragraph text; false for anything that may start another kind of block.
   */
  private static boolean isPlainLine(String text, int at, int end) {
    int marker = listMarkerEnd(text, at, end);
    if (marker < 0) {
      return !mayStartBlock(text, at, end);
    }
    if (marker == end || text.charAt(marker) != ' ') {
      // An empty item, or a tab after the marker: its content column needs flexmark.
      return false;
    }
    int content = marker;
    while (content < end && text.charAt(content) == ' ') {
      content++;
    }
    if (content == end || content - marker > 4) {
      // Blank after the marker, or indented code inside the item.
      return false;
    }
    char d = text.charAt(content);
    return d != '#'
        && d != '\t'
        && listMarkerEnd(text, content, end) < 0
        && !mayStartBlock(text, content, end);
  }

  /**
   * Offset just past a list marker at {@code at} ({@code -}, {@code +}, {@code *}, or 1-9 digits
   * and {@code .} or {@code )}) when one is followed by a blank or the line's end, else -1.
   */
  private static int listMarkerEnd(String text, int at, int end) {
    char c = text.charAt(at);
    int after;
    if (c == '-' || c == '+' || c == '*') {
      after = at + 1;
    } else {
      int i = at;
      while (i < end && i - at < 9 && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
        i++;
      }
      if (i == at || i == end || text.charAt(i) != '.' && text.charAt(i) != ')') {
        return -1;
      }
      after = i + 1;
    }
    return after == end || text.charAt(after) == ' ' || text.charAt(after) == '\t' ? after : -1;
  }

  /**
   * True when text from {@code at} (not a list marker) may open a block other than a paragraph or
   * continue one as a setext underline: {@code #}, {@code >}, {@code <}, a fence, or a line of one
   * of {@code = - * _} with blanks.
   */
  private static boolean mayStartBlock(String text, int at, int end) {
    char c = text.charAt(at);
    switch (c) {
      case '#', '>', '<':
        return true;
      case '`', '~':
        return at + 2 < end && text.charAt(at + 1) == c && text.charAt(at + 2) == c;
      case '=', '-', '*', '_':
        for (int i = at + 1; i < end; i++) {
          char x = text.charAt(i);
          if (x != c && x != ' ' && x != '\t') {
            return false;
          }
        }
        return true;
      default:
        return false;
    }
  }

  /** The level of an ATX heading opening at {@code at}, or 0 when the line is not one. */
  private static int atxLevel(String text, int at, int end) {
    int i = at;
    while (i < end && i - at < 7 && text.charAt(i) == '#') {
      i++;
    }
    int level = i - at;
    if (level > 6 || i < end && text.charAt(i) != ' ' && text.charAt(i) != '\t') {
      return 0;
    }
    return level;
  }

  /**
   * The heading's text as flexmark takes it: after the opening marker, without a closing run of
   * {@code #} that follows a blank (or is all there is), stripped.
   */
  private static String atxText(String text, int from, int end) {
    int to = end;
    while (to > from && isBlank(text.charAt(to - 1))) {
      to--;
    }
    int run = to;
    while (run > from && text.charAt(run - 1) == '#') {
      run--;
    }
    if (run < to && (run == from || isBlank(text.charAt(run - 1)))) {
      to = run;
    }
    return text.substring(from, to).strip();
  }

  private static boolean isBlank(char c) {
    return c == ' ' || c == '\t';
  }
}
