package com.vaultcrmsync.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.vaultcrmsync.report.ReportWriter;
import com.vaultcrmsync.report.RunReport;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves {@code java -jar vault-crm-sync.jar demo --dir DIR} works end to end from the shaded jar.
 */
class DemoCommandIT {
  @TempDir Path dir;

  @Test
  void theDemoCopiesTheSampleVaultSyncsBothWaysAndWritesTheReports() throws Exception {
    String jar = System.getProperty("vaultcrmsync.jar");
    assumeTrue(jar != null && Files.isRegularFile(Path.of(jar)), "the shaded jar is not built");
    Path vault = dir.resolve("demo");
    Process p =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                jar,
                "demo",
                "--dir",
                vault.toString())
            .directory(dir.toFile())
            .redirectError(dir.resolve("stderr.txt").toFile())
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();

    assertThat(out)
        .contains("Copied the sample vault")
        .contains("Vault copy: " + vault)
        .contains("latest.html")
        .contains("Customers/Tailspin Toys.md:5  error");
    assertThat(vault.resolve("Microsoft.md")).exists();
    assertThat(vault.resolve("Customers/Fabrikam.md"))
        .content()
        .contains("(via Salesforce: Dana Lee) ^sf-")
        .contains("last_contact: 2026-01-22");
    assertThat(Files.readString(vault.resolve("Customers/Northwind Traders.md"))).contains("\r\n");
    Path reports = vault.resolve(".vault-crm-sync/reports");
    for (String name : List.of("latest.json", "latest.md", "latest.html")) {
      assertThat(reports.resolve(name)).isNotEmptyFile();
    }
    RunReport report = ReportWriter.read(reports.resolve("latest.json"));
    assertThat(report.totals().entriesAdded()).isEqualTo(3);
    assertThat(report.totals().errors()).isEqualTo(1);
  }
}
