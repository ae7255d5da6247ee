package com.vaultcrmsync.crm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Proves how the ledger reads Sforce-Limit-Info headers and names operations. */
class ApiCallLedgerTest {

  @Test
  void theOrgWideUsageIsReadAndThePerAppUsageIgnored() {
    ApiCallLedger ledger = new ApiCallLedger();

    ledger.recordLimitInfo("api-usage=18/15000; per-app-api-usage=17/250(appName=sample-app)");

    assertThat(ledger.snapshot().dailyUsed()).isEqualTo(18);
    assertThat(ledger.snapshot().dailyMax()).isEqualTo(15000);
    assertThat(ledger.snapshot().dailyRemaining()).isEqualTo(14982);
  }

  @Test
  void aHeaderWithoutApiUsageLeavesTheAllowanceUnknown() {
    ApiCallLedger ledger = new ApiCallLedger();

    ledger.recordLimitInfo("per-app-api-usage=17/250(appName=sample-app)");
    ledger.recordLimitInfo(null);

    assertThat(ledger.snapshot().dailyRemaining()).isNull();
    assertThat(ledger.snapshot().calls()).isZero();
  }

  @Test
  void theOperationIsThePathOfTheSalesforceEndpoint() {
    assertThat(ApiCallLedger.operationOf("salesforce://query?sObjectClass=java.util.LinkedHashMap"))
        .isEqualTo("query");
    assertThat(ApiCallLedger.operationOf("salesforce:compositeUpsertSObjectCollections"))
        .isEqualTo("compositeUpsertSObjectCollections");
  }
}
