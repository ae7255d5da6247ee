package com.vaultcrmsync.vault.parse;

import com.vaultcrmsync.vault.FrontMatter;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Finds a top-level scalar in front matter text and renders a new value in the same quoting style.
 * Only one-line scalars are edited: a key whose value is a list, a map, a block scalar or spans
 * several lines is refused rather than rewritten.
 */
public final class FrontMatterValue {
  /** Quoting of a YAML scalar as written. */
  public enum Style {
    PLAIN,
    SINGLE,
    DOUBLE
  }

  /**
   * Where a key's value is written.
   *
   * @param start offset of the value (of its opening quote when quoted)
   * @param end offset just past the value (past its closing quote)
   * @param style how the value is quoted
   * @param padBefore true when a space must be written before the value (e.g. {@code key:} with
   *     nothing after the colon)
   */
  public record Span(int start, int end, Style style, boolean padBefore) {}

  private static final Resolver RESOLVER = new Resolver();

  private FrontMatterValue() {}

  /** The value span of top-level {@code key}, or null when the key is absent. */
  public static Span find(String text, LineIndex lines, FrontMatter fm, String key) {
    int last = fm.bodyEnd() > fm.bodyStart() ? lines.lineOf(fm.bodyEnd() - 1) : -1;
    for (int line = lines.lineOf(fm.bodyStart()); line <= last; line++) {
      int s = lines.start(line);
      int ce = lines.contentEnd(line);
      int colon = keyEnd(text, s, ce, key);
      if (colon < 0) {
        continue;
      }
      int vs = colon + 1;
      while (vs < ce && (text.charAt(vs) == ' ' || text.charAt(vs) == '\t')) {
        vs++;
      }
      boolean continues = line < last && continues(text, lines, line + 1);
      if (vs == ce || text.charAt(vs) == '#') {
        if (continues || line < last && text.startsWith("-", lines.start(line + 1))) {
          throw notScalar(key);
        }
        return new Span(vs, vs, Style.PLAIN, vs == colon + 1);
      }
      char c = text.charAt(vs);
      if (c == '\'' || c == '"') {
        int close = closingQuote(text, vs, ce, c);
        if (close < 0) {
          throw notScalar(key);
        }
        return new Span(vs, close + 1, c == '\'' ? Style.SINGLE : Style.DOUBLE, false);
      }
      if ("[{|>&*!%@`".indexOf(c) >= 0 || continues) {
        throw notScalar(key);
      }
      int end = ce;
      for (int i = vs + 1; i < ce; i++) {
        if (text.charAt(i) == '#' && (text.charAt(i - 1) == ' ' || text.charAt(i - 1) == '\t')) {
          end = i;
          break;
        }
      }
      while (end > vs && (text.charAt(end - 1) == ' ' || text.charAt(end - 1) == '\t')) {
        end--;
      }
      return new Span(vs, end, Style.PLAIN, false);
    }
    return null;
  }

  /** {@code value} written in {@code style}; a plain value that YAML would misread is quoted. */
  public static String render(String value, Style style) {
    return switch (style) {
      case DOUBLE -> doubleQuoted(value);
      case SINGLE -> singleQuoted(value);
      case PLAIN -> isPlainSafe(value) ? value : singleQuoted(value);
    };
  }

  /** A key as written at the start of a new line: plain when possible. */
  public static String renderKey(String key) {
    return isPlainSafe(key) ? key : singleQuoted(key);
  }

  static String singleQuoted(String value) {
    return "'" + value.replace("'", "''") + "'";
  }

  private static String doubleQuoted(String value) {
    StringBuilder sb = new StringBuilder(value.length() + 2).append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c < 0x20 || c == 0x7f) {
            sb.append(String.format("\\x%02X", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.append('"').toString();
  }

  /** True when YAML reads {@code value} back, unquoted, as the same string. */
  static boolean isPlainSafe(String value) {
    if (value.isEmpty()
        || !value.equals(value.strip())
        || "-?:,[]{}#&*!|>'\"%@`".indexOf(value.charAt(0)) >= 0
        || value.endsWith(":")
        || value.contains(": ")
        || value.contains(" #")
        || value.contains("\t#")) {
      return false;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 0x20 || c == 0x7f || c == '\uFEFF') {
        return false;
      }
    }
    Tag tag = RESOLVER.resolve(NodeId.scalar, value, true);
    return tag.equals(Tag.STR) || tag.equals(Tag.TIMESTAMP);
  }

  /** Offset of the colon after {@code key} at the start of the line, or -1. */
  private static int keyEnd(String text, int s, int ce, String key) {
    int p;
    if (text.startsWith(key, s)) {
      p = s + key.length();
    } else if (ce - s > key.length() + 1
        && (text.charAt(s) == '"' || text.charAt(s) == '\'')
        && text.startsWith(key, s + 1)
        && text.charAt(s + 1 + key.length()) == text.charAt(s)) {
      p = s + key.length() + 2;
    } else {
      return -1;
    }
    while (p < ce && (text.charAt(p) == ' ' || text.charAt(p) == '\t')) {
      p++;
    }
    if (p >= ce || text.charAt(p) != ':') {
      return -1;
    }
    return p + 1 == ce || text.charAt(p + 1) == ' ' || text.charAt(p + 1) == '\t' ? p : -1;
  }

  /** True when the line continues the previous value: indented and not blank or a comment. */
  private static boolean continues(String text, LineIndex lines, int line) {
    int s = lines.start(line);
    int ce = lines.contentEnd(line);
    if (s == ce || (text.charAt(s) != ' ' && text.charAt(s) != '\t')) {
      return false;
    }
    int p = s;
    while (p < ce && (text.charAt(p) == ' ' || text.charAt(p) == '\t')) {
      p++;
    }
    return p < ce && text.charAt(p) != '#';
  }

  private static int closingQuote(String text, int open, int ce, char quote) {
    for (int i = open + 1; i < ce; i++) {
      char c = text.charAt(i);
      if (quote == '"' && c == '\\') {
        i++;
      } else if (c == quote) {
        if (quote == '\'' && i + 1 < ce && text.charAt(i + 1) == '\'') {
          i++;
        } else {
          return i;
        }
      }
    }
    return -1;
  }

  private static IllegalArgumentException notScalar(String key) {
    return new IllegalArgumentException(
        "front matter key '" + key + "' does not hold a one-line scalar; it is left as it is");
  }
}
