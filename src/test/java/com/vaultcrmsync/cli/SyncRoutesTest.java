package com.vaultcrmsync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaultcrmsync.app.CrmRuntime;
import com.vaultcrmsync.app.EmulatorLogin;
import com.vaultcrmsync.app.RuntimeOptions;
import com.vaultcrmsync.crm.CamelCrmGateway;
import com.vaultcrmsync.mapping.MappingLoader;
import com.vaultcrmsync.mapping.RecordMapper;
import com.vaultcrmsync.report.HtmlReport;
import com.vaultcrmsync.report.MarkdownReport;
import com.vaultcrmsync.report.ReportWriter;
import com.vaultcrmsync.report.RunReport;
import com.vaultcrmsync.sync.SyncSettings;
import com.vaultcrmsync.sync.run.SyncEngine;
import com.vaultcrmsync.sync.run.SyncRunner;
import com.vaultcrmsync.vault.VaultScanner;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves the sync routes as other parts of the product call them: {@code direct:sync-note} syncs
 * one note through the engine bean and {@code direct:write-report} writes its report files.
 */
class SyncRoutesTest {
  @TempDir Path dir;

  @Test
  void syncNoteRouteSyncsOneNoteAndWritesTheReport() throws Exception {
    try (SyncHarness h = new SyncHarness(dir)) {
      h.copySeed();
      h.write("Other.md", "---\ntype: customer\n---\n# Other\n");
      SyncRunner runner = new SyncRunner();
      RuntimeOptions options =
          EmulatorLogin.onto(RuntimeOptions.of(h.vault.resolve(".vault-crm-sync")), h.org.baseUrl())
              .withBean("syncRunner", runner);
      Path reports = dir.resolve("reports");
      try (CrmRuntime runtime = CrmRuntime.start(options);
          CamelCrmGateway crm = runtime.crm()) {
        var camel = runtime.camelContext();
        runner.attach(
            new SyncEngine(
                h.vault,
                h.vault.resolve(".vault-crm-sync"),
                new RecordMapper(camel, new MappingLoader(camel).loadDefaults()),
                crm,
                SyncSettings.defaults(),
                Clock.systemUTC(),
                VaultScanner.DEFAULT_MAX_NOTE_BYTES),
            reports);

        Exchange done =
            camel
                .createProducerTemplate()
                .request(
                    "direct:sync-note",
                    e -> e.getMessage().setHeaders(Map.of("syncKey", "Microsoft.md")));

        assertThat(done.getException()).isNull();
        RunReport report = done.getVariable(SyncRunner.REPORT_VARIABLE, RunReport.class);
        assertThat(report.run().mode()).isEqualTo("note");
        assertThat(report.notes())
            .extracting(RunReport.NoteReport::path)
            .containsExactly("Microsoft.md");
      }
      assertThat(h.records("Account")).extracting(a -> a.get("Name")).containsExactly("Microsoft");
      assertThat(reports.resolve("latest.json")).exists();
      try (var files = Files.list(reports)) {
        assertThat(files.map(p -> p.getFileName().toString()))
            .anyMatch(n -> n.matches("\\d{8}T\\d{6}Z-note\\.json"))
            .noneMatch(n -> n.startsWith("."));
      }
      RunReport written = ReportWriter.read(reports.resolve("latest.json"));
      assertThat(Files.readString(reports.resolve("latest.json"), StandardCharsets.UTF_8))
          .isEqualTo(ReportWriter.toJson(written));
      assertThat(Files.readString(reports.resolve("latest.md"), StandardCharsets.UTF_8))
          .isEqualTo(new MarkdownReport().render(written));
      assertThat(Files.readString(reports.resolve("latest.html"), StandardCharsets.UTF_8))
          .isEqualTo(new HtmlReport().render(written));
    }
  }
}
