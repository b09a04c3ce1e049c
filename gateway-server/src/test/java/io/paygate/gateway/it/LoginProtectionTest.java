package io.paygate.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.paygate.gateway.support.Http;
import io.paygate.gateway.support.MutableClock;
import io.paygate.gateway.support.TestGateway;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PCI DSS 8.3.4 and OWASP API2/API4 on {@code POST /login}: lockout after 10 failures per account,
 * one answer for every failure, a stricter rate limit on login, and the password rules.
 */
class LoginProtectionTest {
  @TempDir Path dir;

  @Test
  void tenFailuresLockTheAccountForThirtyMinutesWhateverTheAddress() throws IOException {
    MutableClock clock = MutableClock.ofNow();
    try (TestGateway gw = TestGateway.start(dir, Map.of(), clock)) {
      String login = gw.createMerchant();
      for (int i = 0; i < 9; i++) {
        assertThat(login(gw, login, "wrong password 1").status()).isEqualTo(401);
      }
      // The tenth failure comes from another address: the count is the account's, not the
      // address's, so it still locks.
      assertThat(rawLoginFrom("127.0.0.2", gw, login, "wrong password 1")).startsWith("HTTP/1.1 401");

      Http.Answer locked = login(gw, login, TestGateway.PASSWORD);
      Http.Answer wrong = login(gw, gw.createMerchant(), "wrong password 1");
      Http.Answer unknown = login(gw, "nobody-" + System.nanoTime(), "wrong password 1");
      assertThat(locked.status()).isEqualTo(401);
      // The locked account answers exactly as a wrong password and an unknown login do.
      assertThat(withoutRequestId(locked)).isEqualTo(withoutRequestId(wrong))
          .isEqualTo(withoutRequestId(unknown));

      clock.advance(Duration.ofMinutes(29));
      assertThat(login(gw, login, TestGateway.PASSWORD).status()).isEqualTo(401);
      clock.advance(Duration.ofMinutes(1).plusSeconds(1));
      assertThat(login(gw, login, TestGateway.PASSWORD).status()).isEqualTo(200);

      Awaitility.await().untilAsserted(() -> assertThat(gw.http()
          .get("/admin/audit?event=login.lockout", TestGateway.OPERATOR_KEY).jsonList())
          .singleElement().satisfies(row -> assertThat(row).containsEntry("origin", "127.0.0.2")
              .containsEntry("outcome", "locked")));
    }
  }

  @Test
  void aSuccessfulLoginStartsTheCountAgainAndTheLockSurvivesARestart() {
    // 30 attempts in a minute: above the default per-login rate limit, which is not under test.
    try (TestGateway gw = TestGateway.start(dir, Map.of("rate.limit.login.per.minute", "100"))) {
      String login = gw.createMerchant();
      for (int i = 0; i < 9; i++) {
        login(gw, login, "wrong password 1");
      }
      assertThat(login(gw, login, TestGateway.PASSWORD).status()).isEqualTo(200);
      for (int i = 0; i < 9; i++) {
        login(gw, login, "wrong password 1");
      }
      assertThat(login(gw, login, TestGateway.PASSWORD).status()).as("9 + 9 is not 10 in a row")
          .isEqualTo(200);

      for (int i = 0; i < 10; i++) {
        login(gw, login, "wrong password 1");
      }
      gw.restart();
      assertThat(login(gw, login, TestGateway.PASSWORD).status()).isEqualTo(401);
    }
  }

