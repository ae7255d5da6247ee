package com.vaultcrmsync.emulator;

import static com.vaultcrmsync.emulator.EmulatorHttp.V;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Proves sObject Collections create, update, upsert, delete, retrieve and allOrNone semantics. */
class CollectionsEndpointTest extends EmulatorFixture {

  private static final String ROLLED_BACK =
      "{\"statusCode\":\"ALL_OR_NONE_OPERATION_ROLLED_BACK\",\"message\":\"Record rolled back because"
          + " not all records were valid and the request was using AllOrNone header\",\"fields\":[]}";

  @Test
  void createWithPartialFailureKeepsGoodRecordsAndFailedItemHasNoId() {
    JsonNode r =
        http.call(
                "POST",
                V + "/composite/sobjects",
                "{\"allOrNone\":false,\"records\":[{\"attributes\":{\"type\":\"Account\"},\"Website\":\"x\"},"
                    + "{\"attributes\":{\"type\":\"Contact\"},\"LastName\":\"Johnson\",\"FirstName\":\"Erica\"}]}")
            .json();
    assertThat(r.get(0).toString())
        .isEqualTo(
            "{\"success\":false,\"errors\":[{\"statusCode\":\"REQUIRED_FIELD_MISSING\",\"message\":"
                + "\"Required fields are missing: [Name]\",\"fields\":[\"Name\"]}]}");
    assertThat(r.get(1).get("success").asBoolean()).isTrue();
    String contact = r.get(1).get("id").asText();
    assertThat(contact).startsWith("003");
    assertThat(r.get(1).fieldNames()).toIterable().containsExactly("id", "success", "errors");
    assertThat(emulator.record(contact).orElseThrow().get("Name")).isEqualTo("Erica Johnson");
  }

  @Test
  void createWithAllOrNoneRollsEverythingBack() {
    JsonNode r =
        http.call(
                "POST",
                V + "/composite/sobjects",
                "{\"allOrNone\":true,\"records\":[{\"attributes\":{\"type\":\"Account\"},\"Name\":\"Good\"},"
                    + "{\"attributes\":{\"type\":\"Account\"}}]}")
            .json();
    assertThat(r.get(0).toString())
        .isEqualTo("{\"success\":false,\"errors\":[" + ROLLED_BACK + "]}");
    assertThat(r.get(1).get("errors").get(0).get("statusCode").asText())
        .isEqualTo("REQUIRED_FIELD_MISSING");
    assertThat(emulator.stats().calls("compositeCreate")).isEqualTo(1);
    assertThat(emulator.org().store().count("Account")).isZero();
  }

  @Test
  void upsertReportsCreatedPerRecordAndRolledBackItemsKeepTheirIds() {
    String account = emulator.insertAs("Integration User", "Account", Map.of("Name", "Acme"));
    String batch =
        "{\"allOrNone\":false,\"records\":["
            + "{\"attributes\":{\"type\":\"Task\"},\"Subject\":\"A\",\"Vault_Key__c\":\"A\",\"WhatId\":\""
            + account
            + "\"},"
            + "{\"attributes\":{\"type\":\"Task\"},\"Subject\":\"B\",\"Vault_Key__c\":\"B\"}]}";
    JsonNode first = http.call("PATCH", V + "/composite/sobjects/Task/Vault_Key__c", batch).json();
    assertThat(first.get(0).get("created").asBoolean()).isTrue();
    assertThat(first.get(1).get("created").asBoolean()).isTrue();
    String a = first.get(0).get("id").asText();

    JsonNode second =
        http.call(
                "PATCH",
                V + "/composite/sobjects/Task/Vault_Key__c",
                "{\"allOrNone\":true,\"records\":["
                    + "{\"attributes\":{\"type\":\"Task\"},\"Subject\":\"A2\",\"Vault_Key__c\":\"A\"},"
                    + "{\"attributes\":{\"type\":\"Task\"},\"Subject\":\"C\",\"Vault_Key__c\":\"C\",\"WhatId\":\"001000000000000AAA\"}]}")
            .json();
    assertThat(second.get(0).toString())
        .isEqualTo("{\"id\":\"" + a + "\",\"success\":false,\"errors\":[" + ROLLED_BACK + "]}");
    assertThat(second.get(1).get("errors").get(0).get("statusCode").asText())
        .isEqualTo("INVALID_CROSS_REFERENCE_KEY");
    assertThat(emulator.record(a).orElseThrow().get("Subject")).isEqualTo("A");

    JsonNode third =
        http.call(
                "PATCH",
                V + "/composite/sobjects/Task/Vault_Key__c",
                "{\"records\":[{\"attributes\":{\"type\":\"Task\"},\"Subject\":\"A3\",\"Vault_Key__c\":\"a\"}]}")
            .json();
    assertThat(third.get(0).toString())
        .isEqualTo("{\"id\":\"" + a + "\",\"success\":true,\"errors\":[],\"created\":false}");
  }

