package io.paygate.sdk;

import static io.paygate.sdk.FakeGateway.json;
import static io.paygate.sdk.FakeGateway.payment;
import static io.paygate.sdk.FakeGateway.paymentJson;
import static io.paygate.sdk.SubmitPaymentTest.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paygate.sdk.FakeGateway.Recorded;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TokenTest {
  private FakeGateway gateway;

  @BeforeEach void setUp() throws Exception {
    gateway = new FakeGateway();
    gateway.defaultApiResponse = json(200, paymentJson("p-1", "Authorised"));
  }

  @AfterEach void tearDown() {
    gateway.close();
  }

  @Test void logsInOnceForManyCalls() {
    PaygateClient client = gateway.client();

    client.payment("p-1");
    client.payment("p-1");
    client.payment("p-1");

    assertThat(gateway.logins).hasValue(1);
    assertThat(gateway.refreshes).hasValue(0);
  }

  @Test void refreshesBeforeTheTokenExpires() {
    PaygateClient client = gateway.client();

    client.payment("p-1"); // logs in
    gateway.clock.advance(Duration.ofMinutes(15).minusSeconds(29)); // inside the 30 s margin
    client.payment("p-1"); // refreshes first: no 401 ever reaches the caller or the wire

    assertThat(gateway.requests).extracting(r -> r.path)
        .containsExactly("/login", "/api/history/p-1", "/token/refresh", "/api/history/p-1");
    assertThat(gateway.apiRequests()).extracting(r -> r.header("Authorization"))
        .containsExactly("Bearer at-1", "Bearer at-2");
    assertThat(gateway.requestsTo("/token/refresh").get(0).body).isEqualTo("{\"refreshToken\":\"rt-1\"}");
  }

  @Test void usesAShortLivedTokenForMostOfItsLife() {
    PaygateClient client = gateway.client();
    gateway.accessTokenLifetime = Duration.ofSeconds(20); // shorter than the 30 s margin

    client.payment("p-1"); // logs in
    client.payment("p-1");
    gateway.clock.advance(Duration.ofSeconds(12));
    client.payment("p-1"); // over half its life left: still good
    gateway.clock.advance(Duration.ofSeconds(4));
    client.payment("p-1"); // under a quarter left: renewed

    assertThat(gateway.requests).extracting(r -> r.path).containsExactly("/login",
        "/api/history/p-1", "/api/history/p-1", "/api/history/p-1", "/token/refresh", "/api/history/p-1");
  }

  @Test void clockSkewDoesNotCauseARefreshOnEveryCall() {
    PaygateClient client = gateway.client();
    gateway.accessTokenLifetime = Duration.ofHours(-1); // our clock is an hour ahead of the gateway's

    client.payment("p-1");
    client.payment("p-1");
    client.payment("p-1");

    assertThat(gateway.logins).hasValue(1);
    assertThat(gateway.refreshes).hasValue(0);
  }

  @Test void refreshesOnceOn401AndResendsTheSamePayment() {
    PaygateClient client = gateway.clientBuilder().maxRetries(0).build();
    client.payment("p-1");
    gateway.revokeAccessTokens();
    gateway.enqueue(payment("p-2", "Authorised"));

    assertThat(client.submit(request()).id()).isEqualTo("p-2");

    List<Recorded> process = gateway.requestsTo("/api/process");
    assertThat(process).extracting(r -> r.header("Authorization")).containsExactly("Bearer at-1", "Bearer at-2");
    assertThat(process.get(1).header("Idempotency-Key")).isEqualTo(process.get(0).header("Idempotency-Key"));
    assertThat(gateway.refreshes).hasValue(1);
  }

  @Test void givesUpWhenEvenAFreshTokenIsRefused() {
    PaygateClient client = gateway.client();
    gateway.acceptAccessTokens = false;

    assertThatThrownBy(() -> client.payment("p-1"))
        .isInstanceOfSatisfying(AuthenticationException.class, e -> {
          assertThat(e.httpStatus()).isEqualTo(401);
          assertThat(e.requestId()).isNotNull();
        });

    assertThat(gateway.apiRequests()).hasSize(2); // the refused token, then the new one: no loop
    assertThat(gateway.logins).hasValue(1);
    assertThat(gateway.refreshes).hasValue(1);
  }

  @Test void fiftyThreadsWithAnExpiredTokenCauseOneRefresh() throws Exception {
    PaygateClient client = gateway.client();
    client.payment("p-1");
    gateway.clock.advance(Duration.ofMinutes(15)); // logged in, with a token that has expired
    gateway.tokenDelay = Duration.ofMillis(200); // so that the threads pile up behind the refresh

    List<Payment> payments = inFiftyThreads(() -> client.payment("p-1"));

    assertThat(payments).hasSize(50);
    assertThat(gateway.refreshes).hasValue(1);
    assertThat(gateway.logins).hasValue(1);
  }

  @Test void fiftyThreadsRefusedWith401CauseOneRefresh() throws Exception {
    PaygateClient client = gateway.client();
    client.payment("p-1");
    gateway.revokeAccessTokens();
    gateway.tokenDelay = Duration.ofMillis(200);

    List<Payment> payments = inFiftyThreads(() -> client.payment("p-1"));

    assertThat(payments).hasSize(50);
    assertThat(gateway.refreshes).hasValue(1);
    assertThat(gateway.logins).hasValue(1);
  }

  @Test void logsInAgainWhenTheRefreshTokenIsRefused() {
    PaygateClient client = gateway.client();
    client.payment("p-1");
    gateway.revokeAccessTokens();
    gateway.validRefreshTokens.clear();

    client.payment("p-1");

    assertThat(gateway.requests).extracting(r -> r.path).containsExactly(
        "/login", "/api/history/p-1", "/api/history/p-1", "/token/refresh", "/login", "/api/history/p-1");
  }

  @Test void refusedRefreshTokenWithoutPasswordIsATypedError() {
    PaygateClient client = new PaygateClient.Builder()
        .baseUrl(gateway.server.url("/").toString())
        .refreshToken("rt-stale")
        .build();

    assertThatThrownBy(() -> client.payment("p-1"))
        .isInstanceOfSatisfying(AuthenticationException.class, e -> {
          assertThat(e.httpStatus()).isEqualTo(401);
          assertThat(e.getMessage()).contains("no password").doesNotContain("rt-stale");
        });
    assertThat(gateway.refreshes).hasValue(1); // not retried: retrying cannot fix a credential
    assertThat(gateway.logins).hasValue(0);
    assertThat(gateway.apiRequests()).isEmpty();
  }

  @Test void startsFromARefreshTokenAndHandsOverTheRotatedOne() {
    gateway.validRefreshTokens.add("rt-seed");
    List<String> stored = new CopyOnWriteArrayList<>();
    PaygateClient client = new PaygateClient.Builder()
        .baseUrl(gateway.server.url("/").toString())
        .refreshToken("rt-seed")
        .refreshTokenListener(stored::add)
        .build();

    client.payment("p-1");

    assertThat(gateway.requests).extracting(r -> r.path).containsExactly("/token/refresh", "/api/history/p-1");
    assertThat(stored).containsExactly("rt-1");
  }

  @Test void wrongPasswordIsATypedErrorAndIsNotRetried() {
    PaygateClient client = gateway.clientBuilder().login(FakeGateway.LOGIN, "wrong-password-sentinel").build();

    assertThatThrownBy(() -> client.payment("p-1"))
        .isInstanceOfSatisfying(AuthenticationException.class, e -> {
          assertThat(e.httpStatus()).isEqualTo(401);
          assertThat(e.requestId()).isNotNull();
          assertThat(e.getMessage()).doesNotContain("wrong-password-sentinel");
        });
    assertThat(gateway.logins).hasValue(1);
    assertThat(gateway.apiRequests()).isEmpty();
  }

  private static <T> List<T> inFiftyThreads(java.util.concurrent.Callable<T> task) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(50);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<T>> futures = new ArrayList<>();
      for (int i = 0; i < 50; i++) {
        futures.add(pool.submit(() -> {
          start.await();
          return task.call();
        }));
      }
      start.countDown();
      List<T> results = new ArrayList<>();
      for (Future<T> future : futures) results.add(future.get(20, TimeUnit.SECONDS));
      return results;
    } finally {
      pool.shutdownNow();
    }
  }
}
