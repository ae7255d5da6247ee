package com.vaultcrmsync.vault.parse;

import com.vaultcrmsync.vault.ContextEntry;
import com.vaultcrmsync.vault.FrontMatter;
import com.vaultcrmsync.vault.LineEnding;
import com.vaultcrmsync.vault.Note;
import com.vaultcrmsync.vault.NoteFile;
import com.vaultcrmsync.vault.NoteProblem;
import com.vaultcrmsync.vault.Section;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.parser.block.CustomBlockParserFactory;
import com.vladsch.flexmark.util.data.MutableDataSet;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.DateTimeException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a note's bytes into a {@link Note}: strict UTF-8, front matter with safe, limited YAML,
 * sections as flexmark's AST has them ({@link BodyBlocks}: without the front matter, flexmark run
 * only from where the body stops being plain), and the {@code ## Recent Context} entries. Never
 * throws for bad content: problems are recorded in the note. Thread-safe.
 */
public final class NoteParser {
  /** The section whose list items are entries. */
  public static final String RECENT_CONTEXT = "Recent Context";

  /** The front matter key holding the newest activity date. */
  public static final String LAST_CONTACT = "last_contact";

  private static final char BOM = '\uFEFF';

  /**
   * flexmark for block structure only: the inline parser is replaced by one that does nothing,
   * because sections need headings (whose text the block parser already holds) and code/HTML
   * blocks, never links or emphasis. This halves flexmark's time (see the README's benchmark
   * section). The core block parsers keep their core order.
   */
  static Parser markdownParser() {
    MutableDataSet options =
        new MutableDataSet()
            .set(Parser.HEADING_PARSER, false)
            .set(Parser.FENCED_CODE_BLOCK_PARSER, false)
            .set(Parser.HTML_BLOCK_PARSER, false)
            .set(Parser.THEMATIC_BREAK_PARSER, false)
            .set(Parser.LIST_BLOCK_PARSER, false);
    Parser.Builder builder = Parser.builder(options);
    blockFactories().forEach(builder::customBlockParserFactory);
    return builder.customInlineParserFactory(BlockOnlyInlineParser::new).build();
  }

  /** The block factories that stand in for the core ones {@link #markdownParser()} disables. */
  static List<CustomBlockParserFactory> blockFactories() {
    return List.of(
        new CheapBlockStarts.Heading(),
        new CheapBlockStarts.Fenced(),
        new CheapBlockStarts.Html(),
        new CheapBlockStarts.ThematicBreak(),
        new CheapBlockStarts.ListItem());
  }

  /** Reads and parses a listed note file. */
  public Note read(NoteFile file) throws IOException {
    return parse(file.relativePath(), Files.readAllBytes(file.path()));
  }

  /**
   * Parses a note from its bytes. Invalid UTF-8 gives a note with an ERROR naming the file and the
   * byte offset; its {@code text} is then a lenient decoding, for display only.
   */
  public Note parse(String relativePath, byte[] content) {
    LineIndex decoded = StrictUtf8.decode(content);
    if (decoded != null) {
      return parse(relativePath, decoded.text(), decoded);
    }
    // Not well-formed, or a NUL: the JDK's strict decoder finds the offset to report.
    return parseStrict(relativePath, content);
  }

  /** Decoded text of a file: refused when it holds a NUL, else parsed. */
  private Note parseText(String relativePath, String text) {
    int nul = text.indexOf('\0');
    if (nul >= 0) {
      // Valid UTF-8 never needs a NUL: this is a binary or UTF-16 file, and splicing it would ruin
      // it.
      int line = new LineIndex(text).lineOf(nul);
      return unreadable(
          relativePath,
          text,
          relativePath
              + ": contains a NUL byte (line "
              + line
              + "): a binary or UTF-16 file, not a UTF-8 note; the note is not read",
          line);
    }
    return parse(relativePath, text);
  }

  private Note parseStrict(String relativePath, byte[] content) {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(content);
    CharBuffer out = CharBuffer.allocate(content.length);
    CoderResult result = decoder.decode(in, out, true);
    if (result.isError()) {
      int offset = in.position();
      int line = 1;
      for (int i = 0; i < offset; i++) {
        line += content[i] == '\n' ? 1 : 0;
      }
      String message =
          relativePath + ": invalid UTF-8 at byte offset " + offset + "; the note is not read";
      return new Note(
          relativePath,
          new String(content, StandardCharsets.UTF_8),
          LineEnding.LF,
          Optional.empty(),
          fileTitle(relativePath),
          List.of(),
          List.of(),
          List.of(new NoteProblem(NoteProblem.Severity.ERROR, message, line)));
    }
    decoder.flush(out);
    return parseText(relativePath, out.flip().toString());
  }

  /** Parses already decoded text ({@code \uFEFF} first when the file has a BOM). */
  public Note parse(String relativePath, String text) {
    return parse(relativePath, text, new LineIndex(text));
  }

  private Note parse(String relativePath, String text, LineIndex lines) {
    List<NoteProblem> problems = new ArrayList<>();
    int from = !text.isEmpty() && text.charAt(0) == BOM ? 1 : 0;
    Optional<FrontMatter> frontMatter = FrontMatterReader.read(text, from, lines, problems);
    if (!problems.isEmpty()) {
      return new Note(
          relativePath,
          text,
          lines.lineEnding(),
          Optional.empty(),
          fileTitle(relativePath),
          List.of(),
          List.of(),
          problems);
    }
    int bodyFrom = frontMatter.map(FrontMatter::end).orElse(from);
    List<Section> sections = new ArrayList<>();
    List<int[]> opaque = new ArrayList<>();
    BodyBlocks.read(text, bodyFrom, lines, sections, opaque);
    sections = closeSections(sections, text.length());
    List<ContextEntry> entries = List.of();
    for (Section s : sections) {
      if (s.title().equalsIgnoreCase(RECENT_CONTEXT)) {
        entries = RecentContextParser.parse(text, lines, s, opaque, problems);
        break;
      }
    }
    frontMatter.ifPresent(fm -> checkLastContact(fm, problems));
    return new Note(
        relativePath,
        text,
        lines.lineEnding(),
        frontMatter,
        title(relativePath, frontMatter, sections),
        sections,
        entries,
        problems);
  }

  /** A note that could not be read at all (too large, unreadable, not UTF-8). */
  public static Note unreadable(String relativePath, String text, String message) {
    return unreadable(relativePath, text, message, 0);
  }

  private static Note unreadable(String relativePath, String text, String message, int line) {
    return new Note(
        relativePath,
        text,
        new LineIndex(text).lineEnding(),
        Optional.empty(),
        fileTitle(relativePath),
        List.of(),
        List.of(),
        List.of(new NoteProblem(NoteProblem.Severity.ERROR, message, line)));
  }

  /** Each section ends where the next heading of the same or a higher level starts. */
  private static List<Section> closeSections(List<Section> open, int textEnd) {
    List<Section> closed = new ArrayList<>(open.size());
    for (int i = 0; i < open.size(); i++) {
      Section s = open.get(i);
      int end = textEnd;
      for (int j = i + 1; j < open.size(); j++) {
        if (open.get(j).level() <= s.level()) {
          end = open.get(j).headingStart();
          break;
        }
      }
      closed.add(new Section(s.level(), s.title(), s.line(), s.headingStart(), s.bodyStart(), end));
    }
    return closed;
  }

  private static void checkLastContact(FrontMatter fm, List<NoteProblem> problems) {
    Object raw = fm.values().get(LAST_CONTACT);
    String value =
        raw instanceof Map || raw instanceof Iterable
            ? String.valueOf(raw)
            : fm.string(LAST_CONTACT);
    if (value == null || value.equalsIgnoreCase("unknown") || value.isBlank()) {
      return;
    }
    try {
      IsoDates.parse(value);
    } catch (DateTimeException e) {
      problems.add(
          new NoteProblem(
              NoteProblem.Severity.WARNING,
              LAST_CONTACT + " '" + value + "' is not a YYYY-MM-DD date",
              0));
    }
  }

  private static String title(
      String relativePath, Optional<FrontMatter> frontMatter, List<Section> sections) {
    String fromYaml = frontMatter.map(fm -> fm.string("title")).orElse(null);
    if (fromYaml != null && !fromYaml.isBlank()) {
      return fromYaml.strip();
    }
    return sections.stream()
        .filter(s -> s.level() == 1 && !s.title().isEmpty())
        .map(Section::title)
        .findFirst()
        .orElseGet(() -> fileTitle(relativePath));
  }

  private static String fileTitle(String relativePath) {
    String name = relativePath.substring(relativePath.lastIndexOf('/') + 1);
    return name.regionMatches(true, name.length() - 3, ".md", 0, 3)
        ? name.substring(0, name.length() - 3)
        : name;
  }
}
