package com.vaultcrmsync.sync.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaultcrmsync.crm.ApiUsage;
import com.vaultcrmsync.crm.ChangePosition;
import com.vaultcrmsync.crm.CrmGateway;
import com.vaultcrmsync.crm.CrmWriter;
import com.vaultcrmsync.mapping.DefaultMappings;
import com.vaultcrmsync.mapping.FieldRule;
import com.vaultcrmsync.mapping.Mappings;
import com.vaultcrmsync.sync.SyncSettings;
import com.vaultcrmsync.sync.plan.CrmEntryLine;
import com.vaultcrmsync.sync.plan.EchoFilter;
import com.vaultcrmsync.sync.plan.Fingerprint;
import com.vaultcrmsync.sync.plan.SyncPlanner;
import com.vaultcrmsync.sync.plan.VaultKey;
import com.vaultcrmsync.sync.state.ActivityState;
import com.vaultcrmsync.sync.state.StateStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves that a pull drops the echoes of the sync's own writes as they arrive (never holding them)
 * and keeps every record that can change something.
 */
class CrmPullEchoTest {
  private static final String ACCOUNT = "001000000000001AAA";
  private static final LocalDate DAY = LocalDate.of(2025, 12, 19);
  private static final int ECHOES = 3_000;
  private static final Mappings MAPPINGS = DefaultMappings.get();
  private static final ChangePosition FROM_THE_START =
      new ChangePosition(Instant.EPOCH, Duration.ZERO);

  @TempDir Path dir;
  private StateStore state;

  @BeforeEach
  void open() {
    state = StateStore.open(dir);
  }

  @AfterEach
  void close() {
    state.close();
  }

  private static String taskId(int i) {
    return String.format("00T%012dAAA", i);
  }

  private static Map<String, Object> task(int i, String description) {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("Id", taskId(i));
    r.put("Subject", "Call " + i);
    r.put("ActivityDate", DAY.toString());
    r.put("Description", description);
    r.put("Status", "Completed");
    r.put("AccountId", ACCOUNT);
    r.put("IsDeleted", false);
    r.put("SystemModstamp", "2026-01-0" + (1 + i % 9) + "T10:00:00.000+0000");
    r.put(MAPPINGS.activity().externalIdField(), VaultKey.of(ACCOUNT, DAY, "Call " + i));
    return r;
  }

  private static String hash(Map<String, Object> record) {
    List<String> fields = MAPPINGS.activity().fields().stream().map(FieldRule::field).toList();
    return Fingerprint.ofFields(SyncPlanner.owned(record, fields));
  }

  /** Stores what the sync wrote: task {@code i} with {@code description}. */
  private void wrote(int i, String description) {
    state.putActivity(
        new ActivityState(
            VaultKey.of(ACCOUNT, DAY, "Call " + i),
            ActivityState.Origin.VAULT,
            taskId(i),
            ACCOUNT,
            "A.md",
            DAY,
            hash(task(i, description)),
            null,
            null,
            null,
            false));
  }

  @Test
  void aPullOfManyEchoesHoldsNoneOfThemAndKeepsTheRealChange() {
    state.batched(
        500,
        () -> {
          for (int i = 0; i < ECHOES + 1; i++) {
            wrote(i, "as written");
          }
        });
    List<Map<String, Object>> records = new ArrayList<>();
    for (int i = 0; i < ECHOES; i++) {
      records.add(task(i, "as written"));
    }
    records.add(task(ECHOES, "edited by a colleague"));
    CrmPull.Result pulled =
        new CrmPull.Result(
            new EchoFilter(state, SyncSettings.defaults(), MAPPINGS, Map.of(ACCOUNT, "A.md")), 0);
    int[] mostHeld = {0};
    CrmGateway org =
        new TaskPages(records, () -> mostHeld[0] = Math.max(mostHeld[0], pulled.activities.size()));

    new CrmPull(org, MAPPINGS).since(FROM_THE_START, pulled);

    assertThat(pulled.echoes).isEqualTo(ECHOES);
    // Records are decided a page of 500 at a time: without the filter 500 would be held here.
    assertThat(mostHeld[0]).isLessThanOrEqualTo(1);
    assertThat(pulled.activities.values())
        .singleElement()
        .satisfies(a -> assertThat(a.notePath()).isEqualTo("A.md"));
    assertThat(pulled.newestStamp).isEqualTo(Instant.parse("2026-01-09T10:00:00Z"));
  }

