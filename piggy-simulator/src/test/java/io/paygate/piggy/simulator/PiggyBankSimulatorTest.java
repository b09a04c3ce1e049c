package io.paygate.piggy.simulator;

import static io.paygate.piggy.simulator.SimulatorClient.payment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paygate.piggy.TestCards;
import io.paygate.piggy.simulator.SimulatorClient.Reply;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The simulator's API rules, over real HTTP. */
class PiggyBankSimulatorTest {
  private static PiggyBankSimulator bank;
  private static SimulatorClient client;

  @BeforeAll
  static void start() {
    bank = new PiggyBankSimulator().start("127.0.0.1", 0);
    client = new SimulatorClient(bank.baseUrl());
  }

  @AfterAll
  static void stop() {
    bank.close();
  }

  private static String newReference() {
    return UUID.randomUUID().toString();
  }

  @ParameterizedTest
  @ValueSource(strings = {TestCards.AUTHORISED, TestCards.AUTHORISED_TOO})
  void authorisesCardsEndingInAnOddDigit(String card) {
    String reference = newReference();

    Reply reply = client.post(payment(reference, card));

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.contentType()).isEqualTo("application/json");
    Map<String, Object> answer = reply.json();
    assertThat(answer).containsOnlyKeys(
        "reference", "status", "bankReference", "authorisationCode", "amount", "currency");
    assertThat(answer).containsEntry("reference", reference)
        .containsEntry("status", "AUTHORISED")
        .containsEntry("amount", 4250.0)
        .containsEntry("currency", "EUR");
    assertThat((String) answer.get("bankReference")).startsWith("piggy-");
    UUID.fromString(((String) answer.get("bankReference")).substring("piggy-".length()));
    assertThat((String) answer.get("authorisationCode")).matches("[A-Z0-9]{6}");
  }

  @ParameterizedTest
  @CsvSource({
    TestCards.INSUFFICIENT_FUNDS + ", insufficient_funds, Insufficient funds",
    TestCards.DO_NOT_HONOUR + ", do_not_honour, Do not honour",
    TestCards.EXPIRED_CARD + ", expired_card, Expired card",
    TestCards.SUSPECTED_FRAUD + ", suspected_fraud, Suspected fraud"
  })
  void declinesCardsEndingInAnEvenDigitWithTheReasonOfThatDigit(
      String card, String reason, String message) {
    String reference = newReference();

    Reply reply = client.post(payment(reference, card));

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json()).containsOnlyKeys(
            "reference", "status", "reason", "message", "amount", "currency")
        .containsEntry("reference", reference)
        .containsEntry("status", "DECLINED")
        .containsEntry("reason", reason)
        .containsEntry("message", message)
        .containsEntry("amount", 4250.0)
        .containsEntry("currency", "EUR");
  }

  @Test
  void isUnavailableForCardsEndingInZeroAndRecordsNothingSoARetryIsProcessedAfresh() {
    String reference = newReference();

    Reply unavailable = client.post(payment(reference, TestCards.UNAVAILABLE));

    assertThat(unavailable.status()).isEqualTo(503);
    assertThat(unavailable.json()).isEqualTo(Map.of("error", "unavailable"));
    assertThat(client.get("/payments/" + reference).status()).isEqualTo(404);

    Reply retry = client.post(payment(reference, TestCards.AUTHORISED));
    assertThat(retry.status()).isEqualTo(200);
    assertThat(retry.json()).containsEntry("status", "AUTHORISED");
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "reference", "merchantId", "cardNumber", "cvv", "expiryMonth", "expiryYear",
    "cardHolderName", "amount", "currency"
  })
  void rejectsAMissingFieldAndRecordsNothing(String field) {
    Map<String, Object> body = payment(newReference(), TestCards.AUTHORISED);
    body.remove(field);

    assertRejected(body, "missing_field", field);
  }

  @ParameterizedTest
  @ValueSource(strings = {"reference", "merchantId", "cardNumber", "cvv", "cardHolderName",
      "currency"})
  void rejectsABlankOrNullFieldAsMissing(String field) {
    Map<String, Object> blank = payment(newReference(), TestCards.AUTHORISED);
    blank.put(field, "  ");
    assertRejected(blank, "missing_field", field);

    String withNull = SimulatorClient.json(payment(newReference(), TestCards.AUTHORISED))
        .replaceFirst("\"" + field + "\":\"[^\"]*\"", "\"" + field + "\":null");
    Reply reply = client.post(withNull);
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.json()).isEqualTo(Map.of("error", "missing_field", "field", field));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "reference      | 42",
    "merchantId     | true",
    "cardNumber     | 4111111111111111",
    "cardNumber     | \"4111-1111-1111-1111\"",
    "cardNumber     | \"41111111111\"",
    "cvv            | 123",
    "cvv            | \"12\"",
    "expiryMonth    | \"12\"",
    "expiryMonth    | 13",
    "expiryMonth    | 0",
    "expiryYear     | 30",
    "expiryYear     | 2030.5",
    "cardHolderName | {}",
    "amount         | \"4250\"",
    "amount         | 42.50",
    "amount         | 4250.0",
    "amount         | 1e3",
    "amount         | 0",
    "amount         | -5",
    "amount         | 99999999999999999999",
    "currency       | \"eur\"",
    "currency       | \"XYZ\"",
    "currency       | [\"EUR\"]"
  })
  void rejectsAFieldOfTheWrongTypeOrOutOfRange(String field, String json) {
    String body = SimulatorClient.json(payment(newReference(), TestCards.AUTHORISED));
    body = body.substring(0, body.length() - 1) + ",\"" + field + "\":" + json + "}";

    Reply reply = client.post(body);

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.json()).isEqualTo(Map.of("error", "invalid_field", "field", field));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "not json", "{\"reference\":", "[]", "\"text\"",
      "{\"reference\":\"r\"} trailing"})
  void rejectsABodyThatIsNotAJsonObject(String body) {
    Reply reply = client.post(body);

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.json()).isEqualTo(Map.of("error", "invalid_json"));
  }

  @Test
  void rejectsABodyLargerThanItAccepts() {
    Reply reply = client.post("{\"padding\":\"" + "x".repeat(20_000) + "\"}");

    assertThat(reply.status()).isEqualTo(413);
    assertThat(reply.json()).isEqualTo(Map.of("error", "too_large"));
  }

  @Test
  void reportsTheFirstBadFieldInTheApiOrder() {
    Map<String, Object> body = payment(newReference(), TestCards.AUTHORISED);
    body.remove("currency");
    body.put("cvv", "x");

    assertRejected(body, "invalid_field", "cvv");
  }

  @Test
  void ignoresFieldsItDoesNotKnow() {
    Map<String, Object> body = payment(newReference(), TestCards.AUTHORISED);
    body.put("note", Map.of("any", List.of(1, 2)));

    assertThat(client.post(body).status()).isEqualTo(200);
  }

  @Test
  void answersAReplayWithTheFirstAnswerUnchangedAndCountsTheAttempt() {
    String reference = newReference();
    Reply first = client.post(payment(reference, TestCards.AUTHORISED));

    Reply second = client.post(payment(reference, TestCards.AUTHORISED));
    Reply withAnotherCard = client.post(payment(reference, TestCards.INSUFFICIENT_FUNDS));

    assertThat(second.status()).isEqualTo(200);
    assertThat(second.body()).isEqualTo(first.body());
    assertThat(withAnotherCard.body()).isEqualTo(first.body());
    assertThat(recordOf(reference)).containsEntry("attempts", 3.0);
  }

  @Test
  void givesEveryPaymentAFreshAuthorisationCodeAndBankReference() {
    Map<String, Object> one = client.post(payment(newReference(), TestCards.AUTHORISED)).json();
    Map<String, Object> two = client.post(payment(newReference(), TestCards.AUTHORISED)).json();

    assertThat(one.get("bankReference")).isNotEqualTo(two.get("bankReference"));
    assertThat(one.get("authorisationCode")).isNotEqualTo(two.get("authorisationCode"));
  }

  @Test
  void looksAPaymentUpWithItsFirstAnswer() {
    String authorised = newReference();
    String declined = newReference();
    Reply authorisation = client.post(payment(authorised, TestCards.AUTHORISED));
    Reply decline = client.post(payment(declined, TestCards.DO_NOT_HONOUR));

    Reply lookUp = client.get("/payments/" + authorised);
    Reply declinedLookUp = client.get("/payments/" + declined);

    assertThat(lookUp.status()).isEqualTo(200);
    assertThat(lookUp.body()).isEqualTo(authorisation.body());
    assertThat(declinedLookUp.body()).isEqualTo(decline.body());
    assertThat(recordOf(authorised)).containsEntry("attempts", 1.0);
  }

  @Test
  void answersNotFoundForAnUnknownReference() {
    Reply reply = client.get("/payments/" + newReference());

    assertThat(reply.status()).isEqualTo(404);
    assertThat(reply.json()).isEqualTo(Map.of("error", "not_found"));
  }

  @Test
  void listsEveryRecordInTheLedgerWithTheMaskedCardOnly() {
    String reference = newReference();
    Instant before = Instant.now();
    Map<String, Object> body = payment(reference, TestCards.SUSPECTED_FRAUD);
    body.put("merchantId", "merchant-ledger");
    body.put("cvv", "9731");
    client.post(body);

    Map<String, Object> record = recordOf(reference);

    assertThat(record).containsOnlyKeys("reference", "status", "reason", "amount", "currency",
            "merchantId", "card", "attempts", "createdAt")
        .containsEntry("status", "DECLINED")
        .containsEntry("reason", "suspected_fraud")
        .containsEntry("amount", 4250.0)
        .containsEntry("currency", "EUR")
        .containsEntry("merchantId", "merchant-ledger")
        .containsEntry("card", "400000******0028")
        .containsEntry("attempts", 1.0);
    assertThat(Instant.parse((String) record.get("createdAt"))).isAfterOrEqualTo(before);
    String ledger = client.get("/payments").body();
    assertThat(ledger).doesNotContain(TestCards.SUSPECTED_FRAUD).doesNotContain("9731");
  }

  @Test
  void answersHealthChecks() {
    Reply reply = client.get("/health");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json()).isEqualTo(Map.of("status", "UP"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"/", "/pay", "/payments/a/b", "/payments/", "/health/x"})
  void answersNotFoundForAnUnknownPath(String path) {
    assertThat(client.get(path).status()).isEqualTo(404);
  }

  @ParameterizedTest
  @CsvSource({
    "PUT, /payments, 'GET, POST'",
    "DELETE, /payments, 'GET, POST'",
    "POST, /payments/abc, GET",
    "DELETE, /payments/abc, GET",
    "POST, /health, GET"
  })
  void answersMethodNotAllowedWithTheAllowedMethods(String method, String path, String allow) {
    Reply reply = client.send(method, path);

    assertThat(reply.status()).isEqualTo(405);
    assertThat(reply.allow()).isEqualTo(allow);
  }

  @Test
  void keepsItsPaymentsAcrossARestartOnAFreshPort() {
    try (PiggyBankSimulator restarted = new PiggyBankSimulator().start("127.0.0.1", 0)) {
      String reference = newReference();
      String first = new SimulatorClient(restarted.baseUrl())
          .post(payment(reference, TestCards.AUTHORISED)).body();
      restarted.stop();
      restarted.start("127.0.0.1", 0);

      assertThat(new SimulatorClient(restarted.baseUrl()).get("/payments/" + reference).body())
          .isEqualTo(first);
    }
  }

  @Test
  void refusesToStartTwiceOrToReportAnAddressWhenStopped() {
    PiggyBankSimulator stopped = new PiggyBankSimulator();
    assertThatThrownBy(stopped::port).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> bank.start("127.0.0.1", 0))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> new PiggyBankSimulator(java.time.Duration.ofMillis(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void failsToStartOnAPortInUse() {
    assertThatThrownBy(() -> new PiggyBankSimulator().start("127.0.0.1", bank.port()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(String.valueOf(bank.port()));
  }

  private static void assertRejected(Map<String, Object> body, String error, String field) {
    Reply reply = client.post(body);
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.json()).isEqualTo(Map.of("error", error, "field", field));
    Object reference = body.get("reference");
    if (reference instanceof String && !((String) reference).isBlank()) {
      assertThat(client.get("/payments/" + reference).status()).isEqualTo(404);
    }
  }

  private static Map<String, Object> recordOf(String reference) {
    return client.ledger().stream()
        .filter(r -> reference.equals(r.get("reference")))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no record of " + reference));
  }
}
