package com.vaultcrmsync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaultcrmsync.report.ReportWriter;
import com.vaultcrmsync.report.RunReport;
import com.vaultcrmsync.testing.JarProcess;
import com.vaultcrmsync.testing.JarProcess.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves {@code java -jar vault-crm-sync.jar demo --dir DIR} works end to end from the shaded jar.
 */
class DemoCommandIT {
  @TempDir Path dir;

  @Test
  void theDemoCopiesTheSampleVaultSyncsBothWaysAndWritesTheReports() throws Exception {
    JarProcess.assumeBuilt();
    Path vault = dir.resolve("demo");
    Result r = JarProcess.run(dir, Duration.ofSeconds(120), "demo", "--dir", vault.toString());
    String out = r.out();
    assertThat(r.code()).as(out).isZero();

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
    assertThat(
            PosixFilePermissions.toString(
                Files.getPosixFilePermissions(vault.resolve(".vault-crm-sync"))))
        .as("the state folder holds the org file with the emulator's credentials")
        .isEqualTo("rwx------");
    Path reports = vault.resolve(".vault-crm-sync/reports");
    for (String name : List.of("latest.json", "latest.md", "latest.html")) {
      assertThat(reports.resolve(name)).isNotEmptyFile();
    }
    RunReport report = ReportWriter.read(reports.resolve("latest.json"));
    assertThat(report.totals().entriesAdded()).isEqualTo(3);
    assertThat(report.totals().errors()).isEqualTo(1);
  }
}
