package com.vaultcrmsync.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Proves the Markdown report escapes note content and lists review items with path and line. */
class MarkdownReportTest {
  private final String md = new MarkdownReport().render(ReportFixtures.hostile());

  @Test
  void noteContentCannotInjectHtmlOrMarkdown() {
    // Code spans render their content literally, so raw text may appear only inside them.
    String outsideCode = md.replaceAll("`[^`\n]*`", "");
    assertThat(outsideCode).doesNotContain("<script").doesNotContain("<img").doesNotContain("<i>");
    assertThat(md).contains("`Customers/<script>alert(1)</script>.md`");
    assertThat(md)
        .contains("&lt;script&gt;document.title\\='pwned'&lt;/script&gt;Acme &amp; \"Sons\"");
  }

  @Test
  void reviewItemsFollowTheTotalsWithPathAndLine() {
    assertThat(md.indexOf("## Totals")).isLessThan(md.indexOf("## Needs review (4)"));
    assertThat(md.indexOf("## Needs review (4)")).isLessThan(md.indexOf("## Notes (3)"));
    assertThat(md)
        .contains("- `Partners/Fabrikam.md:1` **ambiguous**")
        .contains("- `Broken.md:3` **error**")
        .contains("| Conflicts | 1 |");
  }

  @Test
  void tableCellsStayOnOneRowWhatEverTheReasonContains() {
    String row = md.lines().filter(l -> l.startsWith("| 13 |")).findFirst().orElseThrow();
    assertThat(row).endsWith("|").contains("INVALID\\_FIELD");
  }
}
