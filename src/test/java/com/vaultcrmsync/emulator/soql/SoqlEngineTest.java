package com.vaultcrmsync.emulator.soql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaultcrmsync.emulator.soql.parse.SoqlException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Proves the engine answers SOQL over an in-memory org as Salesforce's query and queryAll do. */
class SoqlEngineTest {
  /** Wednesday 2025-06-18, 15:30 UTC; that week starts on Sunday 2025-06-15. */
  private static final Instant NOW = Instant.parse("2025-06-18T15:30:00Z");

  private TestOrg org;
  private SoqlEngine engine;
  private String alice;
  private String acme;
  private String globex;
  private String callAcme;

  @BeforeEach
  void createOrg() {
    org = new TestOrg();
    engine = new SoqlEngine(org, org, Clock.fixed(NOW, ZoneOffset.UTC));
    alice = org.add("User", Map.of("Name", "Alice Admin", "IsActive", true));
    String bob = org.add("User", Map.of("Name", "Bob Builder", "IsActive", false));
    acme =
        org.add(
            "Account",
            Map.of(
                "Name",
                "Acme",
                "OwnerId",
                alice,
                "Industry",
                "Technology",
                "AnnualRevenue",
                1000.5,
                "NumberOfEmployees",
                10,
                "LastActivityDate",
                LocalDate.parse("2025-06-17")));
    globex = org.add("Account", Map.of("Name", "Globex", "OwnerId", bob, "NumberOfEmployees", 250));
    org.add("Contact", Map.of("LastName", "Smith", "Name", "Jo Smith", "AccountId", acme));
    org.add("Contact", Map.of("LastName", "Orphan", "Name", "No Account"));
    callAcme =
        task(
            "Call Acme",
            acme,
            "2025-06-18",
            "2025-06-18T09:00:00Z",
            Map.of("Status", "Completed", "IsClosed", true, "Vault_Key__c", "vk-1"));
    task("Email Globex", globex, "2025-06-17", "2025-06-17T23:59:59Z", Map.of("Priority", "High"));
    task("Plan offsite", null, "2025-06-10", "2025-06-01T00:00:00Z", Map.of());
    task("No date", acme, null, "2025-05-01T12:00:00.123Z", Map.of("Vault_Key__c", "vk-4"));
    task(
        "Ship 100% o_k",
        null,
        "2025-07-01",
        "2024-12-31T23:00:00Z",
        Map.of("Description", "it's \"quoted\"\nsecond line"));
  }

  private String task(
      String subject,
      String whatId,
      String activityDate,
      String modstamp,
      Map<String, Object> more) {
    Map<String, Object> fields = new HashMap<>(more);
    fields.put("Subject", subject);
    fields.put("WhatId", whatId);
    fields.put("OwnerId", alice);
    fields.put("ActivityDate", activityDate == null ? null : LocalDate.parse(activityDate));
    fields.put("SystemModstamp", Instant.parse(modstamp));
    fields.putIfAbsent("IsClosed", false);
    return org.add("Task", fields);
  }

  private List<Object> subjects(String where) throws SoqlException {
    return column("SELECT Subject FROM Task " + where, "Subject");
  }

  private List<Object> column(String soql, String field) throws SoqlException {
    return engine.execute(soql, false).rows().stream().map(row -> row.get(field)).toList();
  }

  private static void assertError(ThrowingCallable call, String code, String messagePart) {
    assertThatThrownBy(call)
        .isInstanceOf(SoqlException.class)
        .hasMessageContaining(messagePart)
        .extracting(e -> ((SoqlException) e).errorCode())
        .isEqualTo(code);
  }

  @Test
  void rowsFollowTheSelectListInCanonicalCasingWithTypedValues() throws SoqlException {
    SoqlResult result =
        engine.execute(
            "select subject, ACTIVITYDATE, systemmodstamp, isclosed, id from task where id = '"
                + callAcme
                + "'",
            false);
    assertThat(result.objectName()).isEqualTo("Task");
    assertThat(result.totalSize()).isEqualTo(1);
    assertThat(result.countQuery()).isFalse();
    Map<String, Object> row = result.rows().get(0);
    assertThat(row.keySet())
        .containsExactly("Subject", "ActivityDate", "SystemModstamp", "IsClosed", "Id");
    assertThat(row.values())
        .containsExactly(
            "Call Acme",
            LocalDate.parse("2025-06-18"),
            Instant.parse("2025-06-18T09:00:00Z"),
            true,
            callAcme);
    assertThat(row)
        .isInstanceOfSatisfying(
            SoqlRecord.class,
            record -> {
              assertThat(record.objectName()).isEqualTo("Task");
              assertThat(record.id()).isEqualTo(callAcme);
            });
  }

