package com.vaultcrmsync.emulator;

import static com.vaultcrmsync.emulator.EmulatorHttp.V;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Proves single-record REST: create, retrieve, update, delete, upsert and their exact errors. */
class RecordsEndpointTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-15T10:00:00Z"));
  private Emulator emulator;
  private EmulatorHttp http;

  @BeforeEach
  void start() throws Exception {
    emulator = Emulator.start(EmulatorOptions.defaults().withClock(clock));
    http = new EmulatorHttp(emulator.baseUrl()).login();
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  private String account(String name) {
    EmulatorHttp.Reply r =
        http.call("POST", V + "/sobjects/Account", "{\"Name\":\"" + name + "\"}");
    assertThat(r.status()).isEqualTo(201);
    return r.json().get("id").asText();
  }

  @Test
  void createReturns201WithIdErrorsSuccessAndRetrieveFormatsSystemFields() {
    EmulatorHttp.Reply created =
        http.call("POST", V + "/sobjects/account/", "{\"name\":\"Acme\",\"NumberOfEmployees\":12}");
    assertThat(created.status()).isEqualTo(201);
    String id = created.json().get("id").asText();
    assertThat(created.body()).isEqualTo("{\"id\":\"" + id + "\",\"errors\":[],\"success\":true}");
    assertThat(id).startsWith("001").hasSize(18);

    EmulatorHttp.Reply got = http.get(V + "/sobjects/Account/" + id.substring(0, 15));
    assertThat(got.status()).isEqualTo(200);
    assertThat(got.json().get("attributes").toString())
        .isEqualTo(
            "{\"type\":\"Account\",\"url\":\"/services/data/v56.0/sobjects/Account/" + id + "\"}");
    assertThat(got.json().get("Name").asText()).isEqualTo("Acme");
    assertThat(got.json().get("NumberOfEmployees").asInt()).isEqualTo(12);
    assertThat(got.json().get("CreatedDate").asText()).isEqualTo("2026-01-15T10:00:00.000+0000");
    assertThat(got.json().get("CreatedById").asText()).isEqualTo(emulator.integrationUserId());
    assertThat(got.json().get("OwnerId").asText()).isEqualTo(emulator.integrationUserId());
    assertThat(got.json().get("IsDeleted").asBoolean()).isFalse();
    assertThat(got.json().get("Website").isNull()).isTrue();
    assertThat(got.json().fieldNames().next()).isEqualTo("attributes");
  }

  @Test
  void retrieveWithFieldsReturnsOnlyThoseFieldsAndId() {
    String id = account("Acme");
    EmulatorHttp.Reply got =
        http.get(V + "/sobjects/Account/" + id + "?fields=name,LastModifiedDate");
    assertThat(got.json().fieldNames())
        .toIterable()
        .containsExactly("attributes", "Name", "LastModifiedDate", "Id");
    EmulatorHttp.Reply bad = http.get(V + "/sobjects/Account/" + id + "?fields=Bogus__c");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().get(0).get("errorCode").asText()).isEqualTo("INVALID_FIELD");
  }

  @Test
  void updateReturns204AndBumpsLastModifiedAlsoViaHttpMethodOverride() {
    String id = account("Acme");
    clock.advanceSeconds(60);
    EmulatorHttp.Reply patch =
        http.call("PATCH", V + "/sobjects/Account/" + id, "{\"Website\":\"https://acme.example\"}");
    assertThat(patch.status()).isEqualTo(204);
    assertThat(patch.body()).isEmpty();
    EmulatorHttp.Reply post =
        http.call(
            "POST", V + "/sobjects/Account/" + id + "?_HttpMethod=PATCH", "{\"Phone\":\"123\"}");
    assertThat(post.status()).isEqualTo(204);
    EmulatorHttp.Reply got = http.get(V + "/sobjects/Account/" + id);
    assertThat(got.json().get("Website").asText()).isEqualTo("https://acme.example");
    assertThat(got.json().get("Phone").asText()).isEqualTo("123");
    assertThat(got.json().get("LastModifiedDate").asText())
        .isEqualTo("2026-01-15T10:01:00.000+0000");
    assertThat(got.json().get("CreatedDate").asText()).isEqualTo("2026-01-15T10:00:00.000+0000");
  }

  @Test
  void deleteIsSoftAndDeletedRecordsAnswerEntityIsDeleted() {
    String id = account("Acme");
    assertThat(http.call("DELETE", V + "/sobjects/Account/" + id, null).status()).isEqualTo(204);
    EmulatorHttp.Reply got = http.get(V + "/sobjects/Account/" + id);
    assertThat(got.status()).isEqualTo(404);
    assertThat(got.body())
        .isEqualTo(
            "[{\"message\":\"entity is deleted\",\"errorCode\":\"ENTITY_IS_DELETED\",\"fields\":[]}]");
    assertThat(http.call("DELETE", V + "/sobjects/Account/" + id, null).status()).isEqualTo(404);
    assertThat(emulator.record(id).orElseThrow().get("IsDeleted")).isEqualTo(true);
  }

  @Test
  void unknownIdsAndObjectsAnswerNotFound() {
    EmulatorHttp.Reply wellFormed = http.get(V + "/sobjects/Account/001000000000000AAA");
    assertThat(wellFormed.status()).isEqualTo(404);
    assertThat(wellFormed.body())
        .isEqualTo(
            "[{\"message\":\"The requested resource does not exist\",\"errorCode\":\"NOT_FOUND\"}]");
    EmulatorHttp.Reply junk = http.get(V + "/sobjects/Account/xyz");
    assertThat(junk.json().get(0).get("message").asText())
        .isEqualTo("Provided external ID field does not exist or is not accessible: xyz");
    assertThat(http.get(V + "/sobjects/Widget__c").status()).isEqualTo(404);
  }

  @Test
  void validationErrorsUseSalesforceCodesAndFields() {
    assertError(
        http.call("POST", V + "/sobjects/Account", "{\"Website\":\"x\"}"),
        "REQUIRED_FIELD_MISSING",
        "Required fields are missing: [Name]",
        "[\"Name\"]");
    assertError(
        http.call("POST", V + "/sobjects/Account", "{\"Name\":\"A\",\"Bogus__c\":1}"),
        "INVALID_FIELD",
        "No such column 'Bogus__c' on sobject of type Account",
        "[]");
    assertError(
        http.call(
            "POST",
            V + "/sobjects/Account",
            "{\"Name\":\"A\",\"LastActivityDate\":\"2025-01-01\"}"),
        "INVALID_FIELD_FOR_INSERT_UPDATE",
        "Unable to create/update fields: LastActivityDate. Please check the security settings of"
            + " this field and verify that it is read/write for your profile or permission set.",
        "[\"LastActivityDate\"]");
    assertError(
        http.call("POST", V + "/sobjects/Account", "{\"Name\":\"" + "x".repeat(256) + "\"}"),
        "STRING_TOO_LONG",
        "Account Name: data value too large: " + "x".repeat(256) + " (max length=255)",
        "[\"Name\"]");
    assertError(
        http.call(
            "POST", V + "/sobjects/Account", "{\"Name\":\"A\",\"Id\":\"001000000000000AAA\"}"),
        "INVALID_FIELD",
        "The Id field should not be specified in the sobject data.",
        null);
    assertError(
        http.call("POST", V + "/sobjects/Account", "{\"Name\":\"A\",\"NumberOfEmployees\":1.5}"),
        "INVALID_TYPE_ON_FIELD_IN_RECORD",
        "Employees: value not of required type: 1.5",
        "[\"NumberOfEmployees\"]");
    EmulatorHttp.Reply parser =
        http.call(
            "POST", V + "/sobjects/Task", "{\"ActivityDate\":\"2020-04-30T13:19:18.000+02:00\"}");
    assertThat(parser.status()).isEqualTo(400);
    assertThat(parser.json().get(0).get("errorCode").asText()).isEqualTo("JSON_PARSER_ERROR");
    assertThat(parser.json().get(0).get("message").asText())
        .isEqualTo(
            "Cannot deserialize instance of date from VALUE_STRING value 2020-04-30T13:19:18.000+02:00"
                + " or request may be missing a required field at [line:1, column:17]");
    EmulatorHttp.Reply malformed = http.call("POST", V + "/sobjects/Account", "{\"Name\" \"A\"}");
    assertThat(malformed.json().get(0).get("errorCode").asText()).isEqualTo("JSON_PARSER_ERROR");
    assertThat(malformed.json().get(0).get("message").asText()).contains("[line:1, column:");
  }

  @Test
  void referencesAreCheckedForFormatTypeAndExistence() {
    String account = account("Acme");
    assertError(
        http.call(
            "POST", V + "/sobjects/Task", "{\"Subject\":\"x\",\"WhatId\":\"006B000002nBrQ\"}"),
        "MALFORMED_ID",
        "Related To ID: id value of incorrect type: 006B000002nBrQ",
        "[\"WhatId\"]");
    assertError(
        http.call(
            "POST", V + "/sobjects/Task", "{\"Subject\":\"x\",\"WhatId\":\"006000000000001\"}"),
        "MALFORMED_ID",
        "Related To ID: id value of incorrect type: 006000000000001",
        "[\"WhatId\"]");
    assertError(
        http.call(
            "POST", V + "/sobjects/Task", "{\"Subject\":\"x\",\"WhatId\":\"001000000000000AAA\"}"),
        "INVALID_CROSS_REFERENCE_KEY",
        "invalid cross reference id",
        "[]");
    EmulatorHttp.Reply ok =
        http.call(
            "POST",
            V + "/sobjects/Task",
            "{\"Subject\":\"x\",\"WhatId\":\"" + account.substring(0, 15) + "\"}");
    assertThat(ok.status()).isEqualTo(201);
    Map<String, Object> task = emulator.record(ok.json().get("id").asText()).orElseThrow();
    assertThat(task.get("WhatId")).isEqualTo(account);
    assertThat(task.get("AccountId")).isEqualTo(account);
    assertThat(task.get("Status")).isEqualTo("Not Started");
    assertThat(task.get("IsClosed")).isEqualTo(false);
  }

  @Test
  void closingATaskSetsIsClosedAndTheAccountsLastActivityDateBumpingOnlySystemModstamp() {
    String account = account("Acme");
    clock.advanceSeconds(10);
    EmulatorHttp.Reply task =
        http.call(
            "POST",
            V + "/sobjects/Task",
            "{\"Subject\":\"Call\",\"WhatId\":\""
                + account
                + "\",\"ActivityDate\":\"2026-01-10\"}");
    assertThat(emulator.record(account).orElseThrow().get("LastActivityDate")).isNull();
    clock.advanceSeconds(10);
    http.call(
        "PATCH",
        V + "/sobjects/Task/" + task.json().get("id").asText(),
        "{\"Status\":\"Completed\"}");
    Map<String, Object> acct = emulator.record(account).orElseThrow();
    assertThat(acct.get("LastActivityDate").toString()).isEqualTo("2026-01-10");
    assertThat(acct.get("SystemModstamp")).isEqualTo(Instant.parse("2026-01-15T10:00:20Z"));
    assertThat(acct.get("LastModifiedDate")).isEqualTo(Instant.parse("2026-01-15T10:00:00Z"));
    Map<String, Object> closed = emulator.record(task.json().get("id").asText()).orElseThrow();
    assertThat(closed.get("IsClosed")).isEqualTo(true);
    assertThat(closed.get("CompletedDateTime")).isEqualTo(Instant.parse("2026-01-15T10:00:20Z"));

    String event =
        emulator.insertAs(
            "Dana Lee",
            "Event",
            Map.of(
                "Subject",
                "Review",
                "WhatId",
                account,
                "StartDateTime",
                "2026-01-12T15:00:00.000Z",
                "DurationInMinutes",
                30));
    assertThat(emulator.record(event).orElseThrow().get("CreatedById"))
        .isEqualTo(emulator.colleagueUserId());
    assertThat(emulator.record(event).orElseThrow().get("EndDateTime"))
        .isEqualTo(Instant.parse("2026-01-12T15:30:00Z"));
    assertThat(emulator.record(account).orElseThrow().get("LastActivityDate").toString())
        .isEqualTo("2026-01-12");
    http.call("DELETE", V + "/sobjects/Event/" + event, null);
    assertThat(emulator.record(account).orElseThrow().get("LastActivityDate").toString())
        .isEqualTo("2026-01-10");
  }

  @Test
  void anActivityOnAContactTakesTheContactsAccountAndDatesBoth() {
    String account = account("Acme");
    String contact =
        http.call(
                "POST",
                V + "/sobjects/Contact",
                "{\"LastName\":\"Lee\",\"AccountId\":\"" + account + "\"}")
            .json()
            .get("id")
            .asText();
    String event =
        emulator.insertAs(
            "Dana Lee",
            "Event",
            Map.of(
                "Subject",
                "Offsite",
                "WhoId",
                contact,
                "IsAllDayEvent",
                true,
                "ActivityDate",
                "2026-01-20"));
    Map<String, Object> stored = emulator.record(event).orElseThrow();
    assertThat(stored.get("AccountId")).isEqualTo(account);
    assertThat(stored.get("DurationInMinutes")).isEqualTo(1440);
    assertThat(stored.get("StartDateTime")).isEqualTo(Instant.parse("2026-01-20T00:00:00Z"));
    assertThat(emulator.record(contact).orElseThrow().get("LastActivityDate").toString())
        .isEqualTo("2026-01-20");
    assertThat(emulator.record(account).orElseThrow().get("LastActivityDate").toString())
        .isEqualTo("2026-01-20");
    EmulatorHttp.Reply timed =
        http.call(
            "POST",
            V + "/sobjects/Event",
            "{\"Subject\":\"x\",\"StartDateTime\":\"2026-01-20T10:00:00Z\"}");
    assertThat(timed.json().get(0).get("errorCode").asText()).isEqualTo("REQUIRED_FIELD_MISSING");
  }

  @Test
  void updatedAndDeletedListChangesInAWindow() {
    String kept = account("Kept");
    String gone = account("Gone");
    clock.advanceSeconds(120);
    http.call("DELETE", V + "/sobjects/Account/" + gone, null);
    String window =
        "?start=2026-01-15T09%3A00%3A00%2B00%3A00&end=2026-01-15T11%3A00%3A00%2B00%3A00";
    EmulatorHttp.Reply updated = http.get(V + "/sobjects/Account/updated/" + window);
    assertThat(updated.body())
        .isEqualTo(
            "{\"ids\":[\"" + kept + "\"],\"latestDateCovered\":\"2026-01-15T11:00:00.000+0000\"}");
    EmulatorHttp.Reply deleted = http.get(V + "/sobjects/Account/deleted/" + window);
    assertThat(deleted.json().get("deletedRecords").toString())
        .isEqualTo("[{\"id\":\"" + gone + "\",\"deletedDate\":\"2026-01-15T10:02:00.000+0000\"}]");
    assertThat(http.get(V + "/sobjects/Account/updated/").status()).isEqualTo(400);
  }

  @Test
  void upsertByExternalIdCreatesThenUpdatesAndRejectsUnknownFields() {
    String account = account("Acme");
    String body = "{\"Subject\":\"Sync\",\"WhatId\":\"" + account + "\"}";
    EmulatorHttp.Reply created = http.call("PATCH", V + "/sobjects/Task/Vault_Key__c/K%201", body);
    assertThat(created.status()).isEqualTo(201);
    String id = created.json().get("id").asText();
    assertThat(created.body())
        .isEqualTo("{\"id\":\"" + id + "\",\"errors\":[],\"success\":true,\"created\":true}");
    EmulatorHttp.Reply updated = http.call("PATCH", V + "/sobjects/Task/vault_key__c/k+1", body);
    assertThat(updated.status()).isEqualTo(200);
    assertThat(updated.body())
        .isEqualTo("{\"id\":\"" + id + "\",\"errors\":[],\"success\":true,\"created\":false}");
    assertThat(emulator.record(id).orElseThrow().get("Vault_Key__c")).isEqualTo("K 1");
    EmulatorHttp.Reply unknown = http.call("PATCH", V + "/sobjects/Task/Nope__c/1", body);
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.json().get(0).get("message").asText())
        .isEqualTo("Provided external ID field does not exist or is not accessible: Nope__c");
    EmulatorHttp.Reply mismatch =
        http.call("PATCH", V + "/sobjects/Task/Vault_Key__c/K1", "{\"Vault_Key__c\":\"K2\"}");
    assertThat(mismatch.status()).isEqualTo(400);
    EmulatorHttp.Reply byKey = http.get(V + "/sobjects/Task/Vault_Key__c/K%201");
    assertThat(byKey.json().get("Id").asText()).isEqualTo(id);
  }

  @Test
  void severalExternalIdMatchesAnswer300WithRecordUrls() {
    // a non-unique external id field, declared in a custom schema
    emulator.close();
    emulator =
        startWithSchema(
            "objects:\n  Account:\n    - {name: Erp__c, type: string, externalId: true}\n");
    http = new EmulatorHttp(emulator.baseUrl()).login();
    String a =
        http.call("POST", V + "/sobjects/Account", "{\"Name\":\"A\",\"Erp__c\":\"E\"}")
            .json()
            .get("id")
            .asText();
    String b =
        http.call("POST", V + "/sobjects/Account", "{\"Name\":\"B\",\"Erp__c\":\"e\"}")
            .json()
            .get("id")
            .asText();
    EmulatorHttp.Reply r = http.call("PATCH", V + "/sobjects/Account/Erp__c/E", "{\"Name\":\"C\"}");
    assertThat(r.status()).isEqualTo(300);
    assertThat(r.body())
        .isEqualTo(
            "[\"/services/data/v56.0/sobjects/Account/"
                + a
                + "\",\"/services/data/v56.0/sobjects/Account/"
                + b
                + "\"]");
  }

  @Test
  void uniqueExternalIdsRejectDuplicates() {
    http.call("POST", V + "/sobjects/Task", "{\"Subject\":\"a\",\"Vault_Key__c\":\"K\"}");
    EmulatorHttp.Reply dup =
        http.call("POST", V + "/sobjects/Task", "{\"Subject\":\"b\",\"Vault_Key__c\":\"k\"}");
    assertThat(dup.status()).isEqualTo(400);
    assertThat(dup.json().get(0).get("errorCode").asText()).isEqualTo("DUPLICATE_VALUE");
    assertThat(dup.json().get(0).get("message").asText())
        .startsWith("duplicate value found: Vault_Key__c duplicates value on record with id: 00T");
  }

  private Emulator startWithSchema(String yaml) {
    try {
      Path file = Files.createTempFile("schema", ".yaml");
      Files.writeString(file, yaml);
      return Emulator.start(EmulatorOptions.defaults().withClock(clock).withSchemaFile(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void assertError(
      EmulatorHttp.Reply r, String code, String message, String fieldsJson) {
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().size()).isEqualTo(1);
    assertThat(r.json().get(0).get("errorCode").asText()).isEqualTo(code);
    assertThat(r.json().get(0).get("message").asText()).isEqualTo(message);
    if (fieldsJson == null) {
      assertThat(r.json().get(0).has("fields")).isFalse();
    } else {
      assertThat(r.json().get(0).get("fields").toString()).isEqualTo(fieldsJson);
    }
  }

  /** A clock tests move by hand. */
  static final class MutableClock extends Clock {
    private volatile Instant now;

    MutableClock(Instant start) {
      now = start;
    }

    void advanceSeconds(long seconds) {
      now = now.plusSeconds(seconds);
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
