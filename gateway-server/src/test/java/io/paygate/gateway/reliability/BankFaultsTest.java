package io.paygate.gateway.reliability;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.paygate.gateway.support.TestGateway.payment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import io.paygate.gateway.support.Cards;
import io.paygate.gateway.support.Http;
import io.paygate.gateway.support.TestGateway;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The payment flow above the Piggy Bank plug-in, against a bank (WireMock) that misbehaves: what
 * the merchant is answered, what is stored, what is audited, and what reconciliation makes of it.
 */
class BankFaultsTest {
  @TempDir static Path dir;
  static WireMockServer bank;
  static TestGateway gw;
  static String token;

  @BeforeAll
  static void start() {
    bank = new WireMockServer(wireMockConfig().dynamicPort());
    bank.start();
    gw = TestGateway.start(dir, Map.of(
        "acquirer.piggybank.baseUrl", bank.baseUrl(),
        "acquirer.timeout", "2s",
        "reconcile.margin", "200ms",
        // Reconciliation by the merchant's retry here; the schedule has its own test.
        "reconcile.interval", "1h",
        // Faults one after another must not open the breaker; it has its own test.
        "acquirer.breaker.failures", "1000"));
    token = gw.newMerchantToken();
  }

  @AfterAll
  static void stop() {
    gw.close();
    bank.stop();
  }

  @BeforeEach
  void resetBank() {
    bank.resetAll();
  }

