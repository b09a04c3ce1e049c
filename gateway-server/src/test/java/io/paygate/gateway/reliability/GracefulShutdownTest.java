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
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SIGTERM: no new payments, those in flight finish and are answered, then the process exits. */
class GracefulShutdownTest {
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
      // A client of its own, so its connection is a fresh one that only this payment uses.
      Http payer = gw.http();
      CompletableFuture<Http.Answer> inFlight = CompletableFuture.supplyAsync(
          () -> payer.post("/api/process", token, payment(Cards.AUTHORISED, "5.00", "EUR")));
      await().atMost(Duration.ofSeconds(10)).until(() -> http.get("/api/history", token)
          .jsonList().stream().anyMatch(p -> "Pending".equals(p.get("status"))));

      gw.terminate();

      Http.Answer ready = await().atMost(Duration.ofSeconds(5))
          .until(() -> http.get("/ready", null), a -> a.status() == 503);
      assertThat(ready.json().get("checks")).asString().contains("SHUTTING_DOWN");
      Http.Answer refused = http.post("/api/process", token,
          payment(Cards.AUTHORISED, "6.00", "EUR"));
      assertThat(refused.status()).isEqualTo(503);
      assertThat(refused.string("type")).endsWith("/unavailable");

      Http.Answer finished = inFlight.join();
      assertThat(finished.status()).isEqualTo(201);
      assertThat(finished.string("status")).isEqualTo("Authorised");
      // SIGTERM's exit status once the shutdown hook is done: 128 + 15.
      assertThat(gw.awaitExit(15)).isIn(0, 143);
      assertThat(AuditTrail.events(dir, finished.string("id")))
          .contains("payment.answered:Authorised");
    }
  }
}
