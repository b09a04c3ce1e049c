package io.paygate.piggy;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.paygate.piggy.Payments.authorisation;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import io.paygate.acquirer.spi.Acquirer;
import io.paygate.acquirer.spi.AcquirerSettings;
import io.paygate.acquirer.spi.AuthorisationResult;
import io.paygate.acquirer.spi.AuthorisationResult.Outcome;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code authorise} against a bank played by WireMock: every answer and every failure. */
class PiggyBankAcquirerTest {
  private static final String REFERENCE = "pay-1";
  private static final String AUTHORISED_ANSWER = "{\"reference\":\"pay-1\",\"status\":\"AUTHORISED\","
      + "\"bankReference\":\"piggy-1b4e28ba-2fa1-11d2-883f-0016d3cca427\","
      + "\"authorisationCode\":\"A1B2C3\",\"amount\":4250,\"currency\":\"EUR\"}";

  /** The bank, a WireMock server started once for the class (the extension starts and stops it). */
  @RegisterExtension
  static final WireMockExtension bank = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort()).build();
  private Acquirer acquirer;

  @BeforeEach
  void createAcquirer() {
    bank.resetAll();
    // Generous: a loaded CI machine must not turn a plain answer into a timeout. The timeout
    // tests make their own impatient acquirers.
    acquirer = acquirer(Map.of("readTimeout", "5s"));
  }

  @AfterEach
  void closeAcquirer() {
    acquirer.close();
  }

  private static Acquirer acquirer(Map<String, String> settings) {
    Map<String, String> all = new HashMap<>(settings);
    all.putIfAbsent("baseUrl", bank.baseUrl());
    return new PiggyBankAcquirerProvider().create(new AcquirerSettings("PiggyBank", all));
  }

  private static void bankAnswers(ResponseDefinitionBuilder response) {
    bank.stubFor(post(urlEqualTo("/payments")).willReturn(response));
  }

  private static ResponseDefinitionBuilder json(int status, String body) {
    return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
        .withBody(body);
  }

  private static void assertOneRequest() {
    bank.verify(1, postRequestedFor(urlEqualTo("/payments")));
    assertThat(bank.getAllServeEvents()).hasSize(1);
  }

  @Test
  void sendsEveryFieldOnceAndMapsAnAuthorisation() {
    bankAnswers(json(200, AUTHORISED_ANSWER));

    AuthorisationResult result = acquirer.authorise(authorisation(REFERENCE, TestCards.AUTHORISED));


    assertThat(result.outcome()).isEqualTo(Outcome.AUTHORISED);
    assertThat(result.bankReference()).isEqualTo("piggy-1b4e28ba-2fa1-11d2-883f-0016d3cca427");
    assertThat(result.authorisationCode()).isEqualTo("A1B2C3");
    bank.verify(1, postRequestedFor(urlEqualTo("/payments"))
        .withHeader("Content-Type", equalTo("application/json"))
        .withRequestBody(equalToJson("{\"reference\":\"pay-1\",\"merchantId\":\"merchant-1\","
            + "\"cardNumber\":\"4111111111111111\",\"cvv\":\"123\",\"expiryMonth\":12,"
            + "\"expiryYear\":2030,\"cardHolderName\":\"Peppa Pig\",\"amount\":4250,"
            + "\"currency\":\"EUR\"}")));
    assertOneRequest();
  }

  @Test
  void mapsADeclineWithTheBanksReason() {
    bankAnswers(json(200, "{\"reference\":\"pay-1\",\"status\":\"DECLINED\","
        + "\"reason\":\"insufficient_funds\",\"message\":\"Insufficient funds\","
        + "\"amount\":4250,\"currency\":\"EUR\"}"));

    AuthorisationResult result =
        acquirer.authorise(authorisation(REFERENCE, TestCards.INSUFFICIENT_FUNDS));


    assertThat(result.outcome()).isEqualTo(Outcome.DECLINED);
    assertThat(result.reasonCode()).isEqualTo("insufficient_funds");
    assertThat(result.message()).isEqualTo("Insufficient funds");
    assertOneRequest();
  }

  @Test
  void isNotProcessedWhenTheBankIsUnavailable() {
    bankAnswers(json(503, "{\"error\":\"unavailable\"}"));

    AuthorisationResult result = acquirer.authorise(authorisation(REFERENCE, TestCards.UNAVAILABLE));


    assertThat(result.outcome()).isEqualTo(Outcome.NOT_PROCESSED);
    assertThat(result.message()).contains("503");
    assertOneRequest();
  }

  @Test
  void neverResendsThePaymentEvenWhenTheBankAsksForAnImmediateRetry() {
    // OkHttp repeats a request after a 503 with Retry-After: 0 unless its body is one-shot.
    bankAnswers(json(503, "{\"error\":\"unavailable\"}").withHeader("Retry-After", "0"));

    AuthorisationResult result = acquirer.authorise(authorisation(REFERENCE, TestCards.UNAVAILABLE));


    assertThat(result.outcome()).isEqualTo(Outcome.NOT_PROCESSED);
    assertOneRequest();
  }

  @Test
  void isNotProcessedWhenTheBankRejectsTheRequestAndSaysWhy() {
    bankAnswers(json(400, "{\"error\":\"missing_field\",\"field\":\"cvv\"}"));

    AuthorisationResult result = acquirer.authorise(authorisation(REFERENCE, TestCards.AUTHORISED));


    assertThat(result.outcome()).isEqualTo(Outcome.NOT_PROCESSED);
    assertThat(result.message()).contains("400").contains("missing_field cvv");
    assertOneRequest();
  }

  @Test
  void isNotProcessedOnABadRequestWithoutABody() {
    bankAnswers(aResponse().withStatus(400));

    AuthorisationResult result = acquirer.authorise(authorisation(REFERENCE, TestCards.AUTHORISED));


    assertThat(result.outcome()).isEqualTo(Outcome.NOT_PROCESSED);
    assertOneRequest();
  }

  @ParameterizedTest
  @ValueSource(ints = {401, 403})
  void isNotProcessedWhenTheBankRefusesTheCredentials(int status) {
    bankAnswers(aResponse().withStatus(status));

    AuthorisationResult result = acquirer.authorise(authorisation(REFERENCE, TestCards.AUTHORISED));


    assertThat(result.outcome()).isEqualTo(Outcome.NOT_PROCESSED);
    assertThat(result.message()).contains(String.valueOf(status));
    assertOneRequest();
  }

  @ParameterizedTest
  @ValueSource(ints = {500, 502, 504, 404, 408, 409, 429, 201, 204, 302, 307, 308})
  void isUnknownOnAnyOtherStatusAndNeverFollowsOrRetries(int status) {
    bankAnswers(json(status, AUTHORISED_ANSWER).withHeader("Location", bank.baseUrl() + "/other"));

    AuthorisationResult result = acquirer.authorise(authorisation(REFERENCE, TestCards.AUTHORISED));


    assertThat(result.outcome()).isEqualTo(Outcome.UNKNOWN);
    assertThat(result.message()).contains(String.valueOf(status));
    assertOneRequest();
  }

  @Test
  void isUnknownWhenTheAnswerDoesNotComeWithinTheReadTimeout() {
    bankAnswers(json(200, AUTHORISED_ANSWER).withFixedDelay(8_000));
    long started = System.nanoTime();

    AuthorisationResult result;
    try (Acquirer impatient = acquirer(Map.of("readTimeout", "1s"))) {
      result = impatient.authorise(authorisation(REFERENCE, TestCards.AUTHORISED));
    }

    assertThat(result.outcome()).isEqualTo(Outcome.UNKNOWN);
    assertThat(result.message()).contains("1000 ms");
    // It gave up on its own timeout, well before the bank would have answered.
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(6));
    assertOneRequest();
  }

  @Test
  void boundsTheCallByTheDeadlineWhenItIsNearerThanTheReadTimeout() {
    bankAnswers(json(200, AUTHORISED_ANSWER).withFixedDelay(8_000));
    try (Acquirer patient = acquirer(Map.of("readTimeout", "30s"))) {
      long started = System.nanoTime();

      AuthorisationResult result = patient.authorise(authorisation(
          REFERENCE, TestCards.AUTHORISED, Instant.now().plusMillis(300)));


      assertThat(result.outcome()).isEqualTo(Outcome.UNKNOWN);
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(6));
    }
    assertOneRequest();
  }

  @Test
  void isNotProcessedWithoutSendingWhenTheDeadlineHasPassed() {
    bankAnswers(json(200, AUTHORISED_ANSWER));

    AuthorisationResult result = acquirer.authorise(authorisation(
        REFERENCE, TestCards.AUTHORISED, Instant.now().minusMillis(1)));


    assertThat(result.outcome()).isEqualTo(Outcome.NOT_PROCESSED);
    assertThat(bank.getAllServeEvents()).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(Fault.class)
  void isUnknownWhenTheConnectionFailsAfterTheRequestWasSent(Fault fault) {
    bankAnswers(aResponse().withFault(fault));

    AuthorisationResult result = acquirer.authorise(authorisation(REFERENCE, TestCards.AUTHORISED));


    assertThat(result.outcome()).isEqualTo(Outcome.UNKNOWN);
    assertThat(result.message()).contains("after the request was sent");
    assertOneRequest();
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "",
    "not json",
    "{\"reference\":\"pay-1\",\"status\":\"AUTHORISED\"",
    "null",
    "[]",
    "{\"reference\":\"pay-1\",\"status\":\"PENDING\",\"amount\":4250,\"currency\":\"EUR\"}",
    "{\"reference\":\"pay-1\",\"amount\":4250,\"currency\":\"EUR\"}",
    "{\"reference\":\"pay-1\",\"status\":\"AUTHORISED\",\"amount\":4250,\"currency\":\"EUR\"}",
    "{\"reference\":\"pay-1\",\"status\":\"DECLINED\",\"amount\":4250,\"currency\":\"EUR\"}",
    "{\"reference\":\"pay-2\",\"status\":\"AUTHORISED\",\"authorisationCode\":\"A1B2C3\","
        + "\"amount\":4250,\"currency\":\"EUR\"}",
    "{\"status\":\"AUTHORISED\",\"authorisationCode\":\"A1B2C3\",\"amount\":4250,"
        + "\"currency\":\"EUR\"}",
    "{\"reference\":\"pay-1\",\"status\":\"AUTHORISED\",\"authorisationCode\":\"A1B2C3\","
        + "\"amount\":9999,\"currency\":\"EUR\"}",
    "{\"reference\":\"pay-1\",\"status\":\"AUTHORISED\",\"authorisationCode\":\"A1B2C3\","
        + "\"amount\":4250,\"currency\":\"GBP\"}",
    "{\"reference\":\"pay-1\",\"status\":\"AUTHORISED\",\"authorisationCode\":\"A1B2C3\","
        + "\"amount\":42.5,\"currency\":\"EUR\"}",
    "{\"reference\":\"pay-1\",\"status\":\"AUTHORISED\",\"authorisationCode\":\"A1B2C3\","
        + "\"amount\":\"4250\",\"currency\":\"EUR\"}"
  })
  void isUnknownWhenA200AnswerIsUnreadableIncompleteOrInconsistent(String body) {
    bankAnswers(json(200, body));

    AuthorisationResult result = acquirer.authorise(authorisation(REFERENCE, TestCards.AUTHORISED));


    assertThat(result.outcome()).isEqualTo(Outcome.UNKNOWN);
    assertThat(result.message()).isNotBlank();
    assertOneRequest();
  }

  @Test
  void isNotProcessedWhenTheConnectionIsRefused() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    try (Acquirer refused = acquirer(Map.of("baseUrl", "http://127.0.0.1:" + closedPort))) {
      AuthorisationResult result =
          refused.authorise(authorisation(REFERENCE, TestCards.AUTHORISED));


      assertThat(result.outcome()).isEqualTo(Outcome.NOT_PROCESSED);
      assertThat(result.message()).contains("could not connect").contains("nothing was sent");
    }
  }

  @Test
  void isNotProcessedWhenTheBankHostIsUnknown() {
    try (Acquirer lost = acquirer(Map.of("baseUrl", "http://piggy-bank.invalid"))) {
      AuthorisationResult result = lost.authorise(authorisation(REFERENCE, TestCards.AUTHORISED));


      assertThat(result.outcome()).isEqualTo(Outcome.NOT_PROCESSED);
      assertThat(result.message()).contains("nothing was sent");
    }
  }

  @Test
  void sendsNoMoreThanMaxConnectionsAtOnceAndFailsTheRestUnsentAtTheirDeadline()
      throws Exception {
    bankAnswers(json(200, AUTHORISED_ANSWER).withFixedDelay(1_500));
    try (Acquirer single = acquirer(Map.of("maxConnections", "1", "readTimeout", "5s"))) {
      CountDownLatch firstSent = new CountDownLatch(1);
      CompletableFuture<AuthorisationResult> first = CompletableFuture.supplyAsync(() -> {
        firstSent.countDown();
        return single.authorise(authorisation(REFERENCE, TestCards.AUTHORISED));
      });
      firstSent.await();
      org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5))
          .until(() -> bank.getAllServeEvents().size() == 1);

      AuthorisationResult second = single.authorise(authorisation(
          "pay-2", TestCards.AUTHORISED, Instant.now().plusMillis(300)));


      assertThat(second.outcome()).isEqualTo(Outcome.NOT_PROCESSED);
      assertThat(second.message()).contains("maxConnections=1");
      assertThat(first.get(10, TimeUnit.SECONDS).outcome()).isEqualTo(Outcome.AUTHORISED);
    }
    assertOneRequest();
  }

  @Test
  void isNotProcessedOnceClosed() {
    bankAnswers(json(200, AUTHORISED_ANSWER));
    acquirer.close();

    AuthorisationResult result = acquirer.authorise(authorisation(REFERENCE, TestCards.AUTHORISED));


    assertThat(result.outcome()).isEqualTo(Outcome.NOT_PROCESSED);
    assertThat(bank.getAllServeEvents()).isEmpty();
  }
}
