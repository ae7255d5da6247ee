package com.vaultcrmsync.vault;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaultcrmsync.vault.parse.NoteParser;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Proves every line of the seed note is read exactly as the design describes it. */
class SeedNoteTest {
  private static Note seed;

  @BeforeAll
  static void read() throws IOException {
    seed =
        new NoteParser()
            .parse("Microsoft.md", Files.readAllBytes(Golden.VAULT.resolve("seed/Microsoft.md")));
  }

  @Test
  void theSeedHasNoProblems() {
    assertThat(seed.problems()).isEmpty();
    assertThat(seed.lineEnding()).isEqualTo(LineEnding.LF);
  }

  @Test
  void frontMatterKeepsQuotedDatesAsStringsInOrder() {
    FrontMatter fm = seed.frontMatter().orElseThrow();
    assertThat(fm.values())
        .containsExactly(
            entry("type", "customer"),
            entry("title", "Microsoft"),
            entry("last_contact", "unknown"),
            entry("created", "2026-01-03"),
            entry("tags", List.of("type/customer", "generated")));
    assertThat(seed.text().substring(fm.start(), fm.bodyStart())).isEqualTo("---\n");
    assertThat(seed.text().substring(fm.bodyEnd(), fm.end())).isEqualTo("---\n");
    assertThat(seed.lastContact()).isEmpty();
  }

  @Test
  void sectionsComeFromHeadingsWithTheirOffsets() {
    assertThat(seed.sections())
        .extracting(Section::title)
        .containsExactly("Microsoft", "Recent Context", "Key Facts", "Topics", "Related");
    Section recent = seed.section("recent context").orElseThrow();
    assertThat(recent.level()).isEqualTo(2);
    assertThat(recent.line()).isEqualTo(13);
    assertThat(seed.text().substring(recent.headingStart(), recent.bodyStart()))
        .isEqualTo("## Recent Context\n");
    assertThat(seed.text().substring(recent.end())).startsWith("## Key Facts\n");
    assertThat(seed.title()).isEqualTo("Microsoft");
  }

  @Test
  void allFifteenEntriesParseUndatedFirstThenNewestToOldest() {
    assertThat(seed.entries()).hasSize(15);
    assertThat(seed.entries().subList(0, 7)).allSatisfy(e -> assertThat(e.date()).isNull());
    assertThat(seed.entries().subList(7, 15))
        .extracting(e -> e.date().toString())
        .containsExactly(
            "2025-12-19",
            "2025-12-18",
            "2025-11-12",
            "2025-11-07",
            "2025-10-30",
            "2025-10-29",
            "2025-10-29",
            "2025-10-28");
    assertThat(seed.entries())
        .allSatisfy(
            e -> {
              assertThat(e.target()).isNotBlank();
              assertThat(e.text()).isNull();
              assertThat(e.crmId()).isNull();
              assertThat(seed.text().substring(e.start(), e.lineEnd())).isEqualTo(e.raw());
              assertThat(e.end()).isEqualTo(e.lineEnd() + 1);
            });
  }

  @Test
  void summariesKeepEllipsesAndCurlyQuotesAndViaIsSplitOff() {
    ContextEntry first = seed.entries().get(0);
    assertThat(first.dateText()).isEqualTo("unknown");
    assertThat(first.target()).isEqualTo("2025-10 - Microsoft Tasks");
    assertThat(first.summary())
        .isEqualTo(
            "Checklist of completed Microsoft-related action items for VAST\u2019s Azure offerings,"
                + " including networki...");
    assertThat(first.via()).isNull();

    ContextEntry cloud = seed.entries().get(3);
    assertThat(cloud.via()).isEqualTo("Cloud");
    assertThat(cloud.summary()).endsWith("for cloud deploym...");

    ContextEntry outline = seed.entries().get(4);
    assertThat(outline.summary()).contains("\u201CVAST on Azure Integration,\u201D...");
    assertThat(outline.via()).isEqualTo("VAST on Azure Integration");

    ContextEntry dre = seed.entries().get(11);
    assertThat(dre.line()).isEqualTo(26);
    assertThat(dre.summary()).contains("Deandre (Dre) Jackson");
    assertThat(dre.via()).isEqualTo("Deandre Jackson");
  }

  private static Map.Entry<String, Object> entry(String k, Object v) {
    return Map.entry(k, v);
  }
}