  @Test
  void theRecordIdIsKnownEvenWhenIdIsNotSelected() throws SoqlException {
    SoqlRecord row =
        (SoqlRecord)
            engine
                .execute("SELECT Subject FROM Task WHERE Subject = 'Call Acme'", false)
                .rows()
                .get(0);
    assertThat(row).containsOnlyKeys("Subject");
    assertThat(row.id()).isEqualTo(callAcme);
  }

  @Test
  void parentRelationshipsBecomeNestedRecordsOfTheConcreteParentType() throws SoqlException {
    Map<String, Object> row =
        engine
            .execute(
                "SELECT Id, what.name, What.Type, Owner.Name, WhatId FROM Task WHERE Id = '"
                    + callAcme
                    + "'",
                false)
            .rows()
            .get(0);
    assertThat(row.keySet()).containsExactly("Id", "What", "Owner", "WhatId");
    SoqlRecord what = (SoqlRecord) row.get("What");
    assertThat(what.objectName()).isEqualTo("Account");
    assertThat(what.id()).isEqualTo(acme);
    assertThat(what).containsExactly(Map.entry("Name", "Acme"), Map.entry("Type", "Account"));
    SoqlRecord owner = (SoqlRecord) row.get("Owner");
    assertThat(owner.objectName()).isEqualTo("User");
    assertThat(owner).containsExactly(Map.entry("Name", "Alice Admin"));
  }

  @Test
  void anEmptyReferenceGivesANullRelationship() throws SoqlException {
    Map<String, Object> row =
        engine
            .execute("SELECT What.Name, Subject FROM Task WHERE Subject = 'Plan offsite'", false)
            .rows()
            .get(0);
    assertThat(row).containsEntry("What", null).containsEntry("Subject", "Plan offsite");
  }

  @Test
  void twoLevelPathsShareOneNestedParent() throws SoqlException {
    List<Map<String, Object>> rows =
        engine
            .execute(
                "SELECT Name, Account.Name, Account.Owner.Name, Account.Industry FROM Contact"
                    + " ORDER BY Name",
                false)
            .rows();
    assertThat(rows.get(0)).containsEntry("Name", "Jo Smith");
    SoqlRecord account = (SoqlRecord) rows.get(0).get("Account");
    assertThat(account.keySet()).containsExactly("Name", "Owner", "Industry");
    assertThat(((SoqlRecord) account.get("Owner")).get("Name")).isEqualTo("Alice Admin");
    assertThat(rows.get(1)).containsEntry("Name", "No Account").containsEntry("Account", null);
  }

  @Test
  void relationshipFieldsFilterAndSort() throws SoqlException {
    assertThat(subjects("WHERE What.Name = 'acme' ORDER BY Subject"))
        .containsExactly("Call Acme", "No date");
    assertThat(column("SELECT Name FROM Contact WHERE Account.Owner.Name LIKE 'alice%'", "Name"))
        .containsExactly("Jo Smith");
    assertThat(subjects("WHERE What.Type = 'Account' ORDER BY What.Name DESC, Subject"))
        .containsExactly("Email Globex", "Call Acme", "No date");
  }

  @Test
  void aliasesQualifyFields() throws SoqlException {
    assertThat(column("SELECT t.Subject FROM Task t WHERE t.Subject = 'No date'", "Subject"))
        .containsExactly("No date");
  }

