package com.vaultcrmsync.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.BeanInject;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.apache.camel.test.main.junit5.ReplaceInRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Proves routes/on-demand.camel.yaml over loopback HTTP: each API path and method reaches its
 * httpApi method; a wrong method or an unknown path is refused before any bean runs.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@CamelMainTest(
    propertyPlaceholderLocations = "classpath:config/application.properties",
    properties = {
      "camel.main.routes-include-pattern=classpath:routes/on-demand.camel.yaml",
      "camel.main.routes-exclude-pattern=false",
      "camel.server.enabled=true",
      "camel.server.port=0",
      "camel.component.salesforce.lazy-login=true"
    })
class OnDemandRouteTest {
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @ReplaceInRegistry RecordingApi httpApi = new RecordingApi();

  @BeanInject CamelContext camel;

  @BeforeEach
  void forgetEarlierCalls() {
    httpApi.calls.clear();
  }

  @ParameterizedTest(name = "{0} {1} -> {2}")
  @CsvSource({
    "POST, /api/sync, syncAll",
    "POST, /api/sync/accounts/Acme%20Corp, syncAccount Acme Corp",
    "GET, /api/reports/latest, latestReport",
    "GET, /api/health, health"
  })
  void eachPathAndMethodReachesItsApiMethod(String method, String path, String answer)
      throws Exception {
    HttpResponse<String> response = send(method, path);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo(answer);
    assertThat(httpApi.calls).containsExactly(answer);
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
    "GET, /api/sync",
    "GET, /api/sync/accounts/Acme",
    "POST, /api/reports/latest",
    "DELETE, /api/health"
  })
  void aWrongMethodIsRefusedWith405BeforeTheApi(String method, String path) throws Exception {
    assertThat(send(method, path).statusCode()).isEqualTo(405);
    assertThat(httpApi.calls).isEmpty();
  }

  @Test
  void anUnknownPathIsRefusedWith404BeforeTheApi() throws Exception {
    assertThat(send("GET", "/api/nothing-here").statusCode()).isEqualTo(404);
    assertThat(send("POST", "/api/sync/accounts").statusCode()).isEqualTo(404);
    assertThat(httpApi.calls).isEmpty();
  }

  private HttpResponse<String> send(String method, String path) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port() + path))
            .timeout(Duration.ofSeconds(10))
            .method(method, HttpRequest.BodyPublishers.noBody())
            .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  /** The port the embedded server bound: camel.server.port=0 lets the system pick a free one. */
  private int port() {
    return camel.hasService(VertxPlatformHttpServer.class).getPort();
  }

  /** Stands in for HttpApi: answers with the method's name (and account key) and records it. */
  public static final class RecordingApi {
    final List<String> calls = new CopyOnWriteArrayList<>();

    public String syncAll(Exchange exchange) {
      return record("syncAll");
    }

    public String syncAccount(Exchange exchange) {
      return record("syncAccount " + exchange.getMessage().getHeader("key", String.class));
    }

    public String latestReport(Exchange exchange) {
      return record("latestReport");
    }

    public String health(Exchange exchange) {
      return record("health");
    }

    private String record(String call) {
      calls.add(call);
      return call;
    }
  }
}
