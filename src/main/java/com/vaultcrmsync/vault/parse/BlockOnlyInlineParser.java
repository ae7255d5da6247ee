package com.vaultcrmsync.vault.parse;

import com.vladsch.flexmark.parser.InlineParserExtensionFactory;
import com.vladsch.flexmark.parser.delimiter.DelimiterProcessor;
import com.vladsch.flexmark.parser.internal.InlineParserImpl;
import com.vladsch.flexmark.parser.internal.LinkRefProcessorData;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.BitSet;
import java.util.List;
import java.util.Map;

/**
 * An inline parser that leaves paragraphs and headings without inline children: the note model
 * reads block structure only (headings, code and HTML blocks), and inline parsing was most of
 * flexmark's time. Block parsing is unchanged, except that flexmark processes link reference
 * definitions only with its own inline parser: a {@code ===} or {@code ---} line right under a
 * paragraph made of a lone {@code [label]: url} definition therefore reads as a heading.
 */
final class BlockOnlyInlineParser extends InlineParserImpl {
  BlockOnlyInlineParser(
      DataHolder options,
      BitSet specialCharacters,
      BitSet delimiterCharacters,
      Map<Character, DelimiterProcessor> delimiterProcessors,
      LinkRefProcessorData linkRefProcessors,
      List<InlineParserExtensionFactory> inlineParserExtensions) {
    super(
        options,
        specialCharacters,
        delimiterCharacters,
        delimiterProcessors,
        linkRefProcessors,
        inlineParserExtensions);
  }

  @Override
  public void parse(BasedSequence input, Node node) {
    // Inline content is not part of the note model.
  }
}
