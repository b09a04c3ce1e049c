package io.paygate.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paygate.gateway.config.ConfigException;
import io.paygate.gateway.support.Http;
import io.paygate.gateway.support.TestGateway;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HTTPS with a configured keystore (PCI DSS 4.2.1), security headers on every answer including
 * errors (OWASP API8), and CORS for configured origins only.
 */
class TransportSecurityTest {
  static final String STORE_PASSWORD = "keystore-pass-123";
  static final Map<String, String> HEADERS = Map.of(
      "X-Content-Type-Options", "nosniff",
      "Cache-Control", "no-store",
      "Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'",
      "Referrer-Policy", "no-referrer");

  @TempDir Path dir;

  @Test
  void servesHttpsWithAConfiguredKeystoreAndSendsHsts() throws Exception {
    Path keystore = selfSignedKeystore(dir.resolve("tls.p12"));
    try (TestGateway gw = TestGateway.start(dir.resolve("data"), Map.of(
        "tls.keystore.path", keystore.toString(), "tls.keystore.password", STORE_PASSWORD))) {
      Http https = new Http("https://localhost:" + gw.gateway().port(), HttpClient.newBuilder()
          .sslContext(trusting(keystore)).connectTimeout(Duration.ofSeconds(5)).build());

      Http.Answer health = https.get("/health", null);
      Http.Answer error = https.get("/api/history", null);

      assertThat(health.status()).isEqualTo(200);
      assertThat(health.header("Strict-Transport-Security")).startsWith("max-age=31536000");
      assertThat(error.status()).isEqualTo(401);
      assertThat(error.header("Strict-Transport-Security")).startsWith("max-age=");
      assertSecurityHeaders(error);
      // Plain HTTP on the TLS port is not served.
      assertThatThrownBy(() -> new Http("http://localhost:" + gw.gateway().port())
          .get("/health", null).status()).isNotNull();
    }
  }

  @Test
  void aKeystoreWithoutPasswordStopsStartUp() {
    assertThatThrownBy(() -> TestGateway.start(dir, Map.of("tls.keystore.path", "/nowhere.p12")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("tls.keystore.password");
  }

  @Test
  void everyAnswerCarriesTheSecurityHeadersAndPlainHttpNoHsts() {
    try (TestGateway gw = TestGateway.start(dir, Map.of())) {
      String token = gw.newMerchantToken();
      List<Http.Answer> answers = List.of(
          gw.http().get("/health", null),
          gw.http().get("/api/history", token),
          gw.http().get("/api/history", null),
          gw.http().get("/no/such/path", null),
          gw.http().get("/login", null),
          gw.http().post("/login", null, "{\"login\":"),
          gw.http().post("/login", null, "{\"login\":\"x\",\"password\":\"wrong password 1\"}"),
          gw.http().get("/admin/audit", token));
      for (Http.Answer a : answers) {
        assertSecurityHeaders(a);
        assertThat(a.header("Strict-Transport-Security")).as(a.toString()).isNull();
        assertThat(a.headers().allValues("Cache-Control")).as(a.toString())
            .containsExactly("no-store");
      }
    }
  }

  @Test
  void corsAnswersOnlyConfiguredOrigins() {
    String shop = "https://shop.example";
    try (TestGateway gw = TestGateway.start(dir, Map.of("cors.allowed.origins",
        shop + ", https://admin.shop.example"))) {
      Http.Answer preflight = preflight(gw, shop);
      assertThat(preflight.status()).isEqualTo(204);
      assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo(shop);
      assertThat(preflight.header("Access-Control-Allow-Methods")).contains("POST");
      assertThat(preflight.header("Access-Control-Allow-Headers")).contains("Authorization");

      Http.Answer evilPreflight = preflight(gw, "https://evil.example");
      assertThat(evilPreflight.status()).isEqualTo(403);
      assertThat(evilPreflight.header("Access-Control-Allow-Origin")).isNull();

      assertThat(withOrigin(gw, shop).header("Access-Control-Allow-Origin")).isEqualTo(shop);
      // Scripts of the shop may read the payment's headers, the bank's time among them.
      assertThat(withOrigin(gw, shop).header("Access-Control-Expose-Headers"))
          .contains("Idempotent-Replayed", "Server-Timing");
      assertThat(withOrigin(gw, "https://evil.example").header("Access-Control-Allow-Origin"))
          .isNull();
      assertThat(withOrigin(gw, "null").header("Access-Control-Allow-Origin")).isNull();
    }
  }

  @Test
  void withoutConfiguredOriginsNoOriginIsAllowed() {
    try (TestGateway gw = TestGateway.start(dir, Map.of())) {
      assertThat(preflight(gw, "https://shop.example").status()).isEqualTo(403);
      assertThat(withOrigin(gw, "https://shop.example").header("Access-Control-Allow-Origin"))
          .isNull();
    }
  }

  @Test
  void aWildcardOriginStopsStartUp() {
    assertThatThrownBy(() -> TestGateway.start(dir, Map.of("cors.allowed.origins", "*")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("cors.allowed.origins");
  }

  private static Http.Answer preflight(TestGateway gw, String origin) {
    return gw.http().send(gw.http().request("/api/process", null)
        .header("Origin", origin).header("Access-Control-Request-Method", "POST")
        .header("Access-Control-Request-Headers", "authorization, content-type")
        .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build());
  }

  private static Http.Answer withOrigin(TestGateway gw, String origin) {
    return gw.http().send(gw.http().request("/health", null).header("Origin", origin).GET()
        .build());
  }

  private static void assertSecurityHeaders(Http.Answer a) {
    HEADERS.forEach((name, value) ->
        assertThat(a.header(name)).as("%s on %s", name, a).isEqualTo(value));
  }

  /** A self-signed certificate for localhost, made with the JDK's keytool. */
  static Path selfSignedKeystore(Path file) throws Exception {
    Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
    Process p = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "paygate",
        "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2", "-dname", "CN=localhost",
        "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-storetype", "PKCS12",
        "-keystore", file.toString(), "-storepass", STORE_PASSWORD, "-keypass", STORE_PASSWORD)
        .redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(output).isZero();
    assertThat(Files.exists(file)).isTrue();
    return file;
  }

  /** An SSL context that trusts the certificate in the keystore, and nothing else. */
  static SSLContext trusting(Path keystore) throws Exception {
    KeyStore ks = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(keystore)) {
      ks.load(in, STORE_PASSWORD.toCharArray());
    }
    TrustManagerFactory tmf = TrustManagerFactory.getInstance(
        TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(ks);
    SSLContext ssl = SSLContext.getInstance("TLS");
    ssl.init(null, tmf.getTrustManagers(), null);
    return ssl;
  }
}
