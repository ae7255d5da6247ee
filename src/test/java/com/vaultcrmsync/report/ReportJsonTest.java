package com.vaultcrmsync.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.vaultcrmsync.report.RunReport.Change;
import com.vaultcrmsync.report.RunReport.Conflict;
import com.vaultcrmsync.report.RunReport.EntryReport;
import com.vaultcrmsync.report.RunReport.NoteReport;
import com.vaultcrmsync.report.RunReport.Problem;
import com.vaultcrmsync.report.RunReport.WriteBack;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Proves the streamed report JSON is byte for byte what data binding of the records wrote. */
class ReportJsonTest {
  private static final ObjectMapper BINDING =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  @Test
  void theHostileFixtureIsWrittenAsDataBindingWroteIt() throws Exception {
    RunReport report = ReportFixtures.hostile();

    assertThat(ReportWriter.toJson(report)).isEqualTo(BINDING.writeValueAsString(report));
  }

  @Test
  void everyOptionalFieldPresentOrNullIsWrittenAsDataBindingWroteIt() throws Exception {
    Map<String, Integer> ops = new TreeMap<>(Map.of("queryAll", 3, "upsert", 2));
    NoteReport full =
        new NoteReport(
            "Customers/Ünïcode “quotes” & <tags>.md",
            "Title \"quoted\"\nwith a line break\ttab \u0001",
            "created",
            "001000000000001AAA",
            "created",
            "matched by name",
            List.of(
                new EntryReport(8, "k1", "00T000000000001AAA", "created", "new entry"),
                new EntryReport(null, "sf:00T2", null, "added", null),
                new EntryReport(null, null, null, null, null)),
            new WriteBack(new Change("unknown", "2026-01-15"), 2, "salesforce_id"),
            List.of(
                new Conflict("k1", "00T1", 9, "reported", "vault line", "crm line"),
                new Conflict("account", null, null, "crm-wins", null, null)),
            List.of(new Problem("bad YAML", 3), new Problem("no line", null)));
    NoteReport bare =
        new NoteReport(
            "b.md",
            null,
            "skipped",
            null,
            "skipped",
            null,
            List.of(),
            new WriteBack(null, 0, null),
            List.of(),
            List.of());
    NoteReport nullWriteBack =
        new NoteReport(
            "c.md", "C", "id", "001", "unchanged", null, List.of(), null, List.of(), List.of());
    for (RunReport.Run run :
        List.of(
            new RunReport.Run(
                "account", true, "2026-01-15T09:30:00Z", "x", "halted", "why", "Acme"),
            new RunReport.Run("full", false, null, null, null, null, null))) {
      for (RunReport.Api api :
          List.of(
              new RunReport.Api(5, ops, 14_000),
              new RunReport.Api(0, new LinkedHashMap<>(), null),
              new RunReport.Api(0, null, null))) {
        RunReport report =
            new RunReport(
                run,
                api,
                new RunReport.Totals(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12),
                List.of(full, bare, nullWriteBack));

        assertThat(ReportWriter.toJson(report)).isEqualTo(BINDING.writeValueAsString(report));
      }
    }
    RunReport empty =
        new RunReport(
            new RunReport.Run("note", false, "a", "b", "ok", null, null),
            new RunReport.Api(0, Map.of(), null),
            new RunReport.Totals(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0),
            List.of());
    assertThat(ReportWriter.toJson(empty)).isEqualTo(BINDING.writeValueAsString(empty));
  }
}
