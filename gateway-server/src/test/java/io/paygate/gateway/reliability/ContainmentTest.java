package io.paygate.gateway.reliability;

import static io.paygate.gateway.support.TestGateway.payment;
import static org.assertj.core.api.Assertions.assertThat;

import io.paygate.acquirer.spi.AuthorisationResult;
import io.paygate.gateway.support.Cards;
import io.paygate.gateway.support.Http;
import io.paygate.gateway.support.ScriptedAcquirer;
import io.paygate.gateway.support.TestGateway;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A connector that throws, returns nothing or hangs fails one payment, never the server. */
class ContainmentTest {
  @TempDir Path dir;
  TestGateway gw;
  String token;
  final CountDownLatch release = new CountDownLatch(1);

  @BeforeEach
  void start() {
    ScriptedAcquirer.reset();
    gw = TestGateway.start(dir, Map.of(
        "acquirer.timeout", "1s",
        "acquirer.max.concurrency", "2",
        "acquirer.breaker.failures", "1000"));
    token = gw.login(gw.createMerchant("\"Scripted\""));
  }

  @AfterEach
  void stop() {
    release.countDown();
    gw.close();
    ScriptedAcquirer.reset();
  }

  @Test
  void aConnectorThatThrowsLeavesThePaymentUnknown() {
    ScriptedAcquirer.script(r -> {
      throw new IllegalStateException("bug in the connector");
    });

    Http.Answer a = gw.http().post("/api/process", token, payment(Cards.AUTHORISED, "1.00", "EUR"));

    assertThat(a.status()).isEqualTo(202);
    assertThat(a.string("status")).isEqualTo("Unknown");
  }

  @Test
  void aConnectorThatReturnsNothingLeavesThePaymentUnknown() {
    ScriptedAcquirer.script(r -> null);

    Http.Answer a = gw.http().post("/api/process", token, payment(Cards.AUTHORISED, "1.00", "EUR"));

    assertThat(a.status()).isEqualTo(202);
    assertThat(a.string("status")).isEqualTo("Unknown");
  }

  @Test
  void aHangingBankHoldsOnlyItsOwnPool() throws Exception {
    ScriptedAcquirer.script(r -> {
      while (release.getCount() > 0) {
        try {
          release.await();
        } catch (InterruptedException e) {
          // Hangs on, ignoring the interrupt, as a badly written connector would.
        }
      }
      return AuthorisationResult.authorised("late", "L");
    });
    String piggyToken = gw.newMerchantToken();
    List<CompletableFuture<Http.Answer>> hung = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      hung.add(CompletableFuture.supplyAsync(() -> gw.http().post("/api/process", token,
          payment(Cards.AUTHORISED, "2.00", "EUR"))));
    }

    // Meanwhile another bank's merchant, history and health are served.
    Http.Answer other = gw.http().post("/api/process", piggyToken,
        payment(Cards.AUTHORISED, "3.00", "EUR"));
    assertThat(other.string("status")).isEqualTo("Authorised");
    assertThat(gw.http().get("/api/history", token).status()).isEqualTo(200);
    assertThat(gw.http().get("/health", null).status()).isEqualTo(200);

    // The hanging calls end at the deadline as Unknown; those beyond the pool were never sent.
    List<String> outcomes = hung.stream().map(f -> f.join().string("status")).toList();
    assertThat(outcomes).containsOnly("Unknown", "Failed").contains("Unknown");
    assertThat(ScriptedAcquirer.authoriseCalls()).hasSizeLessThanOrEqualTo(2);
  }
}
