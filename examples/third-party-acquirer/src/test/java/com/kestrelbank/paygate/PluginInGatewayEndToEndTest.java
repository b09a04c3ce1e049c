package com.kestrelbank.paygate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged plug-in jar in a real gateway: the jar is copied into the plug-ins folder of a
 * gateway started as its own process (class path without this module's classes, so the connector
 * can only come from the jar), a merchant is mapped to Kestrel Bank, and payments go through it.
 * Runs after {@code package}, in the integration-test phase.
 */
class PluginInGatewayEndToEndTest {
  private static final String OPERATOR_KEY = "e2e-operator-key-0123456789abcdef";
  private static final Pattern LISTENING = Pattern.compile("listening on http://localhost:(\\d+)");
  private static final JsonAdapter<Map<String, Object>> JSON = new Moshi.Builder().build()
      .adapter(Types.newParameterizedType(Map.class, String.class, Object.class));

  @TempDir Path dir;
  private final KestrelBankSandbox bank = new KestrelBankSandbox("e2e-key");
  private final HttpClient http = HttpClient.newHttpClient();
  private Process gateway;
  private String baseUrl;
  private Path pluginJar;

  @BeforeEach
  void startBankAndGateway() throws Exception {
    // Set by the integration-test execution, after package; -Dtest=... also runs it before.
    assumeTrue(System.getProperty("plugin.jar") != null, "needs the packaged jar");
    bank.start();
    Path plugins = Files.createDirectories(dir.resolve("plugins"));
    pluginJar = Files.copy(Path.of(System.getProperty("plugin.jar")),
        plugins.resolve("kestrel-bank.jar"));
    ProcessBuilder pb = new ProcessBuilder(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", gatewayClassPath(), "io.paygate.gateway.GatewayMain");
    Map<String, String> env = pb.environment();
    env.put("PAYGATE_PORT", "0");
    env.put("PAYGATE_HOST", "127.0.0.1");
    env.put("PAYGATE_DATA_DIR", dir.resolve("data").toString());
    env.put("PAYGATE_PLUGINS_DIR", plugins.toString());
    env.put("PAYGATE_OPERATOR_KEY", OPERATOR_KEY);
    env.put("PAYGATE_ACQUIRER_KESTRELBANK_BASEURL", bank.baseUrl().toString());
    env.put("PAYGATE_ACQUIRER_KESTRELBANK_APIKEY", "e2e-key");
    // Piggy Bank is on the gateway's class path too; it needs a bank or its simulator to start.
    env.put("PAYGATE_ACQUIRER_PIGGYBANK_SIMULATOR", "true");
    pb.redirectErrorStream(true);
    gateway = pb.start();
    baseUrl = "http://127.0.0.1:" + awaitPort(gateway);
  }

  @AfterEach
  void stop() throws InterruptedException {
    if (gateway != null) {
      gateway.destroy();
      gateway.waitFor(30, TimeUnit.SECONDS);
    }
    bank.close();
  }

  @Test
  void aMerchantMappedToThePluginTakesPaymentsThroughIt() throws Exception {
    Map<String, Object> kestrel = ((List<?>) send("GET", "/admin/acquirers", OPERATOR_KEY, null)
        .get("acquirers")).stream().map(a -> (Map<?, ?>) a)
        .filter(a -> "KestrelBank".equals(a.get("name"))).findFirst()
        .map(a -> Map.of("source", a.get("source"), "version", a.get("version")))
        .orElseThrow(() -> new AssertionError("KestrelBank is not loaded"));
    assertEquals(Map.of("source", pluginJar.toString(),
        "version", System.getProperty("plugin.version")), kestrel,
        "loaded from the jar in the plug-ins folder, its version from the jar's manifest");

    Map<String, Object> merchant = send("POST", "/createuser", OPERATOR_KEY, "{\"login\":\"kes\","
        + "\"name\":\"Kestrel Shop\",\"password\":\"correct horse 42\","
        + "\"acquiringbank\":\"KestrelBank\"}");
    assertEquals("KestrelBank", merchant.get("acquiringBank"));
    String token = (String) send("POST", "/login", null,
        "{\"login\":\"kes\",\"password\":\"correct horse 42\"}").get("token");

    Map<String, Object> approved = send("POST", "/api/process", token, payment("4111111111111111"));
    Map<String, Object> declined = send("POST", "/api/process", token, payment("4000000000000002"));

    assertEquals("Authorised", approved.get("status"), approved.toString());
    assertEquals("KestrelBank", approved.get("acquirer"));
    assertEquals(1, bank.paymentsWith((String) approved.get("id")),
        "Kestrel Bank holds the payment under the gateway's reference");
    assertEquals("Declined", declined.get("status"), declined.toString());
    assertEquals("insufficient_funds", declined.get("errorCode"));
  }

  @Test
  void aPaymentThroughThePluginIsCapturedThenRefundedInParts() throws Exception {
    send("POST", "/createuser", OPERATOR_KEY, "{\"login\":\"kes-refunds\","
        + "\"name\":\"Kestrel Shop\",\"password\":\"correct horse 42\","
        + "\"acquiringbank\":\"KestrelBank\"}");
    String token = (String) send("POST", "/login", null,
        "{\"login\":\"kes-refunds\",\"password\":\"correct horse 42\"}").get("token");
    String body = payment("4111111111111111");
    Map<String, Object> paid = send("POST", "/api/process", token,
        body.substring(0, body.lastIndexOf('}')) + ",\"capture\":true}");
    assertEquals("Captured", paid.get("status"), paid.toString());
    String id = (String) paid.get("id");

    Map<String, Object> first = send("POST", "/api/payments/" + id + "/refunds", token,
        "{\"amount\":1250,\"currency\":\"EUR\"}");
    Map<String, Object> second = send("POST", "/api/payments/" + id + "/refunds", token,
        "{\"amount\":3000,\"currency\":\"EUR\"}");

    assertEquals("Succeeded", first.get("status"), first.toString());
    assertEquals("Succeeded", second.get("status"), second.toString());
    assertEquals(1, bank.refundsWith((String) first.get("id")),
        "Kestrel Bank holds the refund under the gateway's operation reference");
    assertEquals(1, bank.refundsWith((String) second.get("id")));
    Map<String, Object> detail = send("GET", "/api/payments/" + id, token, null);
    assertEquals("Refunded", detail.get("status"), detail.toString());
    assertEquals(4250.0, detail.get("refundedAmount"));
    assertEquals(0.0, detail.get("refundableAmount"));
  }

  /** The guide's live demo: the curl tour of the REST API, on a merchant of the plug-in's bank. */
  @Test
  void theCurlTourRunsThroughThePluginAgainstTheBanksSandbox() throws Exception {
    Path script = Path.of("../../examples/rest-curl/quickstart.sh").toAbsolutePath();
    ProcessBuilder bash = new ProcessBuilder("bash", script.toString())
        .directory(dir.toFile())
        .redirectErrorStream(true);
    bash.environment().put("PAYGATE_URL", baseUrl);
    bash.environment().put("PAYGATE_OPERATOR_KEY", OPERATOR_KEY);
    bash.environment().put("ACQUIRING_BANK", "KestrelBank");

    Process tour = bash.start();
    String output = new String(tour.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertTrue(tour.waitFor(60, TimeUnit.SECONDS));
    assertEquals(0, tour.exitValue(), output);
    assertTrue(output.contains("Authorised 42.50 EUR"), output);
    assertTrue(output.contains("Declined 10.00 USD"), output);
    assertTrue(output.contains("reason insufficient_funds"), output);
  }

  private static String payment(String card) {
    return "{\"cardnumber\":\"" + card + "\",\"cvv\":\"123\",\"expirymonth\":12,"
        + "\"expiryyear\":2031,\"amount\":42.50,\"currency\":\"EUR\","
        + "\"cardholdername\":\"Ada Lovelace\"}";
  }

  private Map<String, Object> send(String method, String path, String bearer, String json)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
        .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(json))
        .header("Content-Type", "application/json");
    if (bearer != null) {
      request.header("Authorization", "Bearer " + bearer);
    }
    HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    assertTrue(response.statusCode() < 300, method + " " + path + " -> " + response.statusCode()
        + " " + response.body());
    return JSON.fromJson(response.body());
  }

