package com.vaultcrmsync.emulator;

import static com.vaultcrmsync.emulator.EmulatorHttp.V;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Proves discovery resources, limits accounting, fault injection and the test controls. */
class DiscoveryAndControlsTest extends EmulatorFixture {

  @Test
  void versionsNeedNoAuthAreNotCountedAndCarryNoLimitHeader() {
    EmulatorHttp anonymous = new EmulatorHttp(emulator.baseUrl());
    EmulatorHttp.Reply r = anonymous.get("/services/data");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.header("Sforce-Limit-Info")).isNull();
    assertThat(r.json().get(0).toString())
        .isEqualTo(
            "{\"label\":\"Summer '14\",\"url\":\"/services/data/v31.0\",\"version\":\"31.0\"}");
    assertThat(anonymous.get("/services/data/").json().size()).isEqualTo(34);
    assertThat(emulator.stats().total()).isZero();
  }

  @Test
  void resourcesAreAFlatMapOfStrings() {
    JsonNode r = http.get(V).json();
    assertThat(r.get("query").asText()).isEqualTo("/services/data/v56.0/query");
    assertThat(r.get("sobjects").asText()).isEqualTo("/services/data/v56.0/sobjects");
    r.elements().forEachRemaining(v -> assertThat(v.isTextual()).isTrue());
  }

  @Test
  void describeListsStandardAndCustomFieldsWithTheirProperties() {
    JsonNode global = http.get(V + "/sobjects/").json();
    assertThat(global.get("maxBatchSize").asInt()).isEqualTo(200);
    List<String> names = new ArrayList<>();
    global.get("sobjects").forEach(o -> names.add(o.get("name").asText()));
    assertThat(names).containsExactly("Account", "Contact", "Event", "Task", "User");

    JsonNode task = http.get(V + "/sobjects/task/describe/").json();
    assertThat(task.get("keyPrefix").asText()).isEqualTo("00T");
    JsonNode key = field(task, "Vault_Key__c");
    assertThat(key.get("type").asText()).isEqualTo("string");
    assertThat(key.get("externalId").asBoolean()).isTrue();
    assertThat(key.get("unique").asBoolean()).isTrue();
    assertThat(key.get("custom").asBoolean()).isTrue();
    assertThat(key.get("length").asInt()).isEqualTo(255);
    JsonNode what = field(task, "WhatId");
    assertThat(what.get("referenceTo"))
        .extracting(JsonNode::asText)
        .startsWith("Account")
        .contains("Opportunity", "Case", "Contract", "Campaign")
        .isSorted();
    assertThat(what.get("relationshipName").asText()).isEqualTo("What");
    assertThat(what.get("polymorphicForeignKey").asBoolean()).isTrue();
    JsonNode event = http.get(V + "/sobjects/Event/describe").json();
    assertThat(field(event, "WhatId").get("referenceTo")).isEqualTo(what.get("referenceTo"));
    JsonNode closed = field(task, "IsClosed");
    assertThat(closed.get("createable").asBoolean()).isFalse();
    assertThat(closed.get("updateable").asBoolean()).isFalse();
    JsonNode account = http.get(V + "/sobjects/Account/describe").json();
    assertThat(field(account, "Vault_Note__c").get("type").asText()).isEqualTo("string");
    assertThat(field(account, "LastActivityDate").get("soapType").asText()).isEqualTo("xsd:date");
    assertThat(field(account, "Name").get("nillable").asBoolean()).isFalse();
    JsonNode basic = http.get(V + "/sobjects/Account").json();
    assertThat(basic.get("objectDescribe").get("name").asText()).isEqualTo("Account");
    assertThat(basic.get("recentItems").isArray()).isTrue();
  }

  @Test
  void limitsAgreeWithTheLimitInfoHeader() {
    http.get(V);
    EmulatorHttp.Reply limits = http.get(V + "/limits/");
    assertThat(limits.header("Sforce-Limit-Info")).isEqualTo("api-usage=2/15000");
    assertThat(limits.json().get("DailyApiRequests").toString())
        .isEqualTo("{\"Max\":15000,\"Remaining\":14998}");
  }

  @Test
  void dailyLimitExhaustionAnswers403RequestLimitExceeded() {
    http.call("POST", "/__emulator/faults", "{\"dailyLimit\":2}");
    assertThat(http.get(V + "/limits").status()).isEqualTo(200);
    assertThat(http.get(V + "/limits").status()).isEqualTo(200);
    EmulatorHttp.Reply refused = http.get(V + "/limits");
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.body())
        .isEqualTo(
            "[{\"message\":\"TotalRequests Limit exceeded.\",\"errorCode\":\"REQUEST_LIMIT_EXCEEDED\"}]");
    assertThat(refused.header("Sforce-Limit-Info")).isEqualTo("api-usage=2/2");
    http.call("DELETE", "/__emulator/faults", null);
    assertThat(http.get(V + "/limits").status()).isEqualTo(200);
  }

  @Test
  void failEveryAndExpireSessionsEveryInjectFaults() {
    http.call("POST", "/__emulator/faults", "{\"failEvery\":{\"status\":503,\"every\":3}}");
    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      statuses.add(http.get(V + "/limits").status());
    }
    assertThat(statuses).containsExactly(200, 200, 503, 200, 200, 503);

    http.call("POST", "/__emulator/faults", "{\"expireSessionsEvery\":2}");
    assertThat(http.get(V + "/limits").status()).isEqualTo(200);
    assertThat(http.get(V + "/limits").status()).isEqualTo(401);
    http.login();
    assertThat(http.get(V + "/limits").status()).isEqualTo(200);

    EmulatorHttp.Reply unknown = http.call("POST", "/__emulator/faults", "{\"bogus\":1}");
    assertThat(unknown.status()).isEqualTo(400);
  }

  @Test
  void lockRowEveryFailsRecordWritesWithUnableToLockRow() {
    http.call("POST", "/__emulator/faults", "{\"lockRowEvery\":2}");
    JsonNode r =
        http.call(
                "POST",
                V + "/composite/sobjects",
                "{\"records\":[{\"attributes\":{\"type\":\"Account\"},\"Name\":\"A\"},"
                    + "{\"attributes\":{\"type\":\"Account\"},\"Name\":\"B\"}]}")
            .json();
    assertThat(r.get(0).get("success").asBoolean()).isTrue();
    assertThat(r.get(1).get("errors").get(0).get("statusCode").asText())
        .isEqualTo("UNABLE_TO_LOCK_ROW");
  }

  @Test
  void statsCountCallsByOperationAndResetClearsEverything() {
    http.get(V + "/limits");
    http.call("POST", V + "/sobjects/Account", "{\"Name\":\"A\"}");
    JsonNode stats = http.get("/__emulator/stats").json();
    assertThat(stats.get("total").asInt()).isEqualTo(2);
    assertThat(stats.get("byOperation").toString()).isEqualTo("{\"create\":1,\"limits\":1}");
    assertThat(stats.get("records").get("Account").asInt()).isEqualTo(1);
    assertThat(http.call("POST", "/__emulator/reset", null).status()).isEqualTo(200);
    assertThat(emulator.stats().total()).isZero();
    assertThat(emulator.org().store().count("Account")).isZero();
    assertThat(emulator.org().store().count("User")).isEqualTo(2);
    assertThat(http.get(V + "/limits").status()).isEqualTo(200);
  }

  @Test
  void controlRecordsEndpointCreatesRecordsAsAColleague() {
    EmulatorHttp.Reply r =
        http.call(
            "POST", "/__emulator/records/Account", "{\"as\":\"Dana Lee\",\"Name\":\"Partner\"}");
    assertThat(r.status()).isEqualTo(201);
    String id = r.json().get("id").asText();
    assertThat(emulator.record(id).orElseThrow().get("CreatedById"))
        .isEqualTo(emulator.colleagueUserId());
    assertThat(emulator.stats().total()).isZero();
  }

  @Test
  void unknownPathsAndMethodsGetSalesforceShapes() {
    EmulatorHttp.Reply unknown = http.get(V + "/nothing/here");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.header("Content-Type")).isEqualTo("application/json;charset=UTF-8");
    assertThat(unknown.json().get(0).get("errorCode").asText()).isEqualTo("NOT_FOUND");
    EmulatorHttp.Reply method = http.call("PUT", V + "/sobjects/Account/001000000000000AAA", "{}");
    assertThat(method.status()).isEqualTo(405);
    assertThat(method.json().get(0).get("errorCode").asText()).isEqualTo("METHOD_NOT_ALLOWED");
    assertThat(http.get("/services/data/v99.0/limits").status()).isEqualTo(404);
  }

  private static JsonNode field(JsonNode describe, String name) {
    for (JsonNode f : describe.get("fields")) {
      if (f.get("name").asText().equals(name)) {
        return f;
      }
    }
    throw new AssertionError("no field " + name);
  }
}
