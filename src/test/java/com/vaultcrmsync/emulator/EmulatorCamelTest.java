package com.vaultcrmsync.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaultcrmsync.emulator.http.Faults;
import com.vaultcrmsync.testing.JwtKeys;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.salesforce.AuthenticationType;
import org.apache.camel.component.salesforce.SalesforceComponent;
import org.apache.camel.component.salesforce.api.SalesforceException;
import org.apache.camel.component.salesforce.api.dto.Limits;
import org.apache.camel.component.salesforce.api.dto.UpsertSObjectResult;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.jsse.KeyStoreParameters;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Proves the Camel Salesforce component cannot tell the emulator from Salesforce. */
class EmulatorCamelTest {

  @TempDir Path dir;
  private Emulator emulator;
  private CamelContext camel;
  private ProducerTemplate template;

  @BeforeEach
  void start() throws Exception {
    emulator = Emulator.start(EmulatorOptions.defaults());
  }

  @AfterEach
  void stop() throws Exception {
    if (camel != null) {
      camel.stop();
    }
    emulator.close();
  }

  private void camel(Consumer<SalesforceComponent> login) throws Exception {
    camel = new DefaultCamelContext();
    SalesforceComponent salesforce = new SalesforceComponent();
    salesforce.setLoginUrl(emulator.baseUrl());
    salesforce.setClientId("vault-crm-sync");
    login.accept(salesforce);
    camel.addComponent("salesforce", salesforce);
    camel.start();
    template = camel.createProducerTemplate();
  }

