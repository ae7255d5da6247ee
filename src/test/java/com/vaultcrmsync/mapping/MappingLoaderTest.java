package com.vaultcrmsync.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaultcrmsync.vault.ContextEntry;
import com.vaultcrmsync.vault.FrontMatter;
import com.vaultcrmsync.vault.LineEnding;
import com.vaultcrmsync.vault.Note;
import com.vaultcrmsync.vault.Section;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Proves that mapping files are validated with file, line and key, and map notes to records. */
class MappingLoaderTest {
  private static CamelContext camel;
  private static MappingLoader loader;

  @BeforeAll
  static void start() {
    camel = new DefaultCamelContext();
    camel.start();
    loader = new MappingLoader(camel);
  }

  @AfterAll
  static void stop() throws Exception {
    camel.close();
  }

  private static final String ACTIVITIES =
      "kind: activity\nfields:\n  Subject: \"${variable.entry[subject]}\"\n";

  private static Map<String, String> files(String accounts) {
    Map<String, String> files = new LinkedHashMap<>();
    files.put("accounts.yaml", accounts);
    files.put("activities.yaml", ACTIVITIES);
    return files;
  }

  @Test
  void shippedDefaultsLoadAndSelectCustomersAndPartners() {
    Mappings m = loader.loadDefaults();
    assertThat(m.account().sObject()).isEqualTo("Account");
    assertThat(m.account().select().types()).containsExactly("customer", "partner");
    assertThat(m.account().idProperty()).isEqualTo("salesforce_id");
    assertThat(m.activity().externalIdField()).isEqualTo("Vault_Key__c");
    assertThat(m.activity().fields())
        .extracting(FieldRule::field)
        .containsExactly("Subject", "ActivityDate", "Description", "Status");
  }

  @Test
  void unknownKeyIsReportedWithFileLineAndKey() {
    String yaml =
        "kind: account\nselect:\n  types: [customer]\n  colour: red\nfields:\n  Name: x\n";
    assertThatThrownBy(() -> loader.load(files(yaml)))
        .isInstanceOf(MappingException.class)
        .hasMessageContaining("accounts.yaml:4")
        .hasMessageContaining("select.colour")
        .satisfies(e -> assertThat(((MappingException) e).line()).isEqualTo(4));
  }

  @Test
  void wrongTypeIsReported() {
    String yaml = "kind: account\nselect:\n  types: customer\nfields:\n  Name: x\n";
    assertThatThrownBy(() -> loader.load(files(yaml)))
        .isInstanceOf(MappingException.class)
        .hasMessageContaining("accounts.yaml:3")
        .hasMessageContaining("select.types")
        .hasMessageContaining("expected a list");
  }

  @Test
  void badSimpleExpressionIsReported() {
    String yaml =
        "kind: account\nselect:\n  types: [customer]\nfields:\n  Name: x\n"
            + "  Type: \"${variable.frontMatter[type]\"\n";
    assertThatThrownBy(() -> loader.load(files(yaml)))
        .isInstanceOf(MappingException.class)
        .hasMessageContaining("accounts.yaml:6")
        .hasMessageContaining("fields.Type")
        .hasMessageContaining("bad Simple expression");
  }

  @Test
  void unknownSimpleFunctionIsReported() {
    String yaml =
        "kind: account\nselect:\n  types: [customer]\nfields:\n  Name: \"${nosuch(1)}\"\n";
    assertThatThrownBy(() -> loader.load(files(yaml)))
        .isInstanceOf(MappingException.class)
        .hasMessageContaining("fields.Name");
  }

  @Test
  void invalidOnNoMatchValueIsReported() {
    String yaml =
        "kind: account\nselect:\n  types: [customer]\nmatch:\n  onNoMatch: maybe\nfields:\n  Name: x\n";
    assertThatThrownBy(() -> loader.load(files(yaml)))
        .hasMessageContaining("accounts.yaml:5")
        .hasMessageContaining("match.onNoMatch");
  }

  @Test
  void defaultsMapTheNoteAndItsEntries() {
    RecordMapper mapper = new RecordMapper(camel, loader.loadDefaults());
    String text = "---\ntype: customer\ntitle: Microsoft\n---\n# Microsoft\n## Key Facts\n- big\n";
    Map<String, Object> fm = Map.of("type", "customer", "title", "Microsoft");
    Note note =
        new Note(
            "Customers/Microsoft.md",
            text,
            LineEnding.LF,
            Optional.of(new FrontMatter(0, 39, 4, 35, fm)),
            "Microsoft",
            List.of(
                new Section(1, "Microsoft", 5, 39, 51, text.length()),
                new Section(2, "Key Facts", 6, 51, text.indexOf("- big"), text.length())),
            List.of(),
            List.of());
    assertThat(mapper.selects(note)).isTrue();
    assertThat(mapper.accountFields(note))
        .containsEntry("Name", "Microsoft")
        .containsEntry("Type", "customer")
        .containsEntry("Description", "- big");

    ContextEntry entry =
        new ContextEntry(
            8,
            0,
            0,
            0,
            "- 2025-12-19: [[X]] - talk (via Jeff)",
            "2025-12-19",
            LocalDate.of(2025, 12, 19),
            "x".repeat(300),
            null,
            null,
            null,
            "talk",
            "Jeff",
            null);
    Map<String, Object> task = mapper.activityFields(note, entry, "001000000000001AAA");
    assertThat(task.get("Subject").toString()).hasSize(255);
    assertThat(task)
        .containsEntry("ActivityDate", "2025-12-19")
        .containsEntry("Description", "talk (via Jeff)")
        .containsEntry("Status", "Completed");

    ContextEntry noVia =
        new ContextEntry(
            9,
            0,
            0,
            0,
            "- 2025-12-19: text",
            "2025-12-19",
            LocalDate.of(2025, 12, 19),
            null,
            null,
            null,
            "plain text",
            null,
            null,
            null);
    assertThat(mapper.activityFields(note, noVia, "001000000000001AAA"))
        .containsEntry("Subject", "plain text")
        .containsEntry("Description", null);
  }

  @Test
  void nameFallsBackToTheFileNameWithoutATitle() {
    RecordMapper mapper = new RecordMapper(camel, loader.loadDefaults());
    Note note =
        new Note(
            "Acme Corp.md",
            "---\ntype: partner\n---\n",
            LineEnding.LF,
            Optional.of(new FrontMatter(0, 20, 4, 17, Map.of("type", "partner"))),
            "Acme Corp",
            List.of(),
            List.of(),
            List.of());
    assertThat(mapper.accountFields(note)).containsEntry("Name", "Acme Corp");
  }
}
