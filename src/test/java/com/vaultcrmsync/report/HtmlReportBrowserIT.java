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
    assumeTrue(
        Files.isExecutable(CHROMIUM),
        "no /usr/bin/chromium on this machine (Debian package chromium; .ci/run installs it)");
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
            .redirectOutput(dir.resolve("dom.html").toFile())
            .start();
    boolean exited = p.waitFor(60, TimeUnit.SECONDS);
    if (!exited) {
      p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
    String err = Files.readString(dir.resolve("chromium.err"), StandardCharsets.UTF_8);
    assertThat(exited).as("chromium ended within 60 s; it printed:%n%s", err).isTrue();
    assertThat(p.exitValue()).as("chromium's exit code; it printed:%n%s", err).isZero();
    String dom = Files.readString(dir.resolve("dom.html"), StandardCharsets.UTF_8);

    assertThat(dom).contains("<h2>Totals</h2>");
    // A script that ran would have changed the title; an injected element would show as a tag.
    assertThat(dom).doesNotContain("pwned</title>").doesNotContainIgnoringCase("<script");
    assertThat(dom).doesNotContainIgnoringCase("<img");
    assertThat(dom)
        .contains("&lt;script&gt;document.title='pwned'&lt;/script&gt;Acme &amp; \"Sons\" 'Ltd'");
  }
}
