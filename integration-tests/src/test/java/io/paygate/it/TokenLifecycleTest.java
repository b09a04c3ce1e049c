package io.paygate.it;

import static io.paygate.it.TestCards.authorised;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.paygate.sdk.PaygateClient;
import io.paygate.sdk.PaymentStatus;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tokens over their whole life against the real gateway: login on first use, refresh before
 * expiry, refresh after the gateway says 401, rotation, a refused refresh token.
 */
class TokenLifecycleTest {
  @TempDir Path dataDir;
  LiveGateway gateway;
  final MovableClock gatewayClock = new MovableClock();
  final RecordingListener wire = new RecordingListener();
  final List<String> refreshTokens = new CopyOnWriteArrayList<>();

  @AfterEach void stopGateway() {
    if (gateway != null) gateway.close();
  }

  /** Starts a gateway with {@code settings}, and a client that has paid once, so logged in. */
  private PaygateClient loggedInClient(Map<String, String> settings) {
    gateway = LiveGateway.start(dataDir, settings, gatewayClock);
    PaygateClient client = gateway.client(gateway.createMerchant())
        .listener(wire).refreshTokenListener(refreshTokens::add).build();
    assertThat(client.submit(authorised()).status()).isEqualTo(PaymentStatus.AUTHORISED);
    return client;
  }

  @Test void refreshesAShortLivedTokenBeforeItExpiresAndKeepsPaying() {
    PaygateClient client = loggedInClient(Map.of("access.token.ttl", "2s"));

    // Keep paying across the token's expiry: the client renews it on its own, and pays on.
    await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(250)).until(() -> {
      assertThat(client.submit(authorised()).status()).isEqualTo(PaymentStatus.AUTHORISED);
      return wire.count("/token/refresh") > 0;
    });

    assertThat(wire.count("/login")).isEqualTo(1);
    assertThat(wire.exchanges()).contains("POST /token/refresh 200").allMatch(e -> !e.endsWith(" 401"));
    // The login's refresh token, then the rotated one; the first no longer works.
    assertThat(refreshTokens).hasSize(2).doesNotHaveDuplicates();
    assertThat(gateway.post("/token/refresh", null, refreshBody(refreshTokens.get(0))).statusCode())
        .isEqualTo(401);
  }

  @Test void threadsPayingAcrossExpiriesShareEachRenewal() throws Exception {
    PaygateClient client = loggedInClient(Map.of("access.token.ttl", "2s"));
    ExecutorService threads = Executors.newFixedThreadPool(4);
    List<Future<Long>> paid = new ArrayList<>();
    try {
      // Each thread pays until the token has been renewed twice, whichever thread renewed it.
      for (int i = 0; i < 4; i++) {
        paid.add(threads.submit(() -> {
          long count = 0;
          while (wire.count("/token/refresh") < 2) {
            assertThat(client.submit(authorised()).status()).isEqualTo(PaymentStatus.AUTHORISED);
            count++;
          }
          return count;
        }));
      }
      for (Future<Long> thread : paid) assertThat(thread.get(30, TimeUnit.SECONDS)).isPositive();
    } finally {
      threads.shutdownNow();
    }

    // Refresh tokens rotate: two threads refreshing with the same one would have made one fail.
    assertThat(wire.exchanges()).allMatch(e -> !e.endsWith(" 401"));
    assertThat(wire.count("/login")).isEqualTo(1);
    assertThat(refreshTokens).doesNotHaveDuplicates().hasSize((int) wire.count("/token/refresh") + 1);
  }

  @Test void reusesAShortLivedTokenUntilItIsAboutToExpire() {
    PaygateClient client = loggedInClient(Map.of("access.token.ttl", "20s"));

    for (int i = 0; i < 3; i++) client.submit(authorised());

    // A 20-second token serves calls made within seconds of each other: renewing it on every
    // call would double the traffic and rotate the refresh token each time.
    assertThat(wire.count("/login")).isEqualTo(1);
    assertThat(wire.count("/token/refresh")).isZero();
  }

  @Test void refreshesAfterTheGatewayRejectsAnExpiredToken() {
    PaygateClient client = loggedInClient(Map.of());

    // Past the token's 15 minutes and the gateway's leeway, by the gateway's clock only: the
    // client still thinks its token good, sends it, and hears 401.
    gatewayClock.advance(Duration.ofMinutes(20));
    wire.clear();

    assertThat(client.submit(authorised()).status()).isEqualTo(PaymentStatus.AUTHORISED);
    assertThat(wire.exchanges()).containsExactly(
        "POST /api/process 401", "POST /token/refresh 200", "POST /api/process 201");
    assertThat(refreshTokens).hasSize(2);
  }

  @Test void logsInAgainWhenTheRefreshTokenIsRefused() {
    PaygateClient client = loggedInClient(Map.of());
    // Someone logs the session out: its refresh token and access tokens stop working.
    assertThat(gateway.post("/logout", null, refreshBody(refreshTokens.get(0))).statusCode())
        .isEqualTo(204);
    wire.clear();

    assertThat(client.submit(authorised()).status()).isEqualTo(PaymentStatus.AUTHORISED);
    assertThat(wire.exchanges()).containsExactly("POST /api/process 401",
        "POST /token/refresh 401", "POST /login 200", "POST /api/process 201");
  }

  @Test void startsFromARefreshTokenAndHandsOnEachRotatedOne() {
    gateway = LiveGateway.start(dataDir, Map.of());
    String login = gateway.createMerchant();
    String stored = json(gateway.post("/login", null,
        "{\"login\":\"" + login + "\",\"password\":\"" + LiveGateway.PASSWORD + "\"}").body(), "refreshToken");
    PaygateClient client = new PaygateClient.Builder()
        .baseUrl(gateway.url())
        .refreshToken(stored)
        .refreshTokenListener(refreshTokens::add)
        .build();

    assertThat(client.submit(authorised()).status()).isEqualTo(PaymentStatus.AUTHORISED);

    assertThat(refreshTokens).hasSize(1).doesNotContain(stored);
    // What the listener handed over is what the next start needs...
    PaygateClient restarted = client.newBuilder().refreshToken(refreshTokens.get(0)).build();
    assertThat(restarted.submit(authorised()).status()).isEqualTo(PaymentStatus.AUTHORISED);
    // ...and the one it replaced is dead (presenting it again revokes the session: reuse detection).
    assertThat(gateway.post("/token/refresh", null, refreshBody(stored)).statusCode()).isEqualTo(401);
  }

  private static String refreshBody(String refreshToken) {
    return "{\"refreshToken\":\"" + refreshToken + "\"}";
  }

  private static String json(String body, String field) {
    return body.replaceFirst(".*\"" + field + "\":\"([^\"]*)\".*", "$1");
  }

  /** The system clock, plus an offset a test can move forward. */
  static final class MovableClock extends Clock {
    private final AtomicReference<Duration> offset;
    private final ZoneId zone;

    MovableClock() {
      this(new AtomicReference<>(Duration.ZERO), ZoneOffset.UTC);
    }

    private MovableClock(AtomicReference<Duration> offset, ZoneId zone) {
      this.offset = offset;
      this.zone = zone;
    }

    void advance(Duration by) {
      offset.accumulateAndGet(by, Duration::plus);
    }

    @Override public ZoneId getZone() {
      return zone;
    }

    @Override public Clock withZone(ZoneId zone) {
      return new MovableClock(offset, zone);
    }

    @Override public Instant instant() {
      return Instant.now().plus(offset.get());
    }
  }
}
