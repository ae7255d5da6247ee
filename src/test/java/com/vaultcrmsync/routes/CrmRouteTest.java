package com.vaultcrmsync.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.camel.BeanInject;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Route;
import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.junit.jupiter.api.Test;

/**
 * Proves routes/crm.camel.yaml: the crm-operation template gives each CRM operation its route id,
 * its direct: endpoint, its salesforce: endpoint (sObjectClass only where set) and error-handling.
 */
@CamelMainTest(
    propertyPlaceholderLocations = "classpath:config/application.properties",
    properties = {
      "camel.main.routes-include-pattern="
          + "classpath:routes/crm.camel.yaml,classpath:routes/error-handling.camel.yaml",
      "camel.component.salesforce.lazy-login=true"
    })
class CrmRouteTest {
  private static final List<String> ROUTES =
      List.of(
          "crm-query",
          "crm-query-all",
          "crm-query-more",
          "crm-create",
          "crm-update",
          "crm-upsert",
          "crm-delete",
          "crm-limits");

  @BeanInject CamelContext camel;

  @Test
  void eachOperationIsATemplatedRouteFromItsDirectEndpoint() {
    assertThat(camel.getRoutes())
        .extracting(Route::getRouteId)
        .containsExactlyInAnyOrderElementsOf(ROUTES);
    for (String id : ROUTES) {
      Route route = camel.getRoute(id);
      assertThat(route.getEndpoint().getEndpointUri()).isEqualTo("direct://" + id);
      assertThat(route.isCreatedByRouteTemplate()).as(id).isTrue();
    }
  }

  @Test
  void eachOperationCallsItsSalesforceOperationWithSObjectClassOnlyForQueries() {
    assertThat(camel.getEndpoints())
        .extracting(Endpoint::getEndpointUri)
        .filteredOn(uri -> uri.startsWith("salesforce:"))
        .containsExactlyInAnyOrder(
            "salesforce://query?sObjectClass=java.util.LinkedHashMap",
            "salesforce://queryAll?sObjectClass=java.util.LinkedHashMap",
            "salesforce://queryMore?sObjectClass=java.util.LinkedHashMap",
            "salesforce://compositeCreateSObjectCollections",
            "salesforce://compositeUpdateSObjectCollections",
            "salesforce://compositeUpsertSObjectCollections",
            "salesforce://compositeDeleteSObjectCollections",
            "salesforce://limits");
  }

  @Test
  void eachOperationUsesTheErrorHandlingConfiguration() {
    ModelCamelContext model = (ModelCamelContext) camel;
    assertThat(ROUTES)
        .allSatisfy(
            id ->
                assertThat(model.getRouteDefinition(id).getRouteConfigurationId())
                    .as(id)
                    .isEqualTo("error-handling"));
  }
}