  @Test
  void loginAttemptsAreRateLimitedPerLoginAndPerAddressWithRetryAfter() {
    MutableClock clock = MutableClock.ofNow();
    Map<String, String> limits = Map.of("rate.limit.login.per.minute", "3",
        "rate.limit.login.address.per.minute", "6");
    try (TestGateway gw = TestGateway.start(dir, limits, clock)) {
      String login = gw.createMerchant();
      for (int i = 0; i < 3; i++) {
        assertThat(login(gw, login, "wrong password 1").status()).isEqualTo(401);
      }
      Http.Answer limited = login(gw, login, TestGateway.PASSWORD);
      assertThat(limited.status()).as(limited.toString()).isEqualTo(429);
      assertThat(limited.string("type")).endsWith("/rate-limited");
      assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(1L, 60L);

      // Another login from the same address still has attempts, until the address runs out.
      assertThat(login(gw, "someone-else", "wrong password 1").status()).isEqualTo(401);
      assertThat(login(gw, "someone-else", "wrong password 1").status()).isEqualTo(401);
      assertThat(login(gw, "a-third-one", "wrong password 1").status()).isEqualTo(429);

      clock.advance(Duration.ofMinutes(1));
      assertThat(login(gw, login, TestGateway.PASSWORD).status()).isEqualTo(200);
    }
  }

  @Test
  void passwordsNeedTwelveToSixtyFourCharactersWithLettersAndDigits() {
    try (TestGateway gw = TestGateway.start(dir, Map.of())) {
      for (String weak : List.of("short1a", "elevenchar1", "onlyletterslongenough",
          "123456789012345", "a1".repeat(33))) {
        Http.Answer a = create(gw, "weak-" + System.nanoTime(), weak);
        assertThat(a.status()).as(weak).isEqualTo(400);
        assertThat(a.body()).contains("\"field\":\"password\"").doesNotContain(weak);
      }
      assertThat(create(gw, "strong-" + System.nanoTime(), "twelve chars 1").status())
          .isEqualTo(201);
    }
  }

  @Test
  void bcryptsSeventyTwoByteLimitCannotMakeALongerPasswordMatch() {
    try (TestGateway gw = TestGateway.start(dir, Map.of())) {
      // 24 three-byte letters: 24 characters, exactly 72 bytes in UTF-8, plus a digit would pass
      // 72; so 23 of them and "9x" make 71 bytes, and one more byte reaches 72.
      String password = "€".repeat(23) + "9a1";
      assertThat(password.getBytes(StandardCharsets.UTF_8).length).isEqualTo(72);
      String login = "long-" + System.nanoTime();
      assertThat(create(gw, login, password).status()).isEqualTo(201);

      assertThat(login(gw, login, password).status()).isEqualTo(200);
      assertThat(login(gw, login, password + "anything").status()).isEqualTo(401);
    }
  }

  @Test
  void bcryptCostBelowTenStopsStartUp(@TempDir Path other) {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> TestGateway.start(other,
            Map.of("bcrypt.cost", "9")))
        .hasMessageContaining("bcrypt.cost").hasMessageContaining("between 10");
  }

  private static Http.Answer create(TestGateway gw, String login, String password) {
    return gw.http().post("/createuser", TestGateway.OPERATOR_KEY, "{\"login\":\"" + login
        + "\",\"name\":\"Shop\",\"password\":\"" + password + "\",\"acquiringbank\":\"PiggyBank\"}");
  }

  private static Http.Answer login(TestGateway gw, String login, String password) {
    return gw.http().post("/login", null,
        "{\"login\":\"" + login + "\",\"password\":\"" + password + "\"}");
  }

  private static Map<String, Object> withoutRequestId(Http.Answer a) {
    Map<String, Object> body = new HashMap<>(a.json());
    body.remove("requestId");
    body.put("status-line", a.status());
    return body;
  }

  /** A login sent from another loopback address, over a plain socket bound to it. */
  private static String rawLoginFrom(String localAddress, TestGateway gw, String login,
      String password) throws IOException {
    URI base = URI.create(gw.http().baseUrl());
    String body = "{\"login\":\"" + login + "\",\"password\":\"" + password + "\"}";
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    try (Socket s = new Socket()) {
      s.bind(new InetSocketAddress(localAddress, 0));
      s.connect(new InetSocketAddress(base.getHost(), base.getPort()), 5_000);
      s.setSoTimeout(30_000);
      OutputStream out = s.getOutputStream();
      out.write(("POST /login HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
          + "Content-Length: " + bytes.length + "\r\nConnection: close\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      out.write(bytes);
      out.flush();
      InputStream in = s.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
