package com.vaultcrmsync.sync.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaultcrmsync.mapping.DefaultMappings;
import com.vaultcrmsync.mapping.Mappings;
import com.vaultcrmsync.report.RunReport;
import com.vaultcrmsync.sync.SyncRequest;
import com.vaultcrmsync.sync.SyncSettings;
import com.vaultcrmsync.sync.link.AccountMatcher;
import com.vaultcrmsync.sync.run.CrmPull;
import com.vaultcrmsync.sync.run.RunRecorder;
import com.vaultcrmsync.sync.state.AccountLink;
import com.vaultcrmsync.sync.state.ActivityState;
import com.vaultcrmsync.sync.state.StateStore;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Proves the planner's decisions on their own: skips, echoes, one-sided changes and conflicts. */
class SyncPlannerTest {
  private static final String ACCOUNT = "001000000000001AAA";
  private static final LocalDate DAY = LocalDate.of(2025, 12, 19);
  private static final Mappings MAPPINGS = DefaultMappings.get();

  @TempDir Path dir;
  private StateStore state;
  private RunRecorder rec;

  @BeforeEach
  void open() {
    state = StateStore.open(dir);
    state.putLink(new AccountLink(ACCOUNT, "A.md", Fingerprint.ofFields(accountFields()), null));
    rec = new RunRecorder(SyncRequest.full(false, false), Instant.now());
  }

  @AfterEach
  void close() {
    state.close();
  }

  private SyncPlanner planner(SyncSettings.ConflictPolicy policy) {
    SyncSettings s = SyncSettings.defaults().withConflictPolicy(policy);
    return new SyncPlanner(state, s, MAPPINGS);
  }

