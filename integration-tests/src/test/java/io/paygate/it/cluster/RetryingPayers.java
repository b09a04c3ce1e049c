package io.paygate.it.cluster;

import io.paygate.gateway.support.Cards;
import io.paygate.gateway.support.Http;
import io.paygate.gateway.support.TestGateway;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * Merchant backends paying as the API asks them to: each payment with an Idempotency-Key of its
 * own, sent again with the same key and body after anything but a 201 or 202 (a reset connection,
 * a 502 from the balancer, a 409 while the first attempt is in flight) until one comes. Every key
 * is carried to its answer, even after {@link #stop()}: a key given up would be a payment its
 * merchant never heard of.
 */
final class RetryingPayers implements AutoCloseable {
  /** A payment its merchant holds an answer for: the key, the body sent, and the answer. */
  record Acknowledged(String key, String body, int status, Map<String, Object> payment) {}

  private static final Duration GIVE_UP_AFTER = Duration.ofSeconds(45);

  private final Http via;
  private final String token;
  private final ExecutorService pool;
  private final List<Future<?>> workers = new ArrayList<>();
  private final AtomicBoolean stopped = new AtomicBoolean();
  private final ConcurrentMap<String, Acknowledged> acknowledged = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, LongAdder> retries = new ConcurrentHashMap<>();

  private RetryingPayers(Http via, String token, int clients) {
    this.via = via;
    this.token = token;
    this.pool = Executors.newFixedThreadPool(clients);
  }

  /** Starts {@code clients} backends paying through {@code via} with {@code token}. */
  static RetryingPayers start(Http via, String token, int clients) {
    RetryingPayers payers = new RetryingPayers(via, token, clients);
    for (int i = 0; i < clients; i++) {
      int client = i;
      payers.workers.add(payers.pool.submit(() -> payers.payUntilStopped(client)));
    }
    return payers;
  }

  private Void payUntilStopped(int client) {
    for (long n = 0; !stopped.get(); n++) {
      String key = UUID.randomUUID().toString();
      // One in ten declined, so that both outcomes are compared with the bank's ledger.
      String card = n % 10 == 9 ? Cards.DECLINED : Cards.AUTHORISED;
      String body = TestGateway.payment(card, (1 + client) + "." + String.format("%02d", n % 100),
          "EUR");
      acknowledged.put(key, payUntilAnswered(key, body));
    }
    return null;
  }

  private Acknowledged payUntilAnswered(String key, String body) {
    long giveUp = System.nanoTime() + GIVE_UP_AFTER.toNanos();
    for (int attempt = 0; ; attempt++) {
      String cause;
      try {
        Http.Answer a = via.post("/api/process", token, body, "Idempotency-Key", key);
        if (a.status() == 201 || a.status() == 202) {
          return new Acknowledged(key, body, a.status(), a.json());
        }
        cause = String.valueOf(a.status());
      } catch (RuntimeException e) {
        cause = e.getClass().getSimpleName();
      }
      retries.computeIfAbsent(cause, c -> new LongAdder()).increment();
      if (System.nanoTime() - giveUp > 0) {
        throw new IllegalStateException("no answer for key " + key + " after " + GIVE_UP_AFTER
            + "; last: " + cause);
      }
      // A client's backoff, capped: 20, 40, 80, 160, 200, 200 ... ms.
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(Math.min(200, 20L << Math.min(attempt, 4))));
    }
  }

  /** How many payments have an answer so far. */
  int acknowledgedCount() {
    return acknowledged.size();
  }

  /** Retries so far, by cause (an HTTP status or an exception's class). */
  Map<String, Long> retries() {
    Map<String, Long> byCause = new TreeMap<>();
    retries.forEach((cause, n) -> byCause.put(cause, n.sum()));
    return byCause;
  }

  /**
   * Starts no new payment, waits for every key in progress to be answered, and returns what was
   * acknowledged, by key.
   *
   * @throws Exception when a backend gave up on a key
   */
  Map<String, Acknowledged> stop() throws Exception {
    stopped.set(true);
    for (Future<?> w : workers) {
      w.get(GIVE_UP_AFTER.toSeconds() + 15, TimeUnit.SECONDS);
    }
    return Map.copyOf(acknowledged);
  }

  @Override
  public void close() {
    stopped.set(true);
    pool.shutdownNow();
  }
}