  static Stream<Arguments> faults() {
    return Stream.of(
        Arguments.of("delay past the deadline", ok().withFixedDelay(3_000), 202, "Unknown"),
        Arguments.of("connection reset", aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER),
            202, "Unknown"),
        Arguments.of("empty response", aResponse().withFault(Fault.EMPTY_RESPONSE), 202, "Unknown"),
        Arguments.of("malformed chunk", aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK),
            202, "Unknown"),
        Arguments.of("random data", aResponse().withFault(Fault.RANDOM_DATA_THEN_CLOSE),
            202, "Unknown"),
        Arguments.of("200 with invalid JSON", aResponse().withStatus(200)
            .withHeader("Content-Type", "application/json").withBody("{\"reference\":"), 202,
            "Unknown"),
        Arguments.of("500", aResponse().withStatus(500), 202, "Unknown"),
        Arguments.of("503", aResponse().withStatus(503), 201, "Failed"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("faults")
  void aFaultIsAnsweredAsWhatIsKnownAndReconciled(String fault, ResponseDefinitionBuilder answer,
      int httpStatus, String status) {
    bank.stubFor(post(urlEqualTo("/payments")).willReturn(answer));
    // Had the bank taken it, its ledger says so.
    bank.stubFor(get(urlPathMatching("/payments/.+")).willReturn(authorisedEcho(4250, "EUR")));
    String key = UUID.randomUUID().toString();
    String body = payment(Cards.AUTHORISED, "42.50", "EUR");

    Http.Answer first = gw.http().post("/api/process", token, body, "Idempotency-Key", key);

    assertThat(first.status()).as(fault).isEqualTo(httpStatus);
    assertThat(first.string("status")).isEqualTo(status);
    assertThat(first.string("errorCode"))
        .isEqualTo(status.equals("Failed") ? "acquirer_unavailable" : "outcome_unknown");
    String id = first.string("id");
    assertThat(gw.http().get("/api/history/" + id, token).string("status")).isEqualTo(status);
    await().atMost(Duration.ofSeconds(5)).until(() -> gw.auditEvents(id).contains(
        "payment.answered:" + status));

    if (status.equals("Unknown")) {
      // Once no call can be in flight, the retry looks the payment up and gets the truth.
      Http.Answer settled = await().atMost(Duration.ofSeconds(10)).until(
          () -> gw.http().post("/api/process", token, body, "Idempotency-Key", key),
          a -> a.status() == 201);
      assertThat(settled.string("status")).isEqualTo("Authorised");
      assertThat(settled.string("id")).isEqualTo(id);
      assertThat(gw.http().get("/api/history/" + id, token).string("status"))
          .isEqualTo("Authorised");
      await().atMost(Duration.ofSeconds(5)).until(() -> gw.auditEvents(id).contains(
          "payment.reconciled:Authorised"));
    } else {
      // Failed is final: the bank certainly did not act, there is nothing to look up.
      Http.Answer again = gw.http().post("/api/process", token, body, "Idempotency-Key", key);
      assertThat(again.json()).isEqualTo(first.json());
      bank.verify(0, getRequestedFor(urlPathMatching("/payments/.+")));
    }
  }

  @Test
  void aPaymentTheBankNeverSawIsCancelledThenFailsAtReconciliation() {
    bank.stubFor(post(urlEqualTo("/payments"))
        .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    bank.stubFor(get(urlPathMatching("/payments/[^/]+")).willReturn(aResponse().withStatus(404)
        .withHeader("Content-Type", "application/json").withBody("{\"error\":\"not_found\"}")));
    // Not found may mean not arrived yet: the gateway cancels it at the bank before failing it.
    bank.stubFor(post(urlPathMatching("/payments/[^/]+/cancels")).willReturn(aResponse()
        .withStatus(200).withHeader("Content-Type", "application/json")
        .withBody("{\"reference\":\"{{jsonPath request.body '$.reference'}}\",\"type\":\"CANCEL\","
            + "\"status\":\"DONE\",\"bankReference\":\"piggy-cancel\",\"amount\":1000,"
            + "\"currency\":\"EUR\"}")
        .withTransformers("response-template")));
    String key = UUID.randomUUID().toString();
    String body = payment(Cards.AUTHORISED, "10.00", "EUR");

    Http.Answer first = gw.http().post("/api/process", token, body, "Idempotency-Key", key);
    assertThat(first.status()).isEqualTo(202);

    Http.Answer settled = await().atMost(Duration.ofSeconds(10)).until(
        () -> gw.http().post("/api/process", token, body, "Idempotency-Key", key),
        a -> a.status() == 201);
    assertThat(settled.string("status")).isEqualTo("Failed");
    assertThat(settled.string("acquirerStatus")).isEqualTo("Cancelled");
    assertThat(settled.string("errorCode")).isEqualTo("cancelled");
    bank.verify(1, postRequestedFor(urlPathMatching("/payments/[^/]+/cancels")));
  }

  @Test
  void anEchoedAmountThatDiffersIsFlaggedNotAccepted() {
    bank.stubFor(post(urlEqualTo("/payments")).willReturn(aResponse().withStatus(500)));
    // The bank says it authorised 42.51 EUR for our 42.50 EUR.
    bank.stubFor(get(urlPathMatching("/payments/.+")).willReturn(authorisedEcho(4251, "EUR")));
    String key = UUID.randomUUID().toString();
    String body = payment(Cards.AUTHORISED, "42.50", "EUR");
    String id = gw.http().post("/api/process", token, body, "Idempotency-Key", key).string("id");

    Http.Answer flagged = await().atMost(Duration.ofSeconds(10)).until(
        () -> gw.http().post("/api/process", token, body, "Idempotency-Key", key),
        a -> "amount_mismatch".equals(a.string("errorCode")));

    assertThat(flagged.status()).isEqualTo(202);
    assertThat(flagged.string("status")).isEqualTo("Unknown");
    assertThat(gw.http().get("/api/history/" + id, token).string("errorCode"))
        .isEqualTo("amount_mismatch");
    await().atMost(Duration.ofSeconds(5)).until(() -> gw.auditEvents(id).contains(
        "payment.flagged:Unknown"));
  }

  /** The answer to an authorisation: authorised, for the reference in the request body. */
  private static ResponseDefinitionBuilder ok() {
    return authorised("{{jsonPath request.body '$.reference'}}", 4250, "EUR");
  }

  /** The answer to a look-up: authorised, for the reference in the path. */
  private static ResponseDefinitionBuilder authorisedEcho(long amount, String currency) {
    return authorised("{{request.pathSegments.[1]}}", amount, currency);
  }

  private static ResponseDefinitionBuilder authorised(String reference, long amount,
      String currency) {
    return aResponse().withStatus(200).withHeader("Content-Type", "application/json")
        .withTransformers("response-template")
        .withBody("{\"reference\":\"" + reference + "\",\"status\":\"AUTHORISED\","
            + "\"bankReference\":\"piggy-wm\",\"authorisationCode\":\"WM1\",\"amount\":" + amount
            + ",\"currency\":\"" + currency + "\"}");
  }
}