  @Test
  void pastItsBoundAPullKeepsNoMoreColleagueActivitiesAndSaysWhereTheNextRunResumes() {
    List<Map<String, Object>> records = new ArrayList<>();
    for (int i = 1; i <= 4; i++) {
      Map<String, Object> colleagues = task(i, "logged in the CRM");
      colleagues.remove(MAPPINGS.activity().externalIdField());
      records.add(colleagues);
    }
    wrote(5, "as written");
    records.add(task(5, "edited by a colleague"));
    CrmPull.Result pulled =
        new CrmPull.Result(
            new EchoFilter(state, SyncSettings.defaults(), MAPPINGS, Map.of(ACCOUNT, "A.md")), 2);

    new CrmPull(new TaskPages(records, () -> {}), MAPPINGS).since(FROM_THE_START, pulled);

    // The vault-owned change is kept past the bound: it may meet an edit of its entry this run.
    assertThat(pulled.activities).containsOnlyKeys(taskId(1), taskId(2), taskId(5));
    assertThat(pulled.deferred).isEqualTo(2);
    assertThat(pulled.resumeAt).isEqualTo(Instant.parse("2026-01-04T10:00:00Z"));
  }

  @Test
  void aRecordThePlannerWouldReadDifferentlyFromItsStateIsKept() {
    wrote(1, "as written");
    ActivityState row = state.activity(VaultKey.of(ACCOUNT, DAY, "Call 1")).orElseThrow();
    // A conflict kept from an earlier run: the CRM's version went back to what the sync wrote.
    state.putActivity(row.withPending(hash(task(1, "a colleague's edit"))));
    wrote(2, "as written");
    state.putActivity(state.activity(VaultKey.of(ACCOUNT, DAY, "Call 2")).orElseThrow().deleted());
    Map<String, Object> unknown = task(3, "x");
    unknown.remove(MAPPINGS.activity().externalIdField());
    unknown.put("AccountId", "001000000000002AAA");
    EchoFilter filter =
        new EchoFilter(state, SyncSettings.defaults(), MAPPINGS, Map.of(ACCOUNT, "A.md"));

    assertThat(noteOf(filter, task(1, "as written"))).isEqualTo("A.md");
    assertThat(noteOf(filter, task(2, "as written"))).as("undeleted").isEqualTo("A.md");
    assertThat(noteOf(filter, unknown)).as("account linked to no note").isNull();
    assertThat(noteOf(filter, task(4, "never written"))).as("no state row").isNull();
  }

  @Test
  void aCrmActivityIsDroppedOnceTheSyncWroteItsLine() {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("Id", "00T000000000009AAA");
    r.put("Subject", "Review");
    r.put("ActivityDate", "2026-01-15");
    r.put("AccountId", ACCOUNT);
    r.put("Owner", Map.of("Name", "Dana Lee"));
    EchoFilter filter =
        new EchoFilter(state, SyncSettings.defaults(), MAPPINGS, Map.of(ACCOUNT, "A.md"));
    assertThat(noteOf(filter, r)).isEqualTo("A.md");

    String line = Fingerprint.of(CrmEntryLine.render(r));
    state.putActivity(
        ActivityState.pulled(
            "00T000000000009AAA", ACCOUNT, "A.md", LocalDate.of(2026, 1, 15), line));
    assertThat(noteOf(filter, r)).isNull();
    r.put("Subject", "Review, moved");
    assertThat(noteOf(filter, r)).isEqualTo("A.md");
  }

  private static String noteOf(EchoFilter filter, Map<String, Object> record) {
    EchoFilter.Kept kept = filter.keep("Task", record);
    return kept == null ? null : kept.notePath();
  }

  /** An org whose Task query returns the given records one by one; other queries return none. */
  private static final class TaskPages implements CrmGateway {
    private final List<Map<String, Object>> tasks;
    private final Runnable afterEach;

    TaskPages(List<Map<String, Object>> tasks, Runnable afterEach) {
      this.tasks = tasks;
      this.afterEach = afterEach;
    }

    @Override
    public long query(String soql, boolean includeDeleted, Consumer<Map<String, Object>> sink) {
      if (!soql.contains(" FROM Task ")) {
        return 0;
      }
      for (Map<String, Object> t : tasks) {
        sink.accept(t);
        afterEach.run();
      }
      return tasks.size();
    }

    @Override
    public CrmWriter writer() {
      throw new UnsupportedOperationException();
    }

    @Override
    public ApiUsage usage() {
      return new ApiUsage(0, Map.of(), null, null);
    }

    @Override
    public void close() {}
  }
}
