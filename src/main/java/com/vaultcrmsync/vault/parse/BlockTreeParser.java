package com.vaultcrmsync.vault.parse;

import com.vladsch.flexmark.parser.InlineParser;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.parser.block.BlockParser;
import com.vladsch.flexmark.parser.block.BlockParserFactory;
import com.vladsch.flexmark.parser.block.BlockPreProcessorFactory;
import com.vladsch.flexmark.parser.block.CustomBlockParserFactory;
import com.vladsch.flexmark.parser.block.ParagraphPreProcessorFactory;
import com.vladsch.flexmark.parser.delimiter.DelimiterProcessor;
import com.vladsch.flexmark.parser.internal.DocumentParser;
import com.vladsch.flexmark.parser.internal.InlineParserImpl;
import com.vladsch.flexmark.parser.internal.LinkRefProcessorData;
import com.vladsch.flexmark.util.ast.Block;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.data.DataHolder;
import java.util.BitSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * flexmark's block parser ({@link DocumentParser}, with the block factories, options and inline
 * parser of {@link NoteParser#markdownParser()}) run over a whole note body, minus bookkeeping that
 * only feeds what this parser configuration never does. Thread-safe.
 *
 * <p>What differs from {@link Parser#parse(String)}, and why the tree is still the same ({@code
 * CheapBlockStartsTest} compares them on random documents):
 *
 * <ul>
 *   <li>flexmark files every block and block parser in a classifying tracker (ordered multi-maps,
 *       class bags) for paragraph pre-processors, block pre-processors and inline parsing. This
 *       configuration has none of the first two (link reference definitions are processed only with
 *       flexmark's own inline parser) and its inline parser does nothing. Only the lookup of a
 *       block's open parser, which list items use, is kept, in an identity map.
 *   <li>The block factories and the inline parser hold only options and compiled patterns: they are
 *       made once per thread instead of once per note.
 *   <li>There are no post-processors (no extensions), so {@code Parser}'s post-processing step is a
 *       no-op and is not run.
 *   <li>The text is handed over as a view that is not a {@link String}, so flexmark does not hash
 *       the whole note to make its base sequence.
 * </ul>
 */
final class BlockTreeParser {
  private final DataHolder options;
  private final List<CustomBlockParserFactory> factories;
  private final List<List<ParagraphPreProcessorFactory>> paragraphStages;
  private final List<List<BlockPreProcessorFactory>> blockStages;
  private final ThreadLocal<InlineParser> inlineParser;

  BlockTreeParser() {
    Parser parser = NoteParser.markdownParser();
    options = parser.getOptions();
    factories =
        DocumentParser.calculateBlockParserFactories(options, NoteParser.blockFactories()).stream()
            .<CustomBlockParserFactory>map(PerThread::new)
            .toList();
    paragraphStages =
        DocumentParser.calculateParagraphPreProcessors(
            options, List.of(), BlockOnlyInlineParser::new);
    blockStages = DocumentParser.calculateBlockPreProcessors(options, List.of());
    if (paragraphStages.stream().anyMatch(stage -> !stage.isEmpty())
        || blockStages.stream().anyMatch(stage -> !stage.isEmpty())) {
      throw new IllegalStateException("pre-processors need flexmark's own block tracking");
    }
    Map<Character, DelimiterProcessor> delimiters =
        InlineParserImpl.calculateDelimiterProcessors(options, List.of());
    BitSet delimiterChars =
        InlineParserImpl.calculateDelimiterCharacters(options, delimiters.keySet());
    BitSet specialChars = InlineParserImpl.calculateSpecialCharacters(options, delimiterChars);
    LinkRefProcessorData linkRefs = InlineParserImpl.calculateLinkRefProcessors(options, List.of());
    inlineParser =
        ThreadLocal.withInitial(
            () ->
                new BlockOnlyInlineParser(
                    options, specialChars, delimiterChars, delimiters, linkRefs, List.of()));
  }

  /**
   * The block tree of {@code text} from {@code from} to its end; node offsets count from {@code
   * from}.
   */
  Document parse(String text, int from) {
    return new Untracked(this).parse(new TextView(text, from, text.length()));
  }

  /** Block parsing as flexmark does it; only the block-to-parser lookup is tracked. */
  private static final class Untracked extends DocumentParser {
    /** Filled from the super constructor on (it adds the document's parser), hence not final. */
    private Map<Block, BlockParser> open;

    Untracked(BlockTreeParser p) {
      super(p.options, p.factories, p.paragraphStages, p.blockStages, p.inlineParser.get());
    }

    @Override
    public void blockParserAdded(BlockParser blockParser) {
      if (open == null) {
        open = new IdentityHashMap<>(128);
      }
      open.put(blockParser.getBlock(), blockParser);
    }

    @Override
    public void blockParserRemoved(BlockParser blockParser) {
      if (open != null) {
        open.remove(blockParser.getBlock());
      }
    }

    @Override
    public BlockParser getActiveBlockParser(Block node) {
      BlockParser blockParser = open == null ? null : open.get(node);
      return blockParser == null || blockParser.isClosed() ? null : blockParser;
    }

    @Override
    public void blockAdded(Block node) {
      // Classifying blocks feeds only pre-processors, which this configuration has none of.
    }

    @Override
    public void blockAddedWithChildren(Block node) {
      // As blockAdded.
    }

    @Override
    public void blockAddedWithDescendants(Block node) {
      // As blockAdded.
    }

    @Override
    public void blockRemoved(Block node) {
      // As blockAdded.
    }

    @Override
    public void blockRemovedWithChildren(Block node) {
      // As blockAdded.
    }

    @Override
    public void blockRemovedWithDescendants(Block node) {
      // As blockAdded.
    }
  }

  /** A factory whose block parser factory is made once per thread: it holds only options. */
  private static final class PerThread implements CustomBlockParserFactory {
    private final CustomBlockParserFactory factory;
    private final ThreadLocal<BlockParserFactory> made = new ThreadLocal<>();
    private final ThreadLocal<DataHolder> madeWith = new ThreadLocal<>();

    PerThread(CustomBlockParserFactory factory) {
      this.factory = factory;
    }

    @Override
    public BlockParserFactory apply(DataHolder options) {
      BlockParserFactory f = made.get();
      if (f == null || madeWith.get() != options) {
        f = factory.apply(options);
        made.set(f);
        madeWith.set(options);
      }
      return f;
    }

    @Override
    public Set<Class<?>> getAfterDependents() {
      return factory.getAfterDependents();
    }

    @Override
    public Set<Class<?>> getBeforeDependents() {
      return factory.getBeforeDependents();
    }

    @Override
    public boolean affectsGlobalScope() {
      return factory.affectsGlobalScope();
    }
  }

  /** A window on a string that is not itself a {@link String}. */
  private static final class TextView implements CharSequence {
    private final String text;
    private final int from;
    private final int to;

    TextView(String text, int from, int to) {
      this.text = text;
      this.from = from;
      this.to = to;
    }

    @Override
    public int length() {
      return to - from;
    }

    @Override
    public char charAt(int index) {
      if (index < 0 || index >= to - from) {
        throw new StringIndexOutOfBoundsException(index);
      }
      return text.charAt(from + index);
    }

    @Override
    public CharSequence subSequence(int start, int end) {
      if (start < 0 || end > to - from || start > end) {
        throw new StringIndexOutOfBoundsException("[" + start + ", " + end + ")");
      }
      return new TextView(text, from + start, from + end);
    }

    @Override
    public String toString() {
      return text.substring(from, to);
    }
  }
}
