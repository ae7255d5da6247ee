package com.vaultcrmsync.emulator;

import static com.vaultcrmsync.emulator.EmulatorHttp.V;
import static com.vaultcrmsync.emulator.EmulatorHttp.q;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Proves query, queryAll and queryMore page results exactly as Salesforce does. */
class QueryEndpointTest extends EmulatorFixture {

  private String account;

  @BeforeEach
  void start() throws Exception {
    account = emulator.insertAs("Integration User", "Account", Map.of("Name", "Acme"));
  }

  private void tasks(int n) {
    for (int i = 0; i < n; i++) {
      emulator.insertAs(
          "Dana Lee",
          "Task",
          Map.of("Subject", "T" + i, "WhatId", account, "Vault_Key__c", "k" + i));
    }
  }

  @Test
  void queryReturnsRecordsWithAttributesAndParentRelationships() {
    tasks(1);
    EmulatorHttp.Reply r =
        http.get(
            V
                + "/query/?q="
                + q("SELECT Id, Subject, What.Name, Owner.Name, CreatedDate FROM Task"));
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.header("Sforce-Limit-Info")).matches("api-usage=\\d+/15000");
    assertThat(r.json().get("totalSize").asInt()).isEqualTo(1);
    assertThat(r.json().get("done").asBoolean()).isTrue();
    assertThat(r.json().has("nextRecordsUrl")).isFalse();
    var rec = r.json().get("records").get(0);
    assertThat(rec.fieldNames())
        .toIterable()
        .containsExactly("attributes", "Id", "Subject", "What", "Owner", "CreatedDate");
    assertThat(rec.get("attributes").get("type").asText()).isEqualTo("Task");
    assertThat(rec.get("What").toString())
        .isEqualTo(
            "{\"attributes\":{\"type\":\"Account\",\"url\":\"/services/data/v56.0/sobjects/Account/"
                + account
                + "\"},\"Name\":\"Acme\"}");
    assertThat(rec.get("Owner").get("Name").asText()).isEqualTo("Dana Lee");
    assertThat(rec.get("CreatedDate").asText())
        .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}\\+0000");
  }

  @Test
  void polymorphicWhatGivesTheParentsTypeAndName() {
    tasks(1);
    EmulatorHttp.Reply r =
        http.get(V + "/query?q=" + q("SELECT What.Type, What.Name, What.Id FROM Task"));
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().get("records").get(0).get("What").toString())
        .isEqualTo(
            "{\"attributes\":{\"type\":\"Account\",\"url\":\"/services/data/v56.0/sobjects/Account/"
                + account
                + "\"},\"Type\":\"Account\",\"Name\":\"Acme\",\"Id\":\""
                + account
                + "\"}");
  }

  @Test
  void polymorphicWhatRefusesFieldsOutsideTheNameEntityAsSalesforceDoes() {
    EmulatorHttp.Reply r = http.get(V + "/query?q=" + q("SELECT What.Industry FROM Task"));
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().get(0).get("errorCode").asText()).isEqualTo("INVALID_FIELD");
    assertThat(r.json().get(0).get("message").asText())
        .contains("No such column 'Industry' on entity 'Name'");
  }

  @Test
  void laterPagesShowTheRecordsAsTheyWereWhenTheQueryRan() {
    tasks(450);
    String soql = q("SELECT Id, Subject, What.Name FROM Task ORDER BY Vault_Key__c DESC");
    EmulatorHttp.Reply first =
        http.get(V + "/query?q=" + soql, "Sforce-Query-Options", "batchSize=200");
    String last =
        emulator.org().store().scan("Task").findFirst().orElseThrow().get("Id").toString();
    assertThat(
            http.call("PATCH", V + "/sobjects/Task/" + last, "{\"Subject\":\"changed\"}").status())
        .isEqualTo(204);
    http.call("DELETE", V + "/sobjects/Task/" + last, null);
    String next = first.json().get("nextRecordsUrl").asText();
    EmulatorHttp.Reply second = http.get(next);
    EmulatorHttp.Reply third = http.get(second.json().get("nextRecordsUrl").asText());
    var tail = third.json().get("records");
    assertThat(third.json().get("totalSize").asInt()).isEqualTo(450);
    assertThat(tail.size()).isEqualTo(50);
    assertThat(tail.get(49).get("Id").asText()).isEqualTo(last);
    assertThat(tail.get(49).get("Subject").asText()).isEqualTo("T0");
    assertThat(tail.get(49).get("What").get("Name").asText()).isEqualTo("Acme");
    assertThat(http.get(V + "/query?q=" + soql).json().get("totalSize").asInt()).isEqualTo(449);
  }

  @Test
  void plusEncodedSpacesAndCountQueriesWork() {
    tasks(3);
    EmulatorHttp.Reply r = http.get(V + "/query?q=SELECT+COUNT()+FROM+Task");
    assertThat(r.body()).isEqualTo("{\"totalSize\":3,\"done\":true,\"records\":[]}");
  }

  @Test
  void queryMorePagesThroughEveryRecordWithTheRequestedBatchSize() {
    tasks(450);
    EmulatorHttp.Reply first =
        http.get(
            V + "/query?q=" + q("SELECT Id FROM Task ORDER BY Id"),
            "Sforce-Query-Options",
            "batchSize=200");
    assertThat(first.json().get("totalSize").asInt()).isEqualTo(450);
    assertThat(first.json().get("done").asBoolean()).isFalse();
    assertThat(first.json().get("records").size()).isEqualTo(200);
    String next = first.json().get("nextRecordsUrl").asText();
    assertThat(next).matches("/services/data/v56\\.0/query/01g[0-9A-Za-z]{15}-200");
    Set<String> ids = new HashSet<>();
    first.json().get("records").forEach(n -> ids.add(n.get("Id").asText()));
    while (next != null) {
      EmulatorHttp.Reply page = http.get(next);
      assertThat(page.status()).isEqualTo(200);
      assertThat(page.json().get("totalSize").asInt()).isEqualTo(450);
      page.json().get("records").forEach(n -> ids.add(n.get("Id").asText()));
      next = page.json().has("nextRecordsUrl") ? page.json().get("nextRecordsUrl").asText() : null;
    }
    assertThat(ids).hasSize(450);
    assertThat(emulator.stats().calls("queryMore")).isEqualTo(2);
  }

  @Test
  void batchSizeIsClampedBetween200And2000() {
    tasks(250);
    EmulatorHttp.Reply small =
        http.get(V + "/query?q=" + q("SELECT Id FROM Task"), "Sforce-Query-Options", "batchSize=5");
    assertThat(small.json().get("records").size()).isEqualTo(200);
    EmulatorHttp.Reply big = http.get(V + "/query?q=" + q("SELECT Id FROM Task"));
    assertThat(big.json().get("records").size()).isEqualTo(250);
  }

  @Test
  void queryAllSeesDeletedRecordsAndQueryDoesNot() {
    tasks(2);
    String id = emulator.org().store().scan("Task").findFirst().orElseThrow().get("Id").toString();
    http.call("DELETE", V + "/sobjects/Task/" + id, null);
    String soql = q("SELECT Id, IsDeleted FROM Task WHERE Id = '" + id + "'");
    assertThat(http.get(V + "/query?q=" + soql).json().get("totalSize").asInt()).isZero();
    EmulatorHttp.Reply all = http.get(V + "/queryAll?q=" + soql);
    assertThat(all.json().get("totalSize").asInt()).isEqualTo(1);
    assertThat(all.json().get("records").get(0).get("IsDeleted").asBoolean()).isTrue();
  }

  @Test
  void badQueriesAndLocatorsGetSalesforceErrors() {
    EmulatorHttp.Reply unknownField = http.get(V + "/query?q=" + q("SELECT Bogus__c FROM Task"));
    assertThat(unknownField.status()).isEqualTo(400);
    assertThat(unknownField.json().get(0).get("errorCode").asText()).isEqualTo("INVALID_FIELD");
    EmulatorHttp.Reply unknownType = http.get(V + "/query?q=" + q("SELECT Id FROM Widget"));
    assertThat(unknownType.json().get(0).get("errorCode").asText()).isEqualTo("INVALID_TYPE");
    EmulatorHttp.Reply syntax = http.get(V + "/query?q=" + q("SELECT Id FRM Task"));
    assertThat(syntax.json().get(0).get("errorCode").asText()).isEqualTo("MALFORMED_QUERY");
    EmulatorHttp.Reply empty = http.get(V + "/query?q=");
    assertThat(empty.json().get(0).get("errorCode").asText()).isEqualTo("MALFORMED_QUERY");
    EmulatorHttp.Reply locator = http.get(V + "/query/01g5e0000000999AAA-2000");
    assertThat(locator.status()).isEqualTo(400);
    assertThat(locator.json().get(0).get("errorCode").asText()).isEqualTo("INVALID_QUERY_LOCATOR");
  }
}
