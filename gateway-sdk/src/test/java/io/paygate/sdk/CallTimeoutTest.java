package io.paygate.sdk;

import static io.paygate.sdk.FakeGateway.payment;
import static io.paygate.sdk.FakeGateway.problem;
import static io.paygate.sdk.SubmitPaymentTest.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CallTimeoutTest {
  private FakeGateway gateway;

  @BeforeEach void setUp() throws Exception {
    gateway = new FakeGateway();
  }

  @AfterEach void tearDown() {
    gateway.close();
  }

  @Test void callTimeoutBoundsASlowServer() {
    PaygateClient client = gateway.clientBuilder()
        .readTimeout(Duration.ofSeconds(30)) // the read timeout alone would wait for the server
        .callTimeout(Duration.ofMillis(300))
        .build();
    gateway.enqueue(payment("p-1", "Authorised").newBuilder().headersDelay(5, TimeUnit.SECONDS).build());

    long start = System.nanoTime();
    assertThatThrownBy(() -> client.submit(request()))
        .isInstanceOfSatisfying(CallTimeoutException.class, e -> {
          assertThat(e.idempotencyKey()).isNotNull();
          assertThat(e.getMessage()).contains("call timeout of 300 ms")
              .contains("outcome of the payment is unknown");
        });
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
  }

  @Test void callTimeoutBoundsABodyThatTrickles() {
    PaygateClient client = gateway.clientBuilder()
        .readTimeout(Duration.ofSeconds(30)) // every read gets a few bytes well within it
        .callTimeout(Duration.ofMillis(400))
        .build();
    gateway.enqueue(payment("p-1", "Authorised").newBuilder()
        .throttleBody(16, 100, TimeUnit.MILLISECONDS).build());

    long start = System.nanoTime();
    assertThatThrownBy(() -> client.submit(request()))
        .isInstanceOfSatisfying(CallTimeoutException.class, e -> {
          assertThat(e.getMessage()).contains("call timeout of 400 ms");
          // The same cause as when OkHttp's own call timeout ended the attempt.
          assertThat(e.getCause()).isInstanceOf(InterruptedIOException.class).hasMessage("timeout");
        });
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1500));
  }

  @Test void callTimeoutBoundsRetriesAndTheirWaits() {
    PaygateClient client = gateway.clientBuilder()
        .maxRetries(1000)
        .retryBackoff(Duration.ofMillis(50), Duration.ofMillis(200))
        .callTimeout(Duration.ofMillis(500))
        .build();
    gateway.defaultApiResponse = problem(503, "unavailable", "not ready");

    long start = System.nanoTime();
    // Either the last answer, when the next wait would pass the deadline, or the timeout itself.
    assertThatThrownBy(() -> client.submit(request()))
        .isInstanceOfAny(ServerException.class, CallTimeoutException.class);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
    assertThat(gateway.apiRequests().size()).isBetween(2, 20);
  }

  @Test void callTimeoutBoundsASlowLogin() {
    PaygateClient client = gateway.clientBuilder().callTimeout(Duration.ofMillis(300)).build();
    gateway.tokenDelay = Duration.ofSeconds(5);

    long start = System.nanoTime();
    assertThatThrownBy(() -> client.payment("p-1")).isInstanceOf(CallTimeoutException.class);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
  }
}