  @Test
  void countReturnsOnlyTheTotal() throws SoqlException {
    SoqlResult result = engine.execute("SELECT COUNT() FROM Task WHERE IsClosed = false", false);
    assertThat(result.countQuery()).isTrue();
    assertThat(result.totalSize()).isEqualTo(4);
    assertThat(result.rows()).isEmpty();
    assertThat(engine.execute("select count() from Task limit 2", false).totalSize()).isEqualTo(2);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "NumberOfEmployees = 10|Acme",
        "NumberOfEmployees != 10|Globex",
        "NumberOfEmployees < 250|Acme",
        "NumberOfEmployees <= 250|Acme,Globex",
        "NumberOfEmployees > 10|Globex",
        "NumberOfEmployees >= 10.0|Acme,Globex",
        "AnnualRevenue > 1000|Acme",
        "AnnualRevenue = null|Globex",
        "AnnualRevenue != null|Acme",
        "Industry != 'Technology'|Globex",
        "Industry = null|Globex",
        "Name <> 'ACME'|Globex",
        "Name > 'b'|Globex",
        "Name IN ('acme', 'Initech')|Acme",
        "Name NOT IN ('acme')|Globex",
        "Industry NOT IN ('Technology')|Globex",
        "Industry IN ('Technology', null)|Acme,Globex",
        "NOT Name = 'Acme'|Globex",
        "NOT (Name = 'Acme' OR Name = 'Globex')|",
        "(Name = 'Acme' OR Name = 'Globex') AND NumberOfEmployees > 100|Globex",
        "Name LIKE 'a%'|Acme",
        "Name LIKE '%OBE%'|Globex",
        "Name LIKE 'Acm_'|Acme",
        "Name LIKE 'Ac_'|",
        "LastActivityDate = 2025-06-17|Acme",
        "LastActivityDate < 2025-06-17|",
        "LastActivityDate >= 2025-06-17|Acme",
        "Owner.IsActive = true|Acme",
        "Owner.IsActive = false|Globex",
      })
  void comparisonsFollowSoqlSemantics(String where, String expected) throws SoqlException {
    List<Object> names =
        column("SELECT Name FROM Account WHERE " + where + " ORDER BY Name", "Name");
    assertThat(names)
        .containsExactlyElementsOf(
            expected == null ? List.of() : List.of((Object[]) expected.split(",")));
  }

  @Test
  void onACheckboxNullMeansFalse() throws SoqlException {
    assertThat(subjects("WHERE IsClosed = null ORDER BY Subject"))
        .containsExactly("Email Globex", "No date", "Plan offsite", "Ship 100% o_k");
    assertThat(subjects("WHERE IsClosed != null")).containsExactly("Call Acme");
  }

  @Test
  void aConditionOnAMissingParentSeesNull() throws SoqlException {
    assertThat(column("SELECT Name FROM Contact WHERE Account.Name = null", "Name"))
        .containsExactly("No Account");
    assertThat(column("SELECT Name FROM Contact WHERE Account.Name != 'Acme'", "Name"))
        .containsExactly("No Account");
  }

  @Test
  void likeHonoursEscapedWildcardsAndIsCaseInsensitive() throws SoqlException {
    assertThat(subjects("WHERE Subject LIKE 'ship 100\\% O\\_K'")).containsExactly("Ship 100% o_k");
    assertThat(subjects("WHERE Subject LIKE '%100\\%%'")).containsExactly("Ship 100% o_k");
    assertThat(subjects("WHERE Subject LIKE 'Ship 1000%'")).isEmpty();
    assertThat(subjects("WHERE Subject LIKE 'Call%' OR Subject LIKE 'email%' ORDER BY Subject"))
        .containsExactly("Call Acme", "Email Globex");
  }

  @Test
  @Timeout(10)
  void aPathologicalLikePatternStillAnswers() throws SoqlException {
    org.add("Task", Map.of("Subject", "a".repeat(255)));
    assertThat(subjects("WHERE Subject LIKE '" + "%a".repeat(20) + "%b'")).isEmpty();
    assertThat(subjects("WHERE Subject LIKE '" + "%A".repeat(20) + "%'")).hasSize(1);
  }

  @Test
  void stringLiteralsWithEscapesMatchExactly() throws SoqlException {
    assertThat(
            column(
                "SELECT Subject FROM Task WHERE Description = 'IT\\'S \\\"quoted\\\"\\nsecond line'",
                "Subject"))
        .containsExactly("Ship 100% o_k");
  }

  @Test
  void aHostileNameEscapedAsSalesforceRequiresCannotWidenTheQuery() throws SoqlException {
    String hostile = "x' OR Name != '";
    org.add("Account", Map.of("Name", hostile));
    String escaped = hostile.replace("\\", "\\\\").replace("'", "\\'");
    assertThat(column("SELECT Name FROM Account WHERE Name = '" + escaped + "'", "Name"))
        .containsExactly(hostile);
    String backslashes = "a\\' OR Name LIKE '%";
    String escapedBackslashes = backslashes.replace("\\", "\\\\").replace("'", "\\'");
    assertThat(column("SELECT Name FROM Account WHERE Name = '" + escapedBackslashes + "'", "Name"))
        .isEmpty();
  }

  @Test
  void anUnescapedHostileNameIsRejectedRatherThanRun() {
    assertError(
        () -> engine.execute("SELECT Name FROM Account WHERE Name = 'x' OR Name != '' OR", false),
        "MALFORMED_QUERY",
        "unexpected token: <EOF>");
  }

  @Test
  void idsMatchInTheir15And18CharacterForms() throws SoqlException {
    String fifteen = acme.substring(0, 15);
    assertThat(column("SELECT Id FROM Account WHERE Id = '" + fifteen + "'", "Id"))
        .containsExactly(acme);
    assertThat(subjects("WHERE WhatId IN ('" + fifteen + "') ORDER BY Subject"))
        .containsExactly("Call Acme", "No date");
    // The first 15 characters are case-sensitive: 00t… is not 00T….
    assertThat(column("SELECT Id FROM Task WHERE Id = '" + callAcme.toLowerCase() + "'", "Id"))
        .isEmpty();
    assertThat(subjects("WHERE WhatId = null ORDER BY Subject"))
        .containsExactly("Plan offsite", "Ship 100% o_k");
  }

  @Test
  void orderByDefaultsToNullsFirstAscendingAndNullsLastDescending() throws SoqlException {
    assertThat(subjects("ORDER BY ActivityDate"))
        .containsExactly("No date", "Plan offsite", "Email Globex", "Call Acme", "Ship 100% o_k");
    assertThat(subjects("ORDER BY ActivityDate DESC"))
        .containsExactly("Ship 100% o_k", "Call Acme", "Email Globex", "Plan offsite", "No date");
    assertThat(subjects("ORDER BY ActivityDate ASC NULLS LAST").get(4)).isEqualTo("No date");
    assertThat(subjects("ORDER BY ActivityDate DESC NULLS FIRST").get(0)).isEqualTo("No date");
  }

  @Test
  void orderBySeveralKeysAndTextIgnoringCase() throws SoqlException {
    org.add("Account", Map.of("Name", "acme", "NumberOfEmployees", 5));
    org.add("Account", Map.of("Name", "BETA", "NumberOfEmployees", 5));
    assertThat(column("SELECT Name FROM Account ORDER BY NumberOfEmployees, Name DESC", "Name"))
        .containsExactly("BETA", "acme", "Acme", "Globex");
    assertThat(column("SELECT Name FROM Account ORDER BY Name", "Name"))
        .containsExactly("Acme", "acme", "BETA", "Globex");
  }

  @Test
  void openedResultsBuildTheSameRowsAsExecuteOnePageAtATime() throws SoqlException {
    String soql =
        "SELECT Subject, What.Name, What.Type, Owner.Name FROM Task ORDER BY Subject DESC OFFSET 1";
    SoqlResult all = engine.execute(soql, false);
    SoqlPages pages = engine.open(soql, false);
    assertThat(pages.totalSize()).isEqualTo(all.totalSize()).isEqualTo(pages.size()).isEqualTo(4);
    assertThat(pages.objectName()).isEqualTo("Task");
    assertThat(pages.countQuery()).isFalse();
    List<Map<String, Object>> joined = new ArrayList<>(pages.rows(0, 2));
    joined.addAll(pages.rows(2, 4));
    assertThat(joined).isEqualTo(all.rows());
    assertThat(pages.rows(1, 1)).isEmpty();
    SoqlPages count = engine.open("SELECT COUNT() FROM Task", false);
    assertThat(count.countQuery()).isTrue();
    assertThat(count.totalSize()).isEqualTo(5);
    assertThat(count.size()).isZero();
  }

  @Test
  void limitAndOffsetPageTheSortedResult() throws SoqlException {
    assertThat(subjects("ORDER BY Subject LIMIT 2")).containsExactly("Call Acme", "Email Globex");
    assertThat(subjects("ORDER BY Subject LIMIT 2 OFFSET 2"))
        .containsExactly("No date", "Plan offsite");
    SoqlResult tail = engine.execute("SELECT Id FROM Task ORDER BY Subject OFFSET 4", false);
    assertThat(tail.totalSize()).isEqualTo(1);
    assertThat(engine.execute("SELECT Id FROM Task OFFSET 2000", false).rows()).isEmpty();
    assertThat(engine.execute("SELECT Id FROM Task LIMIT 0", false).totalSize()).isZero();
  }

  @Test
  void anOffsetAbove2000IsOutsideTheValidRange() {
    assertError(
        () -> engine.execute("SELECT Id FROM Task OFFSET 2001", false),
        "NUMBER_OUTSIDE_VALID_RANGE",
        "Maximum SOQL offset allowed is 2000");
  }

  @Test
  void queryHidesDeletedRecordsAndQueryAllKeepsThem() throws SoqlException {
    org.delete(callAcme);
    assertThat(subjects("WHERE Subject = 'Call Acme'")).isEmpty();
    SoqlResult all =
        engine.execute("SELECT Subject, IsDeleted FROM Task WHERE IsDeleted = true", true);
    assertThat(all.rows())
        .singleElement()
        .satisfies(
            row -> {
              assertThat(row)
                  .containsEntry("Subject", "Call Acme")
                  .containsEntry("IsDeleted", true);
            });
    assertThat(engine.execute("SELECT COUNT() FROM Task", true).totalSize()).isEqualTo(5);
    assertThat(engine.execute("SELECT COUNT() FROM Task", false).totalSize()).isEqualTo(4);
    assertThat(engine.execute("SELECT Id FROM Task WHERE Id = '" + callAcme + "'", false).rows())
        .isEmpty();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "ActivityDate = TODAY|Call Acme",
        "ActivityDate = YESTERDAY|Email Globex",
        "ActivityDate = TOMORROW|",
        "ActivityDate < TODAY|Email Globex,Plan offsite",
        "ActivityDate <= TODAY|Call Acme,Email Globex,Plan offsite",
        "ActivityDate > TODAY|Ship 100% o_k",
        "ActivityDate >= YESTERDAY|Call Acme,Email Globex,Ship 100% o_k",
        "ActivityDate = THIS_WEEK|Call Acme,Email Globex",
        "ActivityDate = LAST_WEEK|Plan offsite",
        "ActivityDate = NEXT_WEEK|",
        "ActivityDate = THIS_MONTH|Call Acme,Email Globex,Plan offsite",
        "ActivityDate = NEXT_MONTH|Ship 100% o_k",
        "ActivityDate = LAST_MONTH|",
        "ActivityDate = LAST_N_DAYS:1|Call Acme,Email Globex",
        "ActivityDate = LAST_N_DAYS:8|Call Acme,Email Globex,Plan offsite",
        "ActivityDate = NEXT_N_DAYS:13|Ship 100% o_k",
        "ActivityDate = NEXT_N_DAYS:12|",
        "ActivityDate = LAST_90_DAYS|Call Acme,Email Globex,Plan offsite",
        "ActivityDate = NEXT_90_DAYS|Ship 100% o_k",
        "ActivityDate = THIS_YEAR|Call Acme,Email Globex,Plan offsite,Ship 100% o_k",
        "ActivityDate = LAST_YEAR|",
        "ActivityDate IN (YESTERDAY, TOMORROW, 2025-07-01)|Email Globex,Ship 100% o_k",
        "ActivityDate != TODAY|Email Globex,No date,Plan offsite,Ship 100% o_k",
        "SystemModstamp = TODAY|Call Acme",
        "SystemModstamp = YESTERDAY|Email Globex",
        "SystemModstamp = LAST_N_DAYS:30|Call Acme,Email Globex,Plan offsite",
        "SystemModstamp = LAST_YEAR|Ship 100% o_k",
        "SystemModstamp < THIS_YEAR|Ship 100% o_k",
        "SystemModstamp = LAST_MONTH|No date",
      })
  void relativeDateLiteralsAreDayRangesInUtc(String where, String expected) throws SoqlException {
    assertThat(subjects("WHERE " + where + " ORDER BY Subject"))
        .containsExactlyElementsOf(
            expected == null ? List.of() : List.of((Object[]) expected.split(",")));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "SystemModstamp >= 2025-06-17T23:59:59Z|Call Acme,Email Globex",
        "SystemModstamp > 2025-06-17T23:59:59.000Z|Call Acme",
        "SystemModstamp >= 2025-06-17T23:59:59+00:00|Call Acme,Email Globex",
        "SystemModstamp >= 2025-06-17T23:59:59.000+0000|Call Acme,Email Globex",
        "SystemModstamp >= 2025-06-18T01:59:59.000+02:00|Call Acme,Email Globex",
        "SystemModstamp = 2025-05-01T12:00:00.123Z|No date",
        "SystemModstamp = 2025-05-01T12:00:00Z|",
        "SystemModstamp < 2025-01-01T00:00:00Z|Ship 100% o_k",
      })
  void datetimeLiteralsInEveryClientFormCompareAsInstants(String where, String expected)
      throws SoqlException {
    assertThat(subjects("WHERE " + where + " ORDER BY Subject"))
        .containsExactlyElementsOf(
            expected == null ? List.of() : List.of((Object[]) expected.split(",")));
  }

  @Test
  void anUnknownColumnIsAnInvalidFieldWithSalesforcesMessage() {
    assertThatThrownBy(() -> engine.execute("SELECT Id, Foo FROM Task", false))
        .isInstanceOf(SoqlException.class)
        .hasMessage(
            "\nSELECT Id, Foo FROM Task\n           ^\nERROR at Row:1:Column:12\n"
                + "No such column 'Foo' on entity 'Task'. If you are attempting to use a custom"
                + " field, be sure to append the '__c' after the custom field name. Please"
                + " reference your WSDL or the describe call for the appropriate names.");
  }

  @Test
  void anUnknownObjectIsAnInvalidType() {
    assertError(
        () -> engine.execute("SELECT Id FROM Foo", false),
        "INVALID_TYPE",
        "\nSELECT Id FROM Foo\n               ^\nERROR at Row:1:Column:16\n"
            + "sObject type 'Foo' is not supported. If you are attempting to use a custom object,"
            + " be sure to append the '__c' after the entity name.");
  }

  @Test
  void unknownFieldsAnywhereInTheQueryAreInvalidFields() {
    assertError(
        () -> engine.execute("SELECT Id FROM Task WHERE Bogus__c = 'x'", false),
        "INVALID_FIELD",
        "No such column 'Bogus__c' on entity 'Task'");
    assertError(
        () -> engine.execute("SELECT Id FROM Task ORDER BY Bogus", false),
        "INVALID_FIELD",
        "No such column 'Bogus' on entity 'Task'");
    assertError(
        () -> engine.execute("SELECT Acount.Name FROM Contact", false),
        "INVALID_FIELD",
        "Didn't understand relationship 'Acount' in field path");
    assertError(
        () -> engine.execute("SELECT What.Industry FROM Task", false),
        "INVALID_FIELD",
        "No such column 'Industry' on entity 'Name'");
    assertError(
        () -> engine.execute("SELECT What.Owner.Name FROM Task", false),
        "INVALID_FIELD",
        "Didn't understand relationship 'Owner'");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Subject = 5|must be of type string and should be enclosed in quotes",
        "IsClosed = 'true'|must be of type boolean and should not be enclosed in quotes",
        "CallDurationInSeconds = '5'|must be of type int and should not be enclosed in quotes",
        "ActivityDate = 2025-01-01T00:00:00Z|must be of type date and should not be enclosed",
        "ActivityDate = '2025-01-01'|must be of type date",
        "SystemModstamp > 2025-01-01|must be of type dateTime and should not be enclosed",
        "SystemModstamp > '2025-01-01T00:00:00Z'|must be of type dateTime",
        "ActivityDate LIKE '2025%'|LIKE is valid only on text fields",
        "Subject LIKE 5|must be of type string",
        "IsClosed > false|invalid operator",
        "Subject IN ('a', 5)|must be of type string",
      })
  void literalsOfTheWrongTypeAreInvalidFields(String where, String message) {
    assertError(
        () -> engine.execute("SELECT Id FROM Task WHERE " + where, false),
        "INVALID_FIELD",
        message);
  }

  @Test
  void aMalformedIdLiteralIsRejected() {
    assertError(
        () -> engine.execute("SELECT Id FROM Task WHERE WhatId = '001abc'", false),
        "INVALID_QUERY_FILTER_OPERATOR",
        "invalid ID field: 001abc");
  }

  @Test
  void selectingAFieldTwiceOrMixingCountWithFieldsIsMalformed() {
    assertError(
        () -> engine.execute("SELECT Id, ID FROM Task", false),
        "MALFORMED_QUERY",
        "duplicate field selected: Id");
    assertError(
        () -> engine.execute("SELECT COUNT(), Subject FROM Task", false),
        "MALFORMED_QUERY",
        "Field must be grouped or aggregated: Subject");
    assertError(
        () -> engine.execute("SELECT COUNT() FROM Task ORDER BY Subject", false),
        "MALFORMED_QUERY",
        "Ordered field must be grouped or aggregated: Subject");
  }

  @Test
  void equalityOnAnIndexedFieldUsesTheIndexInsteadOfAScan() throws SoqlException {
    assertThat(
            column(
                "SELECT Subject FROM Task WHERE Vault_Key__c IN ('VK-1', 'vk-4') AND IsClosed ="
                    + " true",
                "Subject"))
        .containsExactly("Call Acme");
    assertThat(org.scans).hasValue(0);
    assertThat(org.lookups).containsExactly("Task.Vault_Key__c=[VK-1, vk-4]");
  }

  @Test
  void theIdIndexIsPreferredAndFifteenCharacterIdsAreWidened() throws SoqlException {
    assertThat(subjects("WHERE Vault_Key__c = 'vk-1' AND Id = '" + callAcme.substring(0, 15) + "'"))
        .containsExactly("Call Acme");
    assertThat(org.lookups).containsExactly("Task.Id=[" + callAcme + "]");
  }

  @Test
  void aConditionOnAnUnindexedFieldFallsBackToAScan() throws SoqlException {
    assertThat(subjects("WHERE Subject = 'No date'")).containsExactly("No date");
    assertThat(org.scans).hasValue(1);
    assertThat(subjects("WHERE Vault_Key__c = 'vk-1' OR Subject = 'No date' ORDER BY Subject"))
        .containsExactly("Call Acme", "No date");
    assertThat(org.scans).hasValue(2);
  }

  @Test
  void polymorphicWhoNamesItsConcreteTypeAndAMissingParentIsNull() throws SoqlException {
    String contact =
        (String)
            engine
                .execute("SELECT Id FROM Contact WHERE LastName = 'Smith'", false)
                .rows()
                .get(0)
                .get("Id");
    org.add(
        "Task", Map.of("Subject", "Who test", "WhoId", contact, "WhatId", "006000000000001AAA"));
    Map<String, Object> row =
        engine
            .execute(
                "SELECT Who.Name, Who.Type, What.Name FROM Task WHERE Subject = 'Who test'", false)
            .rows()
            .get(0);
    SoqlRecord who = (SoqlRecord) row.get("Who");
    assertThat(who.objectName()).isEqualTo("Contact");
    assertThat(who).containsExactly(Map.entry("Name", "Jo Smith"), Map.entry("Type", "Contact"));
    assertThat(row).containsEntry("What", null);
  }

  @Test
  void eventsFilterOnDatetimeRangesAndIntegers() throws SoqlException {
    org.add(
        "Event",
        Map.of(
            "Subject",
            "Kickoff",
            "StartDateTime",
            Instant.parse("2025-06-16T08:00:00Z"),
            "DurationInMinutes",
            30,
            "Vault_Key__c",
            "ev-1"));
    org.add(
        "Event",
        Map.of(
            "Subject",
            "Review",
            "StartDateTime",
            Instant.parse("2025-06-19T00:00:00Z"),
            "DurationInMinutes",
            90));
    assertThat(
            column(
                "SELECT Subject FROM Event WHERE StartDateTime = LAST_N_DAYS:7 AND"
                    + " DurationInMinutes < 60",
                "Subject"))
        .containsExactly("Kickoff");
    assertThat(column("SELECT Subject FROM Event WHERE StartDateTime = TOMORROW", "Subject"))
        .containsExactly("Review");
    assertThat(column("SELECT Subject FROM Event WHERE StartDateTime = NEXT_N_DAYS:1", "Subject"))
        .containsExactly("Review");
  }

  @Test
  void fieldsFunctionsAreRejectedNotIgnored() {
    assertError(
        () -> engine.execute("SELECT FIELDS(ALL) FROM Task LIMIT 200", false),
        "MALFORMED_QUERY",
        "FIELDS() are not supported");
  }

  @Test
  void aRecordBreakingTheSourceContractGivesSalesforcesInternalErrorNotARuntimeException() {
    org.add("Task", Map.of("Subject", "Broken", "ActivityDate", "2025-06-18"));
    assertError(
        () -> engine.execute("SELECT Id FROM Task WHERE ActivityDate > 2025-01-01", false),
        "UNKNOWN_EXCEPTION",
        "ClassCastException");
  }
}
