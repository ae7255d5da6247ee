package com.vaultcrmsync.vault.parse;

import com.vladsch.flexmark.parser.block.BlockParserFactory;
import com.vladsch.flexmark.parser.block.BlockStart;
import com.vladsch.flexmark.parser.block.CustomBlockParserFactory;
import com.vladsch.flexmark.parser.block.MatchedBlockParser;
import com.vladsch.flexmark.parser.block.ParserState;
import com.vladsch.flexmark.parser.core.BlockQuoteParser;
import com.vladsch.flexmark.parser.core.FencedCodeBlockParser;
import com.vladsch.flexmark.parser.core.HeadingParser;
import com.vladsch.flexmark.parser.core.HtmlBlockParser;
import com.vladsch.flexmark.parser.core.IndentedCodeBlockParser;
import com.vladsch.flexmark.parser.core.ListBlockParser;
import com.vladsch.flexmark.parser.core.ThematicBreakParser;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import com.vladsch.flexmark.util.sequence.mappers.SpecialLeadInHandler;
import java.util.Set;

/**
 * flexmark's own heading, fenced-code, HTML-block, thematic-break and list factories behind a cheap
 * test of the line. flexmark runs each factory's regular expressions on every line that does not
 * start with a letter (so on every list item, and again on the item's text when that starts with a
 * digit, as every dated entry does), and the HTML factory compiles its patterns for every document;
 * yet a heading starts with {@code #} (or is a {@code =}/{@code -} underline below a paragraph), a
 * fence with {@code `} or {@code ~}, an HTML block with {@code <}, a thematic break holds only one
 * marker char and blanks, and a list item starts with {@code -+*} or with 1-9 digits and {@code .}
 * or {@code )}. Lines that pass go to the unchanged core factory, and the factories keep the core
 * order, so the AST is the same ({@code CheapBlockStartsTest} compares both parsers on random
 * documents). Disable the five core factories when using these.
 */
final class CheapBlockStarts {
  private CheapBlockStarts() {}

  /** In place of {@link HeadingParser.Factory}. */
  static final class Heading extends Filtered {
    Heading() {
      super(
          new HeadingParser.Factory(),
          Set.of(BlockQuoteParser.Factory.class),
          Set.of(
              Fenced.class,
              Html.class,
              ThematicBreak.class,
              ListItem.class,
              IndentedCodeBlockParser.Factory.class));
    }

    @Override
    boolean mayStart(BasedSequence line, int first, MatchedBlockParser matched) {
      char c = line.charAt(first);
      return c == '#' || (c == '=' || c == '-') && matched.getParagraphContent() != null;
    }
  }

  /** In place of {@link FencedCodeBlockParser.Factory}. */
  static final class Fenced extends Filtered {
    Fenced() {
      super(
          new FencedCodeBlockParser.Factory(),
          Set.of(BlockQuoteParser.Factory.class, Heading.class),
          Set.of(
              Html.class,
              ThematicBreak.class,
              ListItem.class,
              IndentedCodeBlockParser.Factory.class));
    }

    @Override
    boolean mayStart(BasedSequence line, int first, MatchedBlockParser matched) {
      char c = line.charAt(first);
      return c == '`' || c == '~';
    }
  }

  /** In place of {@link HtmlBlockParser.Factory}. */
  static final class Html extends Filtered {
    Html() {
      super(
          new HtmlBlockParser.Factory(),
          Set.of(BlockQuoteParser.Factory.class, Heading.class, Fenced.class),
          Set.of(ThematicBreak.class, ListItem.class, IndentedCodeBlockParser.Factory.class));
    }

    @Override
    boolean mayStart(BasedSequence line, int first, MatchedBlockParser matched) {
      return line.charAt(first) == '<';
    }
  }

