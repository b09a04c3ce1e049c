package io.paygate.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.paygate.gateway.support.Http;
import io.paygate.gateway.support.TestGateway;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A request refused for its bearer token carries the RFC 6750 challenge: {@code WWW-Authenticate:
 * Bearer} when no token was presented, {@code error="invalid_token"} when the one presented is
 * not valid, {@code error="insufficient_scope"} on the 403 for a valid token of the wrong kind.
 * Logins and refresh tokens travel in the body, not as bearer tokens: their 401s challenge
 * nothing.
 */
class BearerChallengeTest {
  private static final String MISSING = "Bearer";
  private static final String INVALID = "Bearer error=\"invalid_token\"";

  @TempDir static Path dir;
  static TestGateway gw;

  @BeforeAll
  static void start() {
    gw = TestGateway.start(dir, Map.of("cors.allowed.origins", "https://shop.example"));
  }

  @AfterAll
  static void stop() {
    gw.close();
  }

  private static String challenge(Http.Answer a, int status) {
    assertThat(a.status()).as(a.toString()).isEqualTo(status);
    return a.header("WWW-Authenticate");
  }

  @Test
  void merchantRoutesChallengeAMissingToken() {
    assertThat(challenge(gw.http().get("/api/history", null), 401)).isEqualTo(MISSING);
    assertThat(challenge(gw.http().get("/api/audit", null), 401)).isEqualTo(MISSING);
    assertThat(challenge(gw.http().post("/api/process", null, "{}"), 401)).isEqualTo(MISSING);
  }

  @Test
  void merchantRoutesSayAPresentedTokenIsInvalid() {
    String forged = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl";

    assertThat(challenge(gw.http().get("/api/history", forged), 401)).isEqualTo(INVALID);
    assertThat(challenge(gw.http().post("/api/process", forged, "{}"), 401)).isEqualTo(INVALID);
    // The operator key is a token too, of the wrong kind for a merchant route.
    assertThat(challenge(gw.http().get("/api/history", TestGateway.OPERATOR_KEY), 401))
        .isEqualTo(INVALID);
  }

  @Test
  void aRevokedTokenIsInvalid() {
    Http.Answer pair = gw.loginPair(gw.createMerchant());
    gw.http().post("/logout", null,
        "{\"refreshToken\":\"" + pair.string("refreshToken") + "\"}");

    assertThat(challenge(gw.http().get("/api/history", pair.string("token")), 401))
        .isEqualTo(INVALID);
    assertThat(challenge(gw.http().post("/api/process", pair.string("token"), "{}"), 401))
        .isEqualTo(INVALID);
  }

  @Test
  void operatorRoutesChallengeTooAndRefuseAMerchantTokenAsInsufficientScope() {
    assertThat(challenge(gw.http().get("/admin/audit", null), 401)).isEqualTo(MISSING);
    assertThat(challenge(gw.http().post("/createuser", "not-the-key", "{}"), 401))
        .isEqualTo(INVALID);
    assertThat(challenge(gw.http().get("/admin/acquirers", gw.newMerchantToken()), 403))
        .isEqualTo("Bearer error=\"insufficient_scope\"");
  }

  @Test
  void loginAndRefreshFailuresAreNotBearerChallenges() {
    Http.Answer login = gw.http().post("/login", null,
        "{\"login\":\"nobody\",\"password\":\"wrong password 1\"}");
    Http.Answer refresh = gw.http().post("/token/refresh", null, "{\"refreshToken\":\"rt_x\"}");

    assertThat(challenge(login, 401)).isNull();
    assertThat(challenge(refresh, 401)).isNull();
  }

  @Test
  void browserScriptsOfAnAllowedOriginMayReadTheChallenge() {
    Http.Answer a = gw.http().send(gw.http().request("/api/history", null)
        .header("Origin", "https://shop.example").GET().build());

    assertThat(challenge(a, 401)).isEqualTo(MISSING);
    assertThat(a.header("Access-Control-Expose-Headers")).contains("WWW-Authenticate");
  }
}
