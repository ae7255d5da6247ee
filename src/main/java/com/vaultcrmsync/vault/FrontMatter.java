package com.vaultcrmsync.vault;

import java.util.Map;

/**
 * The YAML front matter block of a note.
 *
 * @param start offset of the opening {@code ---} fence
 * @param end offset just past the closing fence's line terminator (or end of text)
 * @param bodyStart offset of the first YAML line (just after the opening fence's line terminator)
 * @param bodyEnd offset of the closing fence line
 * @param values the parsed YAML map (SnakeYAML safe types: String, Number, Boolean, Date-like
 *     values as written are kept as strings where possible, List, Map); unmodifiable
 */
public record FrontMatter(
    int start, int end, int bodyStart, int bodyEnd, Map<String, Object> values) {

  /** The value of a top-level key as a string, or null when absent or not a scalar. */
  public String string(String key) {
    Object v = values.get(key);
    return v == null || v instanceof Map || v instanceof Iterable ? null : String.valueOf(v);
  }
}