  private static Map<String, Object> accountFields() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("Name", "A");
    m.put("Type", "customer");
    m.put("Description", null);
    return m;
  }

  private static Map<String, Object> taskFields(String description) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("Subject", "Call");
    m.put("ActivityDate", DAY.toString());
    m.put("Description", description);
    m.put("Status", "Completed");
    return m;
  }

  private static NoteDigest digest(NoteDigest.EntryDigest... entries) {
    return new NoteDigest(
        "A.md", 1, 1, "h", "A", List.of(), ACCOUNT, "unknown", accountFields(), List.of(entries));
  }

  private static NoteDigest.EntryDigest entry(int line, LocalDate date, String description) {
    return new NoteDigest.EntryDigest(
        line,
        date,
        "Call",
        "- " + date + ": Call",
        null,
        date == null ? Map.of() : taskFields(description));
  }

  private void synced(String description) {
    String key = VaultKey.of(ACCOUNT, DAY, "Call");
    state.putActivity(
        new ActivityState(
            key,
            ActivityState.Origin.VAULT,
            "00T000000000001AAA",
            ACCOUNT,
            "A.md",
            DAY,
            Fingerprint.ofFields(taskFields(description)),
            null,
            null,
            null,
            false));
  }

  private static CrmPull.Result pulledTask(String description) {
    CrmPull.Result r = new CrmPull.Result();
    Map<String, Object> rec = new LinkedHashMap<>(taskFields(description));
    rec.put("Id", "00T000000000001AAA");
    rec.put("Vault_Key__c", VaultKey.of(ACCOUNT, DAY, "Call"));
    rec.put("AccountId", ACCOUNT);
    rec.put("IsDeleted", false);
    r.activities.put("00T000000000001AAA", new CrmPull.Activity("Task", rec));
    return r;
  }

  private NotePlan plan(SyncSettings.ConflictPolicy policy, NoteDigest d, CrmPull.Result pulled) {
    AccountLink link = state.linkByNote("A.md").orElseThrow();
    NotePlan p =
        planner(policy)
            .planNote(d, new AccountMatch(AccountMatch.Kind.ID, ACCOUNT, "linked"), link, pulled);
    rec.fold(p.outcomes());
    return p;
  }

  @Test
  void undatedAndRepeatedEntriesAreSkippedWithAReason() {
    NotePlan p =
        plan(
            SyncSettings.ConflictPolicy.REPORT,
            digest(entry(3, null, null), entry(4, DAY, "x"), entry(5, DAY, "y")),
            new CrmPull.Result());
    assertThat(p.entries).hasSize(1);
    assertThat(rec.note("A.md").entries)
        .extracting(RunReport.EntryReport::reason)
        .containsExactly("undated entry", "same date and subject as line 4");
  }

  @Test
  void anUnchangedEntryWhoseCrmRecordIsTheSyncsOwnWriteIsNotPushed() {
    synced("talk");
    NotePlan p =
        plan(SyncSettings.ConflictPolicy.REPORT, digest(entry(4, DAY, "talk")), pulledTask("talk"));
    assertThat(p.entries).singleElement().satisfies(e -> assertThat(e.push()).isFalse());
    assertThat(p.accountAction).isEqualTo(NotePlan.AccountAction.NONE);
    assertThat(p.stateUpdates).isEmpty();
  }

  @Test
  void anEntryEditedOnlyInTheVaultIsPushed() {
    synced("talk");
    NotePlan p =
        plan(
            SyncSettings.ConflictPolicy.REPORT,
            digest(entry(4, DAY, "longer talk")),
            pulledTask("talk"));
    assertThat(p.entries).singleElement().satisfies(e -> assertThat(e.push()).isTrue());
  }

  @Test
  void aRecordChangedOnBothSidesIsAConflictThatTheDefaultPolicyOnlyReports() {
    synced("talk");
    NotePlan p =
        plan(SyncSettings.ConflictPolicy.REPORT, digest(entry(4, DAY, "vault")), pulledTask("crm"));
    assertThat(p.entries).singleElement().satisfies(e -> assertThat(e.push()).isFalse());
    assertThat(p.stateUpdates)
        .singleElement()
        .satisfies(a -> assertThat(a.pendingHash()).isNotNull());
    assertThat(rec.note("A.md").conflicts)
        .singleElement()
        .satisfies(c -> assertThat(c.resolution()).isEqualTo("reported"));
    assertThat(rec.needsReview()).isTrue();
  }

  @Test
  void vaultWinsPushesTheConflictingEntry() {
    synced("talk");
    NotePlan p =
        plan(
            SyncSettings.ConflictPolicy.VAULT_WINS,
            digest(entry(4, DAY, "vault")),
            pulledTask("crm"));
    assertThat(p.entries).singleElement().satisfies(e -> assertThat(e.push()).isTrue());
    assertThat(rec.needsReview()).isFalse();
  }

  @Test
  void aCrmEditAlreadySeenMakesALaterVaultEditAConflict() {
    synced("talk");
    ActivityState row = state.activity(VaultKey.of(ACCOUNT, DAY, "Call")).orElseThrow();
    state.putActivity(
        new ActivityState(
            row.key(),
            row.origin(),
            row.crmId(),
            row.accountId(),
            row.notePath(),
            row.activityDate(),
            row.syncedHash(),
            null,
            Fingerprint.ofFields(taskFields("crm")),
            null,
            false));
    NotePlan p =
        plan(
            SyncSettings.ConflictPolicy.REPORT,
            digest(entry(4, DAY, "vault")),
            new CrmPull.Result());
    assertThat(p.entries).singleElement().satisfies(e -> assertThat(e.push()).isFalse());
    assertThat(rec.note("A.md").conflicts).hasSize(1);
  }

  @Test
  void aVaultKeyedCrmActivityNeverBecomesANewEntry() {
    CrmPull.Result pulled = pulledTask("talk");
    NotePlan p = new NotePlan("A.md", "A", null);
    p.accountId = ACCOUNT;
    planner(SyncSettings.ConflictPolicy.REPORT)
        .planPulled(pulled, Map.of(ACCOUNT, "A.md"), path -> p);
    assertThat(p.crmLines).isEmpty();
  }

  @Test
  void aCrmActivityIsEchoSuppressedOnceItsLineWasWritten() {
    CrmPull.Result pulled = new CrmPull.Result();
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("Id", "00T000000000009AAA");
    r.put("Subject", "Review");
    r.put("ActivityDate", "2026-01-15");
    r.put("AccountId", ACCOUNT);
    r.put("Owner", Map.of("Name", "Dana Lee"));
    pulled.activities.put("00T000000000009AAA", new CrmPull.Activity("Task", r));
    NotePlan p = new NotePlan("A.md", "A", null);
    p.accountId = ACCOUNT;
    planner(SyncSettings.ConflictPolicy.REPORT)
        .planPulled(pulled, Map.of(ACCOUNT, "A.md"), path -> p);
    assertThat(p.crmLines)
        .singleElement()
        .satisfies(
            l ->
                assertThat(l.line())
                    .isEqualTo(
                        "- 2026-01-15: Review (via Salesforce: Dana Lee) ^sf-00T000000000009AAA"));

    String hash = Fingerprint.of(p.crmLines.get(0).line());
    state.putActivity(
        ActivityState.pulled(
            "00T000000000009AAA", ACCOUNT, "A.md", LocalDate.of(2026, 1, 15), hash));
    NotePlan again = new NotePlan("A.md", "A", null);
    again.accountId = ACCOUNT;
    planner(SyncSettings.ConflictPolicy.REPORT)
        .planPulled(pulled, Map.of(ACCOUNT, "A.md"), path -> again);
    assertThat(again.crmLines).isEmpty();
  }

  @Test
  void theIdentityQueryKeepsHostileNamesInsideTheirLiterals() {
    String q =
        AccountMatcher.identityQuery("Account", List.of("O'Brien\\\\' OR Name != '", "a\nb"));
    assertThat(q)
        .isEqualTo(
            "SELECT Id, Name FROM Account WHERE Name IN ('O\\'Brien\\\\\\\\\\' OR Name != \\'', 'a\\nb')");
  }
}
