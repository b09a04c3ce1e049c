package io.paygate.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.eclipse.jetty.server.Server;
import org.junit.jupiter.api.Test;

/** The baseline starts, parses a payment body and answers a payment-sized resource. */
class BaselineServerSmokeTest {
  @Test
  void answersAPaymentWithItsParsedFields() throws Exception {
    Server server = BaselineServer.start("127.0.0.1", 0);
    try {
      HttpResponse<String> answer = send(
          "http://127.0.0.1:" + BaselineServer.port(server) + "/api/process", "POST",
          "{\"cardnumber\":\"4111111111111111\",\"cvv\":\"123\",\"expirymonth\":12,"
              + "\"expiryyear\":2031,\"amount\":42.50,\"currency\":\"EUR\","
              + "\"cardholdername\":\"Santa Claus\"}");

      assertThat(answer.statusCode()).isEqualTo(201);
      assertThat(answer.body()).contains("\"status\":\"Authorised\"", "\"cardNumber\":\"411111******1111\"",
          "\"cardHolderName\":\"Santa Claus\"", "\"currency\":\"EUR\"");
    } finally {
      server.stop();
    }
  }

  /** summary.sh drives the baseline with the load generator, which sets its merchants up first. */
  @Test
  void acceptsTheLoadGeneratorsMerchantSetup() throws Exception {
    Server server = BaselineServer.start("127.0.0.1", 0);
    try {
      String base = "http://127.0.0.1:" + BaselineServer.port(server);
      HttpResponse<String> created = send(base + "/createuser", "POST",
          "{\"login\":\"load-1\",\"name\":\"Load\",\"password\":\"load generator 42\"}");
      assertThat(created.statusCode()).isEqualTo(201);
      String id = created.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
      assertThat(id).matches("[0-9a-f-]{36}");

      HttpResponse<String> limits = send(base + "/admin/merchants/" + id + "/limits", "PUT",
          "{\"readsPerSecond\":0,\"writesPerSecond\":0}");
      assertThat(limits.statusCode()).isEqualTo(200);
      assertThat(send(base + "/login", "POST", "{\"login\":\"load-1\"}").body())
          .contains("\"token\":");
    } finally {
      server.stop();
    }
  }

  private static HttpResponse<String> send(String url, String method, String json)
      throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
        .header("Content-Type", "application/json")
        .method(method, HttpRequest.BodyPublishers.ofString(json)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
