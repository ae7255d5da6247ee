package com.vaultcrmsync.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Proves the HTML report is self-contained, escapes all note content and puts review first. */
class HtmlReportTest {
  private final String html = new HtmlReport().render(ReportFixtures.hostile());

  @Test
  void hostileNoteContentIsEscapedNeverInjected() {
    assertThat(html).doesNotContainIgnoringCase("<script").doesNotContainIgnoringCase("<img");
    assertThat(html).doesNotContain("<i>re</i>").doesNotContain("<b>\"");
    assertThat(html)
        .contains("&lt;script&gt;document.title=&#39;pwned&#39;&lt;/script&gt;Acme &amp;")
        .contains("&quot;Sons&quot;")
        .contains("new entry &lt;img src=x onerror=alert(2)&gt; &amp; more")
        .contains("Customers/&lt;script&gt;alert(1)&lt;/script&gt;.md");
  }

  @Test
  void pageLoadsNothingFromOutsideAndForbidsScriptsByPolicy() {
    assertThat(html).doesNotContain("src=\"").doesNotContain("<link").doesNotContain("url(");
    assertThat(html).contains("Content-Security-Policy").contains("default-src 'none'");
  }

  @Test
  void totalsComeFirstThenReviewItemsWithPathAndLineThenEveryNote() {
    int totals = html.indexOf("<h2>Totals</h2>");
    int review = html.indexOf("Needs review (4)");
    int notes = html.indexOf("<h2>Notes (3)</h2>");
    assertThat(totals).isPositive().isLessThan(review);
    assertThat(review).isLessThan(notes);
    String reviewPart = html.substring(review, notes);
    assertThat(reviewPart)
        .contains("Customers/&lt;script&gt;alert(1)&lt;/script&gt;.md:14")
        .contains("Customers/&lt;script&gt;alert(1)&lt;/script&gt;.md:13")
        .contains("Partners/Fabrikam.md:1")
        .contains("Broken.md:3")
        .contains("ambiguous")
        .contains("conflict")
        .contains("INVALID_FIELD");
    assertThat(html.substring(notes)).contains("Fabrikam").contains("Broken.md").contains("v1:def");
  }
}
