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
      HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
              URI.create("http://127.0.0.1:" + BaselineServer.port(server) + "/api/process"))
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString("{\"cardnumber\":\"4111111111111111\","
              + "\"cvv\":\"123\",\"expirymonth\":12,\"expiryyear\":2031,\"amount\":42.50,"
              + "\"currency\":\"EUR\",\"cardholdername\":\"Santa Claus\"}"))
          .build(), HttpResponse.BodyHandlers.ofString());

      assertThat(answer.statusCode()).isEqualTo(201);
      assertThat(answer.body()).contains("\"status\":\"Authorised\"", "\"cardNumber\":\"411111******1111\"",
          "\"cardHolderName\":\"Santa Claus\"", "\"currency\":\"EUR\"");
    } finally {
      server.stop();
    }
  }
}
