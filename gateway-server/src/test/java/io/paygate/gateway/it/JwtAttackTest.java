package io.paygate.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.squareup.moshi.Moshi;
import io.paygate.gateway.Gateway;
import io.paygate.gateway.config.ConfigException;
import io.paygate.gateway.config.ConfigSource;
import io.paygate.gateway.config.GatewayConfig;
import io.paygate.gateway.support.Http;
import io.paygate.gateway.support.TestGateway;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * RFC 8725 attacks on access tokens, each token crafted by hand (base64url header and payload):
 * every one gets a 401 problem, never a 500 and never a 200. A hand-made token with every claim
 * right does get through, so the refusals are the server's checks, not a badly made token.
 */
class JwtAttackTest {
  static final String SECRET = "jwt-attack-test-secret-0123456789abcdef-0123456789";
  private static final Moshi MOSHI = new Moshi.Builder().build();

  @TempDir static Path dir;
  static TestGateway gw;
  static Http.Answer pair;
  static Map<String, Object> realClaims;

  @BeforeAll
  static void start() throws IOException {
    gw = TestGateway.start(dir, Map.of("jwt.secret", SECRET));
    pair = gw.loginPair(gw.createMerchant());
    String payload = pair.string("token").split("\\.")[1];
    @SuppressWarnings("unchecked")
    Map<String, Object> claims = (Map<String, Object>) MOSHI.adapter(Object.class)
        .fromJson(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8));
    realClaims = claims;
  }

  @AfterAll
  static void stop() {
    gw.close();
  }

  @Test
  void aHandMadeTokenWithEveryClaimRightIsAccepted() {
    assertThat(status(hs("HS256", header("HS256", "at+jwt"), claims(Map.of()), SECRET)))
        .isEqualTo(200);
  }

  @Test
  void algNoneIsRefused() {
    String token = b64(header("none", "at+jwt")) + "." + b64(json(claims(Map.of()))) + ".";
    assertRefused(token);
  }

  @Test
  void anotherAlgorithmInTheHeaderIsRefused() {
    // HS512 with the same secret, and an RS256 header over an HS256 signature.
    assertRefused(hs("HS512", header("HS512", "at+jwt"), claims(Map.of()), SECRET));
    assertRefused(hs("HS256", header("RS256", "at+jwt"), claims(Map.of()), SECRET));
  }

  @Test
  void aTamperedPayloadIsRefused() {
    String good = pair.string("token");
    String[] parts = good.split("\\.");
    Map<String, Object> changed = new LinkedHashMap<>(realClaims);
    changed.put("sub", "00000000-0000-0000-0000-000000000001");
    assertRefused(parts[0] + "." + b64(json(changed)) + "." + parts[2]);
  }

  @Test
  void aTokenSignedWithAnotherKeyIsRefused() {
    assertRefused(hs("HS256", header("HS256", "at+jwt"), claims(Map.of()),
        "another-secret-of-enough-length-0123456789abcdef"));
  }

  @Test
  void expiryAndNotBeforeHaveAtMostAMinuteOfLeeway() {
    long now = Instant.now().getEpochSecond();
    assertRefused(signed(Map.of("exp", now - 90)));
    assertRefused(signed(Map.of("nbf", now + 90)));
    // Within the leeway, clocks that differ a little still work.
    assertThat(status(signed(Map.of("exp", now - 30)))).isEqualTo(200);
  }

  @Test
  void missingExpiryOrNotBeforeIsRefused() {
    Map<String, Object> noExp = claims(Map.of());
    noExp.remove("exp");
    Map<String, Object> noNbf = claims(Map.of());
    noNbf.remove("nbf");
    assertRefused(hs("HS256", header("HS256", "at+jwt"), noExp, SECRET));
    assertRefused(hs("HS256", header("HS256", "at+jwt"), noNbf, SECRET));
  }

  @Test
  void wrongIssuerOrAudienceIsRefused() {
    assertRefused(signed(Map.of("iss", "someone-else")));
    assertRefused(signed(Map.of("aud", "another-api")));
  }

  @Test
  void aTokenWithoutTheAccessTokenTypeIsRefused() {
    assertRefused(hs("HS256", header("HS256", null), claims(Map.of()), SECRET));
    assertRefused(hs("HS256", header("HS256", "JWT"), claims(Map.of()), SECRET));
  }

  @Test
  void refreshAndAccessTokensCannotStandInForEachOther() {
    assertRefused(pair.string("refreshToken"));

    Http.Answer a = gw.http().post("/token/refresh", null,
        "{\"refreshToken\":\"" + pair.string("token") + "\"}");
    assertThat(a.status()).as(a.toString()).isEqualTo(401);
  }

  @Test
  void garbageTokensAre401NotServerErrors() {
    for (String junk : new String[] {"x", "a.b.c", "....", "eyJ.eyJ.", b64("{") + ".e30.",
        "x".repeat(4_000)}) {
      assertRefused(junk);
    }
  }

  @Test
  void aSigningKeyShorterThan256BitsStopsStartUpNamingTheSetting(@TempDir Path other) {
    ConfigSource source = ConfigSource.of(Map.of("port", "0", "host", "127.0.0.1",
        "data.dir", other.toString(), "jwt.secret", "only-31-bytes-long-0123456789ab"));

    assertThatThrownBy(() -> Gateway.start(GatewayConfig.from(source)).close())
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("jwt.secret").hasMessageContaining("PAYGATE_JWT_SECRET")
        .hasMessageContaining("256 bits");
  }

  private static void assertRefused(String token) {
    Http.Answer a = gw.http().get("/api/history", token);
    assertThat(a.status()).as(a.toString()).isEqualTo(401);
    assertThat(a.header("Content-Type")).startsWith("application/problem+json");
  }

  private static int status(String token) {
    return gw.http().get("/api/history", token).status();
  }

  private static String signed(Map<String, Object> overrides) {
    return hs("HS256", header("HS256", "at+jwt"), claims(overrides), SECRET);
  }

  /** The real token's claims, with fresh times and the overrides applied. */
  private static Map<String, Object> claims(Map<String, Object> overrides) {
    long now = Instant.now().getEpochSecond();
    Map<String, Object> c = new LinkedHashMap<>(realClaims);
    c.put("iat", now);
    c.put("nbf", now);
    c.put("exp", now + 600);
    c.putAll(overrides);
    return c;
  }

  private static Map<String, Object> header(String alg, String typ) {
    Map<String, Object> h = new LinkedHashMap<>();
    h.put("alg", alg);
    if (typ != null) {
      h.put("typ", typ);
    }
    return h;
  }

  /** A JWS signed with HMAC-{@code alg} over the header and payload as given. */
  private static String hs(String macAlg, Map<String, Object> header, Map<String, Object> payload,
      String secret) {
    String input = b64(json(header)) + "." + b64(json(payload));
    try {
      String javaName = "Hmac" + macAlg.replace("HS", "SHA");
      Mac mac = Mac.getInstance(javaName);
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), javaName));
      byte[] sig = mac.doFinal(input.getBytes(StandardCharsets.US_ASCII));
      return input + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(sig);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String json(Map<String, Object> map) {
    return MOSHI.adapter(Object.class).toJson(map).replaceAll("(\\d+)\\.0(?=[,}])", "$1");
  }

  private static String b64(Map<String, Object> map) {
    return b64(json(map));
  }

  private static String b64(String s) {
    return Base64.getUrlEncoder().withoutPadding()
        .encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }
}