  @Test
  void duplicateExternalIdsInOneRequestFailBothRecords() {
    JsonNode r =
        http.call(
                "PATCH",
                V + "/composite/sobjects/Task/Vault_Key__c",
                "{\"records\":[{\"attributes\":{\"type\":\"Task\"},\"Vault_Key__c\":\"D\"},"
                    + "{\"attributes\":{\"type\":\"Task\"},\"Vault_Key__c\":\"d\"}]}")
            .json();
    assertThat(r.get(0).get("errors").get(0).get("statusCode").asText())
        .isEqualTo("DUPLICATE_EXTERNAL_ID");
    assertThat(r.get(1).get("errors").get(0).get("statusCode").asText())
        .isEqualTo("DUPLICATE_EXTERNAL_ID");
  }

  @Test
  void updateDeleteAndRetrieveWork() {
    String a = emulator.insertAs("Integration User", "Account", Map.of("Name", "A"));
    String b = emulator.insertAs("Integration User", "Account", Map.of("Name", "B"));
    JsonNode updated =
        http.call(
                "PATCH",
                V + "/composite/sobjects",
                "{\"records\":[{\"attributes\":{\"type\":\"Account\"},\"id\":\""
                    + a
                    + "\",\"Name\":\"A2\"},"
                    + "{\"attributes\":{\"type\":\"Account\"},\"id\":\"001xx000003DGb2999\",\"Name\":\"X\"}]}")
            .json();
    assertThat(updated.get(0).toString())
        .isEqualTo("{\"id\":\"" + a + "\",\"success\":true,\"errors\":[]}");
    assertThat(updated.get(1).get("errors").get(0).get("statusCode").asText())
        .isEqualTo("MALFORMED_ID");

    JsonNode retrieved =
        http.call(
                "POST",
                V + "/composite/sobjects/Account",
                "{\"ids\":[\""
                    + a
                    + "\",\""
                    + b
                    + "\",\"001000000000000AAA\"],\"fields\":[\"Id\",\"Name\"]}")
            .json();
    assertThat(retrieved.get(0).get("Name").asText()).isEqualTo("A2");
    assertThat(retrieved.get(2).isNull()).isTrue();
    JsonNode viaGet = http.get(V + "/composite/sobjects/Account?ids=" + b + "&fields=Name").json();
    assertThat(viaGet.get(0).fieldNames()).toIterable().containsExactly("attributes", "Name");

    JsonNode deleted =
        http.call("DELETE", V + "/composite/sobjects?ids=" + a + "," + b + "&allOrNone=false", null)
            .json();
    assertThat(deleted.get(0).toString())
        .isEqualTo("{\"id\":\"" + a + "\",\"success\":true,\"errors\":[]}");
    assertThat(emulator.record(b).orElseThrow().get("IsDeleted")).isEqualTo(true);
  }

  @Test
  void moreThan200RecordsIsRefusedAsAWhole() {
    StringBuilder records = new StringBuilder();
    for (int i = 0; i < 201; i++) {
      records
          .append(i == 0 ? "" : ",")
          .append("{\"attributes\":{\"type\":\"Account\"},\"Name\":\"N\"}");
    }
    EmulatorHttp.Reply r =
        http.call("POST", V + "/composite/sobjects", "{\"records\":[" + records + "]}");
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().get(0).get("errorCode").asText()).isEqualTo("EXCEEDED_ID_LIMIT");
    assertThat(emulator.org().store().count("Account")).isZero();
  }
}