  /** The test class path without this module's own classes: the plug-in must come from the jar. */
  private static String gatewayClassPath() {
    Path own = Path.of(System.getProperty("plugin.classes")).toAbsolutePath();
    Path ownTests = own.resolveSibling("test-classes");
    return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(entry -> {
          Path p = Path.of(entry).toAbsolutePath();
          return !p.equals(own) && !p.equals(ownTests);
        })
        .collect(Collectors.joining(File.pathSeparator));
  }

  private static int awaitPort(Process process) throws Exception {
    CompletableFuture<Integer> port = new CompletableFuture<>();
    StringBuilder output = new StringBuilder();
    Thread reader = new Thread(() -> {
      try (BufferedReader r = new BufferedReader(
          new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line; (line = r.readLine()) != null; ) {
          synchronized (output) {
            output.append(line).append('\n');
          }
          Matcher m = LISTENING.matcher(line);
          if (m.find()) {
            port.complete(Integer.parseInt(m.group(1)));
          }
        }
      } catch (IOException e) {
        port.completeExceptionally(e);
      }
      synchronized (output) {
        port.completeExceptionally(new IllegalStateException(
            "the gateway exited before listening:\n" + output));
      }
    }, "gateway-output");
    reader.setDaemon(true);
    reader.start();
    return port.get(60, TimeUnit.SECONDS);
  }
}
