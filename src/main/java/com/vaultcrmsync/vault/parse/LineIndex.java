package com.vaultcrmsync.vault.parse;

import com.vaultcrmsync.vault.LineEnding;
import java.util.Arrays;

/**
 * Line starts of a text, for turning char offsets into 1-based line numbers. A line ends at {@code
 * \n}, {@code \r\n} or a lone {@code \r} — the same breaks flexmark and SnakeYAML see, so their
 * offsets and line numbers agree with ours.
 */
public final class LineIndex {
  private final String text;
  private final int[] starts;
  private final int count;

  public LineIndex(String text) {
    this.text = text;
    int[] s = new int[64];
    int n = 1;
    if (text.indexOf('\r') < 0) {
      // Without a CR every break is an LF, and String.indexOf finds those fastest.
      for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
        if (n == s.length) {
          s = Arrays.copyOf(s, n * 2);
        }
        s[n++] = i + 1;
      }
    } else {
      for (int i = 0, len = text.length(); i < len; i++) {
        char c = text.charAt(i);
        if (c == '\n' || c == '\r' && (i + 1 == len || text.charAt(i + 1) != '\n')) {
          if (n == s.length) {
            s = Arrays.copyOf(s, n * 2);
          }
          s[n++] = i + 1;
        }
      }
    }
    this.starts = s;
    this.count = n;
  }

  /** An index of line starts already found: {@code starts[0] == 0}, then one per line break. */
  public LineIndex(String text, int[] starts, int count) {
    this.text = text;
    this.starts = starts;
    this.count = count;
  }

  /** CRLF when most line breaks are CRLF, else LF (a lone CR counts for neither). */
  LineEnding lineEnding() {
    int crlf = 0;
    int lf = 0;
    for (int i = 1; i < count; i++) {
      int next = starts[i];
      if (text.charAt(next - 1) == '\n') {
        if (next >= 2 && text.charAt(next - 2) == '\r') {
          crlf++;
        } else {
          lf++;
        }
      }
    }
    return crlf > lf ? LineEnding.CRLF : LineEnding.LF;
  }

  /** The indexed text. */
  String text() {
    return text;
  }

  /** Number of lines; a final terminator does not open an extra line unless text follows. */
  int lineCount() {
    return starts[count - 1] == text.length() && count > 1 ? count - 1 : count;
  }

  /** 1-based line of the char at {@code offset}. */
  public int lineOf(int offset) {
    int i = Arrays.binarySearch(starts, 0, count, offset);
    return (i >= 0 ? i : -i - 2) + 1;
  }

  /** Offset of the first char of 1-based {@code line}. */
  int start(int line) {
    return starts[line - 1];
  }

  /** Offset just past the line's terminator (or the end of text). */
  public int next(int line) {
    return line < count ? starts[line] : text.length();
  }

  /** Offset of the line's terminator (or the end of text): the line's content ends here. */
  int contentEnd(int line) {
    int end = next(line);
    if (end > start(line) && text.charAt(end - 1) == '\n') {
      end--;
    }
    if (end > start(line) && text.charAt(end - 1) == '\r') {
      end--;
    }
    return end;
  }

  /** True when the line holds only spaces and tabs. */
  public boolean isBlank(int line) {
    for (int i = start(line), end = contentEnd(line); i < end; i++) {
      char c = text.charAt(i);
      if (c != ' ' && c != '\t') {
        return false;
      }
    }
    return true;
  }
}
