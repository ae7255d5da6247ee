package com.vaultcrmsync.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves in a real headless browser (Debian's chromium) that a hostile report runs no script and
 * shows the hostile text as text.
 */
class HtmlReportBrowserIT {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  @TempDir Path dir;

  @Test
  void hostileTitlesRenderAsTextAndNoScriptRuns() throws Exception {
    assumeTrue(Files.isExecutable(CHROMIUM), "no /usr/bin/chromium on this machine");
    Path html = dir.resolve("report.html");
    Files.writeString(html, new HtmlReport().render(ReportFixtures.hostile()));
    Process p =
        new ProcessBuilder(
                CHROMIUM.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--user-data-dir=" + Files.createTempDirectory(dir, "profile"),
                "--dump-dom",
                html.toUri().toString())
            .redirectError(dir.resolve("chromium.err").toFile())
            .start();
    String dom = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();

    assertThat(dom).contains("<h2>Totals</h2>");
    // A script that ran would have changed the title; an injected element would show as a tag.
    assertThat(dom).doesNotContain("pwned</title>").doesNotContainIgnoringCase("<script");
    assertThat(dom).doesNotContainIgnoringCase("<img");
    assertThat(dom)
        .contains("&lt;script&gt;document.title='pwned'&lt;/script&gt;Acme &amp; \"Sons\" 'Ltd'");
  }
}
