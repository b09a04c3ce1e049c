package io.paygate.piggy.simulator;

import static io.paygate.piggy.simulator.SimulatorClient.payment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.paygate.piggy.TestCards;
import io.paygate.piggy.simulator.SimulatorClient.Reply;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The simulator under concurrent duplicates and with a response delay. */
class PiggyBankSimulatorConcurrencyTest {

  @Test
  void keepsExactlyOneRecordWhenFiftyDuplicatesRace() throws Exception {
    int threads = 50;
    String reference = UUID.randomUUID().toString();
    try (PiggyBankSimulator bank = new PiggyBankSimulator().start("127.0.0.1", 0)) {
      SimulatorClient client = new SimulatorClient(bank.baseUrl());
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      CountDownLatch ready = new CountDownLatch(threads);
      CountDownLatch go = new CountDownLatch(1);
      List<Future<Reply>> replies = new ArrayList<>();
      try {
        for (int i = 0; i < threads; i++) {
          replies.add(pool.submit(() -> {
            ready.countDown();
            go.await();
            return client.post(payment(reference, TestCards.AUTHORISED));
          }));
        }
        ready.await();
        go.countDown();
        List<String> bodies = new ArrayList<>();
        for (Future<Reply> reply : replies) {
          Reply r = reply.get(30, TimeUnit.SECONDS);
          assertThat(r.status()).isEqualTo(200);
          bodies.add(r.body());
        }

        assertThat(bodies).containsOnly(bodies.get(0));
        List<Map<String, Object>> ledger = client.ledger();
        assertThat(ledger).hasSize(1);
        assertThat(ledger.get(0)).containsEntry("reference", reference)
            .containsEntry("attempts", (double) threads);
      } finally {
        pool.shutdownNow();
      }
    }
  }

  @Test
  void recordsAPaymentAtOnceAndDelaysOnlyItsAnswer() throws Exception {
    // Long enough that a loaded machine still sees the ledger well before the answer.
    Duration delay = Duration.ofSeconds(3);
    try (PiggyBankSimulator bank = new PiggyBankSimulator(delay).start("127.0.0.1", 0)) {
      SimulatorClient client = new SimulatorClient(bank.baseUrl());
      String reference = UUID.randomUUID().toString();
      long started = System.nanoTime();

      CompletableFuture<Reply> reply = client.postAsync(payment(reference, TestCards.AUTHORISED));

      // The ledger is not delayed: the payment shows there while its answer is still waiting.
      await().atMost(Duration.ofSeconds(2)).until(() -> client.ledger().size() == 1);
      assertThat(reply).isNotDone();
      assertThat(reply.get(10, TimeUnit.SECONDS).status()).isEqualTo(200);
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(delay);
      assertThat(bank.responseDelay()).isEqualTo(delay);
    }
  }

  @Test
  void delaysLookUpsButNotTheHealthCheck() {
    Duration delay = Duration.ofSeconds(1);
    try (PiggyBankSimulator bank = new PiggyBankSimulator(delay).start("127.0.0.1", 0)) {
      SimulatorClient client = new SimulatorClient(bank.baseUrl());

      long started = System.nanoTime();
      assertThat(client.get("/payments/unknown").status()).isEqualTo(404);
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(delay);

      started = System.nanoTime();
      assertThat(client.get("/health").status()).isEqualTo(200);
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(delay);
    }
  }

  @Test
  void holdsNoThreadPerDelayedAnswer() throws Exception {
    // More answers in flight than Jetty's pool has threads (200): a handler that slept would
    // take the payments 200 at a time, recording the rest only as threads came free.
    int inFlight = 500;
    try (PiggyBankSimulator bank =
        new PiggyBankSimulator(Duration.ofSeconds(4)).start("127.0.0.1", 0)) {
      SimulatorClient client = new SimulatorClient(bank.baseUrl());
      List<CompletableFuture<Reply>> replies = new ArrayList<>();
      for (int i = 0; i < inFlight; i++) {
        replies.add(client.postAsync(payment(UUID.randomUUID().toString(), TestCards.AUTHORISED)));
      }

      await().atMost(Duration.ofSeconds(20)).until(() -> client.ledger().size() == inFlight);
      assertThat(replies).noneMatch(CompletableFuture::isDone);

      CompletableFuture.allOf(replies.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
      assertThat(replies).allMatch(reply -> reply.join().status() == 200);
    }
  }
}
