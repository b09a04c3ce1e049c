package io.paygate.gateway.reliability;

import static io.paygate.gateway.support.TestGateway.payment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.paygate.gateway.support.AuditTrail;
import io.paygate.gateway.support.Cards;
import io.paygate.gateway.support.GatewayProcess;
import io.paygate.gateway.support.Http;
import io.paygate.gateway.support.TestGateway;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM: no new payments, those in flight finish and are answered, then the process exits,
 * saying what it waits for and how long it took.
 */
class GracefulShutdownTest {
  private static final int IN_FLIGHT = 12;

  @TempDir Path dir;

  @Test
  void sigtermFinishesPaymentsInFlightAndRefusesNewOnes() throws Exception {
    try (GatewayProcess gw = GatewayProcess.start(dir, Map.of(
        "PAYGATE_ACQUIRER_PIGGYBANK_SIMULATORDELAY", "2s",
        "PAYGATE_SHUTDOWN_TIMEOUT", "10s"))) {
      Http http = gw.http();
      http.post("/createuser", TestGateway.OPERATOR_KEY, "{\"login\":\"graceful\",\"name\":\"G\","
          + "\"password\":\"" + TestGateway.PASSWORD + "\",\"acquiringbank\":\"PiggyBank\"}");
      String token = http.post("/login", null, "{\"login\":\"graceful\",\"password\":\""
          + TestGateway.PASSWORD + "\"}").string("token");
      // Several payments at the bank when the stop begins, each on a connection of its own that
      // has been quiet for the two seconds the bank takes (longer than the one second Jetty's
      // stop leaves a quiet connection): their answers all go out as the stop goes on.
      ExecutorService payers = Executors.newFixedThreadPool(IN_FLIGHT);
      List<CompletableFuture<Http.Answer>> inFlight = new ArrayList<>();
      for (int i = 0; i < IN_FLIGHT; i++) {
        Http payer = gw.http();
        String amount = (i + 1) + ".00";
        inFlight.add(CompletableFuture.supplyAsync(
            () -> payer.post("/api/process", token, payment(Cards.AUTHORISED, amount, "EUR")),
            payers));
      }
      await().atMost(Duration.ofSeconds(10)).until(() -> http.get("/api/history", token)
          .jsonList().stream().filter(p -> "Pending".equals(p.get("status"))).count()
          == IN_FLIGHT);

      gw.terminate();

      Http.Answer ready = await().atMost(Duration.ofSeconds(5))
          .until(() -> http.get("/ready", null), a -> a.status() == 503);
      assertThat(ready.json().get("checks")).asString().contains("SHUTTING_DOWN");
      Http.Answer refused = http.post("/api/process", token,
          payment(Cards.AUTHORISED, "6.00", "EUR"));
      assertThat(refused.status()).isEqualTo(503);
      assertThat(refused.string("type")).endsWith("/unavailable");

      List<Http.Answer> answers = inFlight.stream().map(CompletableFuture::join).toList();
      payers.shutdown();
      assertThat(answers).extracting(Http.Answer::status).containsOnly(201);
      assertThat(answers).extracting(a -> a.string("status")).containsOnly("Authorised");
      // SIGTERM's exit status once the shutdown hook is done: 128 + 15.
      assertThat(gw.awaitExit(15)).isIn(0, 143);
      for (Http.Answer answer : answers) {
        assertThat(AuditTrail.events(dir, answer.string("id")))
            .contains("payment.answered:Authorised");
      }
      // What the operator sees: what the stop waits for, and how long it took.
      await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(gw.output())
          .anySatisfy(line -> assertThat(line).matches("Paygate: stopped in \\d+\\.\\d s")));
      assertThat(gw.output())
          .contains("Paygate: signal received, stopping gracefully",
              "Paygate: stopping: new payments get 503; waiting up to 10.0 s for " + IN_FLIGHT
                  + " payment(s) in flight at the bank")
          .anySatisfy(line -> assertThat(line)
              .matches("Paygate: payments in flight settled after waiting [0-9]\\.\\d s"))
          .anySatisfy(line -> assertThat(line).startsWith("Paygate: HTTP server stopped after"));
    }
  }
}
