package io.paygate.piggy;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.paygate.piggy.Payments.lookUp;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import io.paygate.acquirer.spi.Acquirer;
import io.paygate.acquirer.spi.AcquirerSettings;
import io.paygate.acquirer.spi.StatusResult;
import io.paygate.acquirer.spi.StatusResult.Outcome;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code status} against a bank played by WireMock. */
class PiggyBankStatusTest {
  /** The bank, a WireMock server started once for the class (the extension starts and stops it). */
  @RegisterExtension
  static final WireMockExtension bank = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort()).build();
  private Acquirer acquirer;

  @BeforeEach
  void createAcquirer() {
    bank.resetAll();
    // Generous: a loaded CI machine must not turn a plain answer into a timeout.
    acquirer = acquirerWithReadTimeout("5s");
  }

  private static Acquirer acquirerWithReadTimeout(String readTimeout) {
    return new PiggyBankAcquirerProvider().create(new AcquirerSettings("PiggyBank",
        Map.of("baseUrl", bank.baseUrl(), "readTimeout", readTimeout)));
  }

  @AfterEach
  void closeAcquirer() {
    acquirer.close();
  }

  private static void bankAnswers(String reference, ResponseDefinitionBuilder response) {
    bank.stubFor(get(urlEqualTo("/payments/" + reference)).willReturn(response));
  }

  private static ResponseDefinitionBuilder json(int status, String body) {
    return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
        .withBody(body);
  }

  @Test
  void findsAnAuthorisedPaymentWithTheAmountAndCurrencyTheBankRecorded() {
    bankAnswers("pay-1", json(200, "{\"reference\":\"pay-1\",\"status\":\"AUTHORISED\","
        + "\"bankReference\":\"piggy-42\",\"authorisationCode\":\"Z9Y8X7\","
        + "\"amount\":9999,\"currency\":\"GBP\"}"));

    StatusResult result = acquirer.status(lookUp("pay-1"));

    assertThat(result.outcome()).isEqualTo(Outcome.AUTHORISED);
    assertThat(result.bankReference()).isEqualTo("piggy-42");
    assertThat(result.authorisationCode()).isEqualTo("Z9Y8X7");
    assertThat(result.amountMinor()).isEqualTo(9999L);
    assertThat(result.currency()).isEqualTo(Currency.getInstance("GBP"));
    bank.verify(1, getRequestedFor(urlEqualTo("/payments/pay-1")));
  }

  @Test
  void findsADeclinedPaymentWithItsReason() {
    bankAnswers("pay-1", json(200, "{\"reference\":\"pay-1\",\"status\":\"DECLINED\","
        + "\"reason\":\"expired_card\",\"message\":\"Expired card\",\"amount\":4250,"
        + "\"currency\":\"EUR\"}"));

    StatusResult result = acquirer.status(lookUp("pay-1"));

    assertThat(result.outcome()).isEqualTo(Outcome.DECLINED);
    assertThat(result.reasonCode()).isEqualTo("expired_card");
    assertThat(result.message()).isEqualTo("Expired card");
  }

  @Test
  void encodesTheReferenceAsOnePathSegment() {
    bankAnswers("a%2Fb%20c", json(404, "{\"error\":\"not_found\"}"));

    StatusResult result = acquirer.status(lookUp("a/b c"));

    assertThat(result.outcome()).isEqualTo(Outcome.NOT_FOUND);
    bank.verify(1, getRequestedFor(urlEqualTo("/payments/a%2Fb%20c")));
  }

  @Test
  void isNotFoundOnlyWhenTheBankSaysSo() {
    bankAnswers("pay-1", json(404, "{\"error\":\"not_found\"}"));

    assertThat(acquirer.status(lookUp("pay-1")).outcome()).isEqualTo(Outcome.NOT_FOUND);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "<html>Not Found</html>", "{\"error\":\"unknown_path\"}"})
  void isUnknownOnA404ThatIsNotTheBanksNotFound(String body) {
    // A proxy or a wrong base URL answers 404 too; that proves nothing about the payment.
    bankAnswers("pay-1", aResponse().withStatus(404).withBody(body));

    StatusResult result = acquirer.status(lookUp("pay-1"));

    assertThat(result.outcome()).isEqualTo(Outcome.UNKNOWN);
  }

  @ParameterizedTest
  @ValueSource(ints = {500, 502, 503, 504, 400, 401, 302})
  void isUnknownOnAnyOtherStatus(int status) {
    bankAnswers("pay-1", json(status, "{\"error\":\"whatever\"}"));

    StatusResult result = acquirer.status(lookUp("pay-1"));

    assertThat(result.outcome()).isEqualTo(Outcome.UNKNOWN);
    assertThat(result.message()).contains(String.valueOf(status));
  }

  @Test
  void isUnknownWhenTheAnswerDoesNotComeInTime() {
    bankAnswers("pay-1", json(404, "{\"error\":\"not_found\"}").withFixedDelay(8_000));
    long started = System.nanoTime();

    StatusResult result;
    try (Acquirer impatient = acquirerWithReadTimeout("1s")) {
      result = impatient.status(lookUp("pay-1"));
    }

    assertThat(result.outcome()).isEqualTo(Outcome.UNKNOWN);
    // It gave up on its own timeout, long before the bank would have answered.
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(6));
  }

  @Test
  void isUnknownWithoutAskingWhenTheDeadlineHasPassed() {
    StatusResult result = acquirer.status(lookUp("pay-1", Instant.now().minusMillis(1)));

    assertThat(result.outcome()).isEqualTo(Outcome.UNKNOWN);
    assertThat(bank.getAllServeEvents()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "",
    "garbage",
    "{\"reference\":\"pay-2\",\"status\":\"AUTHORISED\",\"authorisationCode\":\"A\","
        + "\"amount\":1,\"currency\":\"EUR\"}",
    "{\"reference\":\"pay-1\",\"status\":\"AUTHORISED\",\"amount\":1,\"currency\":\"EUR\"}",
    "{\"reference\":\"pay-1\",\"status\":\"AUTHORISED\",\"authorisationCode\":\"A\","
        + "\"currency\":\"EUR\"}",
    "{\"reference\":\"pay-1\",\"status\":\"AUTHORISED\",\"authorisationCode\":\"A\","
        + "\"amount\":1,\"currency\":\"ZZZ\"}",
    "{\"reference\":\"pay-1\",\"status\":\"DECLINED\"}",
    "{\"reference\":\"pay-1\",\"status\":\"REFUNDED\"}"
  })
  void isUnknownWhenA200AnswerIsUnreadableOrIncomplete(String body) {
    bankAnswers("pay-1", json(200, body));

    assertThat(acquirer.status(lookUp("pay-1")).outcome()).isEqualTo(Outcome.UNKNOWN);
  }

  @Test
  void isUnknownWhenTheConnectionFails() {
    bankAnswers("pay-1", aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));

    assertThat(acquirer.status(lookUp("pay-1")).outcome()).isEqualTo(Outcome.UNKNOWN);
  }
}