  /** In place of {@link ThematicBreakParser.Factory}. */
  static final class ThematicBreak extends Filtered {
    ThematicBreak() {
      super(
          new ThematicBreakParser.Factory(),
          Set.of(BlockQuoteParser.Factory.class, Heading.class, Fenced.class, Html.class),
          Set.of(ListItem.class, IndentedCodeBlockParser.Factory.class));
    }

    @Override
    boolean mayStart(BasedSequence line, int first, MatchedBlockParser matched) {
      char marker = line.charAt(first);
      if (marker != '-' && marker != '*' && marker != '_') {
        return false;
      }
      for (int i = first + 1; i < line.length(); i++) {
        char c = line.charAt(i);
        if (c != marker && c != ' ' && c != '\t' && c != '\r' && c != '\n') {
          return false;
        }
      }
      return true;
    }
  }

  /**
   * In place of {@link ListBlockParser.Factory}. The core factory matches its marker pattern only
   * at the first non-blank char (the pattern is anchored), and when the matched block is a list it
   * acts on what the list's last item decided for this line; both go to the core factory. When it
   * returns nothing for a line with no marker, its only other effect is to clear a mark that the
   * list item left on that very line, which nothing reads once the line's list start is declined.
   */
  static final class ListItem extends Filtered {
    ListItem() {
      super(
          new ListBlockParser.Factory(),
          Set.of(
              BlockQuoteParser.Factory.class,
              Heading.class,
              Fenced.class,
              Html.class,
              ThematicBreak.class),
          Set.of(IndentedCodeBlockParser.Factory.class));
    }

    @Override
    boolean mayStart(BasedSequence line, int first, MatchedBlockParser matched) {
      char c = line.charAt(first);
      if (c == '-' || c == '+' || c == '*' || matched.getBlockParser() instanceof ListBlockParser) {
        return true;
      }
      int i = first;
      while (i < line.length() && i - first < 9 && line.charAt(i) >= '0' && line.charAt(i) <= '9') {
        i++;
      }
      return i > first && i < line.length() && (line.charAt(i) == '.' || line.charAt(i) == ')');
    }
  }

  /**
   * A core factory behind a test. The core block factory is made once per thread and reused: it
   * holds only the options and its compiled patterns.
   */
  abstract static class Filtered implements CustomBlockParserFactory {
    private final CustomBlockParserFactory core;
    private final Set<Class<?>> after;
    private final Set<Class<?>> before;
    private final ThreadLocal<Made> made = new ThreadLocal<>();

    private record Made(DataHolder options, BlockParserFactory factory) {}

    Filtered(CustomBlockParserFactory core, Set<Class<?>> after, Set<Class<?>> before) {
      this.core = core;
      this.after = after;
      this.before = before;
    }

    /** False only when the core factory certainly cannot start a block at {@code first}. */
    abstract boolean mayStart(BasedSequence line, int first, MatchedBlockParser matched);

    @Override
    public BlockParserFactory apply(DataHolder options) {
      return new BlockParserFactory() {
        private BlockParserFactory delegate;

        @Override
        public BlockStart tryStart(ParserState state, MatchedBlockParser matched) {
          BasedSequence line = state.getLine();
          int first = state.getNextNonSpaceIndex();
          if (first >= line.length() || !mayStart(line, first, matched)) {
            return BlockStart.none();
          }
          if (delegate == null) {
            delegate = coreFactory(options);
          }
          return delegate.tryStart(state, matched);
        }
      };
    }

    private BlockParserFactory coreFactory(DataHolder options) {
      Made m = made.get();
      if (m == null || m.options() != options) {
        m = new Made(options, core.apply(options));
        made.set(m);
      }
      return m.factory();
    }

    @Override
    public SpecialLeadInHandler getLeadInHandler(DataHolder options) {
      return core.getLeadInHandler(options);
    }

    @Override
    public Set<Class<?>> getAfterDependents() {
      return after;
    }

    @Override
    public Set<Class<?>> getBeforeDependents() {
      return before;
    }

    @Override
    public boolean affectsGlobalScope() {
      return false;
    }
  }
}
