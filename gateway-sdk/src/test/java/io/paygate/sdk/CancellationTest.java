package io.paygate.sdk;

import static io.paygate.sdk.FakeGateway.payment;
import static io.paygate.sdk.FakeGateway.problem;
import static io.paygate.sdk.SubmitPaymentTest.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A caller who gives up (interrupts its thread, cancels a future) stops the call: the HTTP call in
 * flight is cancelled and its connection closed, no retry follows, and what is thrown carries the
 * payment's key. The gateway here answers after 10 s, far beyond what each test allows.
 */
class CancellationTest {
  private static final Duration PROMPTLY = Duration.ofSeconds(1);

  private FakeGateway gateway;
  /** Shared with the Paygate client, to see its connections. */
  private final OkHttpClient http = new OkHttpClient();
  private final ExecutorService executor = Executors.newSingleThreadExecutor();

  @BeforeEach void setUp() throws Exception {
    gateway = new FakeGateway();
  }

  @AfterEach void tearDown() {
    executor.shutdownNow();
    gateway.close();
  }

  private PaygateClient client() {
    return gateway.clientBuilder().okHttpClient(http).asyncExecutor(executor).build();
  }

  private void enqueueSlowPayment() {
    gateway.enqueue(payment("p-1", "Authorised").newBuilder()
        .headersDelay(10, TimeUnit.SECONDS).build());
  }

  /** The call's connection is closed (not kept for reuse), and nothing more reaches the gateway. */
  private void assertCallCancelledAndNotRetried() {
    await().atMost(PROMPTLY).until(() -> http.connectionPool().connectionCount() == 0);
    await().during(Duration.ofMillis(300)).atMost(PROMPTLY)
        .until(() -> gateway.apiRequests().size() == 1);
  }

  @Test void interruptingAThreadBlockedInSubmitCancelsTheCallAndThrowsWithTheKey() throws Exception {
    PaygateClient client = client();
    enqueueSlowPayment();
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    AtomicBoolean stillInterrupted = new AtomicBoolean();
    Thread caller = new Thread(() -> {
      try {
        client.submit(request().newBuilder().idempotencyKey("order-cancel").build());
      } catch (Throwable t) {
        thrown.set(t);
      }
      stillInterrupted.set(Thread.currentThread().isInterrupted());
    });
    caller.start();
    await().atMost(Duration.ofSeconds(5)).until(() -> gateway.apiRequests().size() == 1);

    long start = System.nanoTime();
    caller.interrupt();
    caller.join(PROMPTLY.toMillis());

    assertThat(caller.isAlive()).as("the caller is released at once").isFalse();
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(PROMPTLY);
    assertThat(thrown.get()).isInstanceOfSatisfying(ConnectionFailureException.class, e -> {
      assertThat(e.idempotencyKey()).isEqualTo("order-cancel");
      assertThat(e.getMessage()).contains("interrupted").contains("outcome of the payment is unknown");
    });
    assertThat(stillInterrupted).as("the interrupt flag is restored").isTrue();
    assertCallCancelledAndNotRetried();
  }

  @Test void cancellingTheFutureOfSubmitAsyncCancelsTheCallAndItsRetries() throws Exception {
    PaygateClient client = client();
    enqueueSlowPayment();
    CompletableFuture<Payment> future = client.submitAsync(request());
    await().atMost(Duration.ofSeconds(5)).until(() -> gateway.apiRequests().size() == 1);
    String sentKey = gateway.apiRequests().get(0).header("Idempotency-Key");

    assertThat(future.cancel(true)).isTrue();

    assertThat(future).isCancelled();
    assertThatThrownBy(future::get).isInstanceOfSatisfying(CancellationException.class, e -> {
      assertThat(e.getMessage()).contains("outcome of the payment is unknown").contains(sentKey);
      assertThat(e.getCause()).isInstanceOfSatisfying(ConnectionFailureException.class,
          cause -> assertThat(cause.idempotencyKey()).isEqualTo(sentKey));
    });
    // The executor's one thread is free again, long before the gateway would have answered.
    CompletableFuture.runAsync(() -> { }, executor).get(PROMPTLY.toMillis(), TimeUnit.MILLISECONDS);
    assertCallCancelledAndNotRetried();
  }

  @Test void aCallCancelledWhileQueuedIsNeverSent() throws Exception {
    PaygateClient client = client();
    enqueueSlowPayment();
    CompletableFuture<Payment> running = client.submitAsync(request()); // holds the one thread
    CompletableFuture<Payment> queued = client.submitAsync(request());
    await().atMost(Duration.ofSeconds(5)).until(() -> gateway.apiRequests().size() == 1);

    assertThat(queued.cancel(true)).isTrue();
    assertThat(running.cancel(true)).isTrue();

    assertThatThrownBy(queued::get).isInstanceOf(CancellationException.class)
        .hasMessageContaining("cancelled before it was sent");
    CompletableFuture.runAsync(() -> { }, executor).get(PROMPTLY.toMillis(), TimeUnit.MILLISECONDS);
    await().during(Duration.ofMillis(300)).atMost(PROMPTLY)
        .until(() -> gateway.apiRequests().size() == 1);
  }

  @Test void cancellingDuringTheWaitBeforeARetryMeansNoRetry() throws Exception {
    PaygateClient client = client();
    gateway.enqueue(problem(429, "rate-limited", "slow down").newBuilder()
        .setHeader("Retry-After", "5").build(), payment("p-1", "Authorised"));
    CompletableFuture<Payment> future = client.submitAsync(request());
    await().atMost(Duration.ofSeconds(5)).until(() -> gateway.apiRequests().size() == 1);

    assertThat(future.cancel(true)).isTrue();

    CompletableFuture.runAsync(() -> { }, executor).get(PROMPTLY.toMillis(), TimeUnit.MILLISECONDS);
    await().during(Duration.ofMillis(300)).atMost(PROMPTLY)
        .until(() -> gateway.apiRequests().size() == 1);
  }
}