  private void passwordLogin() throws Exception {
    camel(
        sf -> {
          sf.setClientSecret("emulator-secret");
          sf.setUserName("sync@emulator.local");
          sf.setPassword("emulator");
        });
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> query(String operation, String soql) {
    return template.requestBody(
        "salesforce:" + operation + "?sObjectClass=java.util.LinkedHashMap", soql, Map.class);
  }

  @Test
  void passwordLoginThenCreateGetUpsertAndQuery() throws Exception {
    passwordLogin();
    Object created =
        template.requestBody(
            "salesforce:createSObject?sObjectName=Account&rawPayload=true",
            "{\"Name\":\"Microsoft\"}",
            String.class);
    String id = EmulatorHttp.JSON.readTree(created.toString()).get("id").asText();
    assertThat(id).startsWith("001");

    String got =
        template.requestBody(
            "salesforce:getSObject?rawPayload=true&sObjectName=Account&sObjectId=" + id,
            null,
            String.class);
    assertThat(EmulatorHttp.JSON.readTree(got).get("Name").asText()).isEqualTo("Microsoft");

    String upserted =
        template.requestBody(
            "salesforce:upsertSObject?rawPayload=true&sObjectName=Task&sObjectIdName=Vault_Key__c"
                + "&sObjectIdValue=key one",
            "{\"Subject\":\"Quarterly review\",\"Status\":\"Completed\",\"ActivityDate\":\"2026-01-15\","
                + "\"WhatId\":\""
                + id
                + "\"}",
            String.class);
    assertThat(EmulatorHttp.JSON.readTree(upserted).get("created").asBoolean()).isTrue();

    Map<String, Object> result =
        query(
            "query",
            "SELECT Id, Subject, What.Name, Account.LastActivityDate FROM Task WHERE Vault_Key__c = 'key one'");
    assertThat(result.get("totalSize")).isEqualTo(1);
    List<Map<String, Object>> records = (List<Map<String, Object>>) result.get("records");
    assertThat(records.get(0).get("Subject")).isEqualTo("Quarterly review");
    assertThat(((Map<String, Object>) records.get(0).get("What")).get("Name"))
        .isEqualTo("Microsoft");
    Map<String, Object> parent = (Map<String, Object>) records.get(0).get("Account");
    assertThat(parent.get("LastActivityDate")).isEqualTo("2026-01-15");

    Limits limits = template.requestBody("salesforce:limits", null, Limits.class);
    assertThat(limits.getDailyApiRequests().getMax()).isEqualTo(15000);
    assertThat(limits.getDailyApiRequests().getRemaining())
        .isEqualTo(15000 - emulator.stats().dailyUsed());
  }

  @Test
  void refreshTokenLogin() throws Exception {
    EmulatorHttp http = new EmulatorHttp(emulator.baseUrl());
    String refresh = http.passwordGrant("sync@emulator.local").json().get("refresh_token").asText();
    camel(
        sf -> {
          sf.setClientSecret("emulator-secret");
          sf.setRefreshToken(refresh);
        });
    assertThat(query("query", "SELECT COUNT() FROM Account").get("totalSize")).isEqualTo(0);
  }

  @Test
  void clientCredentialsLogin() throws Exception {
    camel(sf -> sf.setClientSecret("emulator-secret"));
    assertThat(query("query", "SELECT Id FROM User").get("totalSize")).isEqualTo(2);
  }

  @Test
  void jwtBearerLoginWithAKeystoreMadeByKeytool() throws Exception {
    JwtKeys keys = JwtKeys.create(dir);
    emulator.close();
    emulator = Emulator.start(EmulatorOptions.defaults().withJwtCertificate(keys.certificate()));
    camel(
        sf -> {
          KeyStoreParameters ks = new KeyStoreParameters();
          ks.setResource("file:" + keys.keystore());
          ks.setPassword(JwtKeys.PASSWORD);
          ks.setType("PKCS12");
          sf.setAuthenticationType(AuthenticationType.JWT);
          sf.setUserName("sync@emulator.local");
          sf.setKeystore(ks);
        });
    assertThat(query("query", "SELECT Id FROM User").get("totalSize")).isEqualTo(2);
    assertThat(emulator.stats().oauth()).containsEntry("token", 1L);
  }

  @Test
  void expiredSessionsAreRenewedByReLoginTransparently() throws Exception {
    passwordLogin();
    emulator.setFaults(new Faults(503, 0, null, 3, 0, 0), null);
    for (int i = 0; i < 7; i++) {
      assertThat(query("query", "SELECT COUNT() FROM Account").get("totalSize")).isEqualTo(0);
    }
    assertThat(emulator.stats().oauth().get("token")).isGreaterThanOrEqualTo(3L);
  }

  @Test
  void requestLimitExceededSurfacesAsA403SalesforceException() throws Exception {
    passwordLogin();
    emulator.setFaults(Faults.NONE, emulator.stats().dailyUsed());
    assertThatThrownBy(() -> query("query", "SELECT Id FROM Account"))
        .isInstanceOf(CamelExecutionException.class)
        .cause()
        .isInstanceOfSatisfying(
            SalesforceException.class,
            e -> {
              assertThat(e.getStatusCode()).isEqualTo(403);
              assertThat(e.getErrors().get(0).getErrorCode()).isEqualTo("REQUEST_LIMIT_EXCEEDED");
            });
  }

  @Test
  void collectionUpsertReportsPartialFailuresAndAllOrNoneRollsBack() throws Exception {
    passwordLogin();
    String account = emulator.insertAs("Integration User", "Account", Map.of("Name", "Acme"));
    List<Map<String, Object>> batch =
        List.of(task("good", account), task("bad", "001000000000000AAA"), task("other", account));
    List<UpsertSObjectResult> results = upsertTasks(batch, false);
    assertThat(results)
        .extracting(UpsertSObjectResult::getSuccess)
        .containsExactly(true, false, true);
    assertThat(results.get(1).getErrors().get(0).getErrorCode())
        .isEqualTo("INVALID_CROSS_REFERENCE_KEY");
    assertThat(results.get(0).getCreated()).isTrue();

    List<UpsertSObjectResult> rolledBack =
        upsertTasks(List.of(task("new", account), task("bad", "001000000000000AAA")), true);
    assertThat(rolledBack.get(0).getErrors().get(0).getErrorCode())
        .isEqualTo("ALL_OR_NONE_OPERATION_ROLLED_BACK");
    assertThat(query("query", "SELECT Id FROM Task WHERE Vault_Key__c = 'new'").get("totalSize"))
        .isEqualTo(0);
  }

  @Test
  @SuppressWarnings("unchecked")
  void pagingThrough5000RecordsWithQueryMoreAndQueryAll() throws Exception {
    passwordLogin();
    String account = emulator.insertAs("Integration User", "Account", Map.of("Name", "Acme"));
    for (int chunk = 0; chunk < 25; chunk++) {
      List<Map<String, Object>> batch = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        batch.add(task("k" + (chunk * 200 + i), account));
      }
      assertThat(upsertTasks(batch, true)).allMatch(UpsertSObjectResult::getSuccess);
    }
    Set<Object> ids = new HashSet<>();
    Map<String, Object> page =
        query("queryAll", "SELECT Id, Vault_Key__c FROM Task ORDER BY Vault_Key__c");
    assertThat(page.get("totalSize")).isEqualTo(5000);
    int pages = 1;
    ((List<Map<String, Object>>) page.get("records")).forEach(r -> ids.add(r.get("Id")));
    while (!Boolean.TRUE.equals(page.get("done"))) {
      page =
          template.requestBody(
              "salesforce:queryMore?sObjectClass=java.util.LinkedHashMap",
              page.get("nextRecordsUrl"),
              Map.class);
      ((List<Map<String, Object>>) page.get("records")).forEach(r -> ids.add(r.get("Id")));
      pages++;
    }
    assertThat(ids).hasSize(5000);
    assertThat(pages).isEqualTo(3);
    assertThat(emulator.stats().calls("compositeUpsert")).isEqualTo(25);
  }

  private List<UpsertSObjectResult> upsertTasks(
      List<Map<String, Object>> batch, boolean allOrNone) {
    Map<String, Object> headers = new LinkedHashMap<>();
    headers.put("allOrNone", allOrNone);
    @SuppressWarnings("unchecked")
    List<UpsertSObjectResult> results =
        template.requestBodyAndHeaders(
            "salesforce:compositeUpsertSObjectCollections?sObjectName=Task&sObjectIdName=Vault_Key__c",
            batch,
            headers,
            List.class);
    return results;
  }

  private static Map<String, Object> task(String key, String whatId) {
    Map<String, Object> t = new LinkedHashMap<>();
    t.put("attributes", Map.of("type", "Task"));
    t.put("Subject", "Task " + key);
    t.put("Vault_Key__c", key);
    t.put("WhatId", whatId);
    t.put("Status", "Completed");
    t.put("ActivityDate", "2026-01-15");
    return t;
  }
}
