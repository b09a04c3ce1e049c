package io.paygate.sdk;

import static io.paygate.sdk.FakeGateway.json;
import static io.paygate.sdk.FakeGateway.payment;
import static io.paygate.sdk.FakeGateway.paymentJson;
import static io.paygate.sdk.FakeGateway.problem;
import static io.paygate.sdk.FakeGateway.reset;
import static io.paygate.sdk.SubmitPaymentTest.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paygate.sdk.FakeGateway.Recorded;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RetryTest {
  private FakeGateway gateway;
  private final List<RetryEvent> retries = new CopyOnWriteArrayList<>();
  private final PaygateListener retryRecorder = new PaygateListener() {
    @Override public void retryScheduled(RetryEvent retry) {
      retries.add(retry);
    }
  };

  @BeforeEach void setUp() throws Exception {
    gateway = new FakeGateway();
  }

  @AfterEach void tearDown() {
    gateway.close();
  }

  @Test void everyRetryOfAPaymentCarriesItsKeyAndEveryPaymentItsOwnKey() {
    PaygateClient client = gateway.client();
    gateway.enqueue(problem(503, "unavailable", "shutting down"), reset(), payment("p-1", "Authorised"));

    assertThat(client.submit(request()).id()).isEqualTo("p-1");

    List<Recorded> attempts = gateway.apiRequests();
    assertThat(attempts).hasSize(3);
    String key = attempts.get(0).header("Idempotency-Key");
    assertThat(key).isNotBlank();
    assertThat(attempts).extracting(r -> r.header("Idempotency-Key")).containsOnly(key);
    assertThat(attempts).extracting(r -> r.body).containsOnly(attempts.get(0).body);

    gateway.enqueue(payment("p-2", "Authorised"));
    client.submit(request()); // the same request object, but a second logical payment

    assertThat(gateway.apiRequests().get(3).header("Idempotency-Key")).isNotEqualTo(key);
  }

  @Test void everyAttemptOfACallCarriesItsRequestIdAndEveryCallItsOwn() {
    PaygateClient client = gateway.client();
    gateway.enqueue(problem(503, "unavailable", "shutting down"), payment("p-1", "Authorised"),
        payment("p-2", "Authorised"));

    client.submit(request());
    client.payment("p-2");

    List<String> ids = gateway.apiRequests().stream().map(r -> r.header("X-Request-Id")).toList();
    assertThat(ids).hasSize(3);
    assertThat(ids.get(0)).matches("[A-Za-z0-9._-]{1,64}").isEqualTo(ids.get(1));
    assertThat(ids.get(2)).isNotEqualTo(ids.get(0));
    assertThat(gateway.requestsTo("/login").get(0).header("X-Request-Id")).isNotIn(ids);
  }

  @Test void keyGivenByTheCallerIsUsedOnEveryAttempt() {
    PaygateClient client = gateway.client();
    gateway.enqueue(reset(), payment("p-1", "Authorised"));

    client.submit(request().newBuilder().idempotencyKey("order-42").build());

    assertThat(gateway.apiRequests()).extracting(r -> r.header("Idempotency-Key"))
        .containsExactly("order-42", "order-42");
  }

  @Test void badRequestIsNeverRetried() {
    PaygateClient client = gateway.client();
    gateway.enqueue(problem(400, "validation-error", "1 field is invalid"), payment("p-1", "Authorised"));

    assertThatThrownBy(() -> client.submit(request())).isInstanceOf(InvalidRequestException.class);

    assertThat(gateway.apiRequests()).hasSize(1);
    assertThat(gateway.server.getRequestCount()).isEqualTo(2); // the login and the one attempt
  }

  @Test void connectionResetIsRetried() {
    PaygateClient client = gateway.clientBuilder().listener(retryRecorder).build();
    gateway.enqueue(reset(), payment("p-1", "Authorised"));

    assertThat(client.submit(request()).status()).isEqualTo(PaymentStatus.AUTHORISED);

    assertThat(gateway.apiRequests()).hasSize(2);
    assertThat(retries).singleElement().satisfies(retry -> {
      assertThat(retry.failedAttempt()).isEqualTo(1);
      assertThat(retry.reason()).contains("IOException");
      assertThat(retry.idempotencyKey()).isEqualTo(gateway.apiRequests().get(0).header("Idempotency-Key"));
    });
  }

  @Test void readTimeoutIsRetried() {
    PaygateClient client = gateway.clientBuilder().readTimeout(Duration.ofMillis(200)).build();
    gateway.enqueue(
        payment("p-slow", "Authorised").newBuilder().headersDelay(1, TimeUnit.SECONDS).build(),
        payment("p-1", "Authorised"));

    assertThat(client.submit(request()).id()).isEqualTo("p-1");

    List<Recorded> attempts = gateway.apiRequests();
    assertThat(attempts).hasSize(2);
    assertThat(attempts.get(1).header("Idempotency-Key")).isEqualTo(attempts.get(0).header("Idempotency-Key"));
  }

  @Test void unavailableIsRetriedWithGrowingDelays() {
    PaygateClient client = gateway.clientBuilder()
        .retryBackoff(Duration.ofMillis(40), Duration.ofSeconds(1))
        .listener(retryRecorder)
        .build();
    MockResponse unavailable = problem(503, "unavailable", "not ready");
    gateway.enqueue(unavailable, unavailable, unavailable, payment("p-1", "Authorised"));

    client.submit(request());

    List<Recorded> attempts = gateway.apiRequests();
    assertThat(attempts).hasSize(4);
    assertThat(retries).hasSize(3);
    List<Duration> delays = retries.stream().map(RetryEvent::delay).toList();
    // Equal jitter: retry n waits between half and all of 40 ms * 2^(n-1).
    assertThat(delays.get(0)).isBetween(Duration.ofMillis(20), Duration.ofMillis(40));
    assertThat(delays.get(1)).isBetween(Duration.ofMillis(40), Duration.ofMillis(80));
    assertThat(delays.get(2)).isBetween(Duration.ofMillis(80), Duration.ofMillis(160));
    assertThat(delays).isSorted();
    // And the client really waited that long between the attempts the server saw.
    for (int i = 1; i < attempts.size(); i++) {
      long gap = attempts.get(i).arrivedNanos - attempts.get(i - 1).arrivedNanos;
      assertThat(Duration.ofNanos(gap)).isGreaterThanOrEqualTo(delays.get(i - 1));
    }
  }

  @Test void retryAfterIsHonouredOnTooManyRequests() {
    PaygateClient client = gateway.clientBuilder().listener(retryRecorder).build();
    gateway.enqueue(
        problem(429, "rate-limited", "slow down").newBuilder().setHeader("Retry-After", "1").build(),
        payment("p-1", "Authorised"));

    client.submit(request());

    List<Recorded> attempts = gateway.apiRequests();
    assertThat(attempts).hasSize(2);
    assertThat(Duration.ofNanos(attempts.get(1).arrivedNanos - attempts.get(0).arrivedNanos))
        .isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    assertThat(retries.get(0).delay()).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
  }

  @Test void rateLimitedAfterEveryRetryIsTyped() {
    PaygateClient client = gateway.clientBuilder().maxRetries(1).build();
    MockResponse limited = problem(429, "rate-limited", "slow down").newBuilder()
        .setHeader("Retry-After", "0").build();
    gateway.enqueue(limited, limited);

    assertThatThrownBy(() -> client.submit(request()))
        .isInstanceOfSatisfying(RateLimitedException.class, e -> {
          assertThat(e.httpStatus()).isEqualTo(429);
          assertThat(e.retryAfter()).isEqualTo(Duration.ZERO);
        });
    assertThat(gateway.apiRequests()).hasSize(2);
  }

  @Test void serverErrorAfterEveryRetrySaysTheOutcomeIsUnknownAndKeepsTheKey() {
    PaygateClient client = gateway.clientBuilder().maxRetries(2).build();
    MockResponse error = problem(500, "internal-error", "boom");
    gateway.enqueue(error, error, error, payment("never", "Authorised"));

    assertThatThrownBy(() -> client.submit(request()))
        .isInstanceOfSatisfying(ServerException.class, e -> {
          assertThat(e.httpStatus()).isEqualTo(500);
          assertThat(e.requestId()).startsWith("req-500-");
          assertThat(e.idempotencyKey()).isEqualTo(gateway.apiRequests().get(0).header("Idempotency-Key"));
          assertThat(e.getMessage()).contains("after 3 attempts").contains("outcome of the payment is unknown");
        });
    assertThat(gateway.apiRequests()).hasSize(3);
  }

  @Test void okHttpNeverResendsOnItsOwnEvenWhenTheSharedClientWouldLetIt() {
    OkHttpClient shared = new OkHttpClient.Builder().retryOnConnectionFailure(true).build();
    PaygateClient client = gateway.clientBuilder().okHttpClient(shared).maxRetries(0).build();
    gateway.enqueue(reset(), payment("p-1", "Authorised"));

    assertThatThrownBy(() -> client.submit(request()))
        .isInstanceOfSatisfying(ConnectionFailureException.class, e -> {
          assertThat(e.idempotencyKey()).isNotNull();
          assertThat(e.getMessage()).contains("outcome of the payment is unknown");
          assertThat(e.httpStatus()).isZero();
        });
    assertThat(gateway.apiRequests()).hasSize(1);
  }

  @Test void unavailableWithRetryAfterZeroIsNotResentBehindThePolicysBack() {
    PaygateClient client = gateway.clientBuilder().maxRetries(1).build();
    MockResponse unavailable = problem(503, "unavailable", "not ready").newBuilder()
        .setHeader("Retry-After", "0").build();
    gateway.enqueue(unavailable, unavailable, unavailable, unavailable);

    assertThatThrownBy(() -> client.submit(request())).isInstanceOf(ServerException.class);

    assertThat(gateway.apiRequests()).hasSize(2);
  }

  @Test void idempotencyKeyInFlightIsRetried() {
    PaygateClient client = gateway.client();
    gateway.enqueue(problem(409, "idempotency-in-flight", "still processing"), payment("p-1", "Authorised"));

    assertThat(client.submit(request()).id()).isEqualTo("p-1");
    assertThat(gateway.apiRequests()).hasSize(2);
  }

  @Test void idempotencyKeyReusedForAnotherPaymentIsNotRetried() {
    PaygateClient client = gateway.client();
    gateway.enqueue(problem(422, "idempotency-key-reused", "the key was used with another body"));

    assertThatThrownBy(() -> client.submit(request().newBuilder().idempotencyKey("order-1").build()))
        .isInstanceOfSatisfying(IdempotencyKeyReusedException.class, e -> {
          assertThat(e).isInstanceOf(IdempotencyConflictException.class)
              .isNotInstanceOf(IdempotencyKeyInUseException.class);
          assertThat(e.isRetryable()).as("the caller's bug: a new payment needs a new key").isFalse();
          assertThat(e.httpStatus()).isEqualTo(422);
          assertThat(e.idempotencyKey()).isEqualTo("order-1");
        });
    assertThat(gateway.apiRequests()).hasSize(1);
  }

  @Test void readsAreRetriedWithoutAKey() {
    PaygateClient client = gateway.client();
    gateway.enqueue(problem(502, "internal-error", "bad gateway"), json(200, paymentJson("p-1", "Authorised")));

    assertThat(client.payment("p-1").id()).isEqualTo("p-1");

    assertThat(gateway.apiRequests()).hasSize(2)
        .allSatisfy(r -> assertThat(r.header("Idempotency-Key")).isNull());
  }

  @Test void notFoundIsNotRetried() {
    PaygateClient client = gateway.client();
    gateway.enqueue(problem(404, "not-found", "no such payment"));

    assertThatThrownBy(() -> client.payment("p-404"))
        .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.httpStatus()).isEqualTo(404));
    assertThat(gateway.apiRequests()).hasSize(1);
  }
}
