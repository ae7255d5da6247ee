package com.vaultcrmsync.vault.parse;

import com.vaultcrmsync.vault.FrontMatter;
import com.vaultcrmsync.vault.NoteProblem;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;

/**
 * Finds the {@code ---} fenced YAML block at the start of a note and reads it with SnakeYAML in
 * safe mode, with limits on aliases, nesting and size. Timestamps stay strings as written.
 */
final class FrontMatterReader {
  /** Aliases to collections allowed in one front matter block (a "billion laughs" guard). */
  static final int MAX_ALIASES = 10;

  /** Deepest nesting of maps and lists allowed. */
  static final int MAX_NESTING = 20;

  /** Largest front matter block, in code points. */
  static final int MAX_CODE_POINTS = 1 << 20;

  private FrontMatterReader() {}

  /** The front matter when present and valid; problems are added to {@code problems}. */
  static Optional<FrontMatter> read(
      String text, int from, LineIndex lines, List<NoteProblem> problems) {
    int firstLine = lines.lineOf(from);
    if (!isFence(text, from, lines.contentEnd(firstLine))) {
      return Optional.empty();
    }
    int bodyStart = lines.next(firstLine);
    if (bodyStart == text.length() || text.charAt(bodyStart - 1) != '\n') {
      problems.add(unterminated(firstLine));
      return Optional.empty();
    }
    int closing = -1;
    for (int line = firstLine + 1; line <= lines.lineCount(); line++) {
      if (isFence(text, lines.start(line), lines.contentEnd(line))) {
        closing = line;
        break;
      }
    }
    if (closing < 0) {
      problems.add(unterminated(firstLine));
      return Optional.empty();
    }
    int bodyEnd = lines.start(closing);
    Object loaded;
    try {
      loaded = YAML.get().load(text.substring(bodyStart, bodyEnd));
    } catch (MarkedYAMLException e) {
      Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      int line = mark == null ? firstLine : lines.lineOf(bodyStart) + mark.getLine();
      problems.add(error("invalid YAML in front matter: " + describe(e), line));
      return Optional.empty();
    } catch (YAMLException e) {
      problems.add(error("invalid YAML in front matter: " + e.getMessage(), firstLine));
      return Optional.empty();
    }
    if (loaded != null && !(loaded instanceof Map)) {
      problems.add(
          error(
              "front matter must be a map of keys, found "
                  + (loaded instanceof List ? "a list" : "a single value"),
              firstLine + 1));
      return Optional.empty();
    }
    return Optional.of(
        new FrontMatter(
            from,
            lines.next(closing),
            bodyStart,
            bodyEnd,
            Collections.unmodifiableMap(stringKeys((Map<?, ?>) loaded))));
  }

  /**
   * The loaded map itself when its keys are all strings (as they nearly always are), else a copy.
   */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> stringKeys(Map<?, ?> loaded) {
    if (loaded == null) {
      return Map.of();
    }
    for (Object key : loaded.keySet()) {
      if (!(key instanceof String)) {
        Map<String, Object> values = new LinkedHashMap<>();
        loaded.forEach((k, v) -> values.put(String.valueOf(k), v));
        return values;
      }
    }
    return (Map<String, Object>) loaded;
  }

  /** A {@code ---} line, trailing spaces and tabs allowed. */
  private static boolean isFence(String text, int start, int end) {
    if (end - start < 3 || !text.startsWith("---", start)) {
      return false;
    }
    for (int i = start + 3; i < end; i++) {
      if (text.charAt(i) != ' ' && text.charAt(i) != '\t') {
        return false;
      }
    }
    return true;
  }

  private static String describe(MarkedYAMLException e) {
    String problem = e.getProblem() != null ? e.getProblem() : e.getMessage();
    return e.getContext() != null ? e.getContext() + ": " + problem : problem;
  }

  private static NoteProblem unterminated(int line) {
    return error(
        "front matter opened with '---' on line " + line + " is never closed by a '---' line",
        line);
  }

  private static NoteProblem error(String message, int line) {
    return new NoteProblem(NoteProblem.Severity.ERROR, message, line);
  }

  /**
   * One loader per thread: SnakeYAML's Yaml is not thread-safe, and its limits (aliases, nesting,
   * size) are counted per document loaded.
   */
  private static final ThreadLocal<Yaml> YAML = ThreadLocal.withInitial(FrontMatterReader::yaml);

  private static Yaml yaml() {
    LoaderOptions options = new LoaderOptions();
    options.setMaxAliasesForCollections(MAX_ALIASES);
    options.setNestingDepthLimit(MAX_NESTING);
    options.setCodePointLimit(MAX_CODE_POINTS);
    options.setAllowDuplicateKeys(false);
    options.setAllowRecursiveKeys(false);
    DumperOptions dumper = new DumperOptions();
    return new Yaml(
        new StringTimestamps(options),
        new Representer(dumper),
        dumper,
        options,
        new ReusingResolver());
  }

  /** Safe constructor that keeps {@code 2025-01-01} as the string written, not a Date. */
  private static final class StringTimestamps extends SafeConstructor {
    StringTimestamps(LoaderOptions options) {
      super(options);
      this.yamlConstructors.put(Tag.TIMESTAMP, new ConstructYamlStr());
    }
  }
}
