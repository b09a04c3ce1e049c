package io.paygate.sdk;

import static io.paygate.sdk.FakeGateway.json;
import static io.paygate.sdk.FakeGateway.payment;
import static io.paygate.sdk.FakeGateway.paymentJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paygate.sdk.FakeGateway.Recorded;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.CompletionException;
import mockwebserver3.MockResponse;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SubmitPaymentTest {
  private FakeGateway gateway;
  private PaygateClient client;

  @BeforeEach void setUp() throws Exception {
    gateway = new FakeGateway();
    client = gateway.client();
  }

  @AfterEach void tearDown() {
    gateway.close();
  }

  static PaymentRequest request() {
    return new PaymentRequest.Builder()
        .amount(Money.of("42.50", "EUR"))
        .cardNumber("4242 4242 4242 4242")
        .cvv("123")
        .expiryMonth(12)
        .expiryYear(2031)
        .cardHolderName("Santa Claus")
        .build();
  }

  @Test void authorisedPaymentLogsInFirstAndSendsTheContractsBody() {
    gateway.enqueue(payment("p-1", "Authorised"));

    Payment payment = client.submit(request());

    assertThat(payment.id()).isEqualTo("p-1");
    assertThat(payment.status()).isEqualTo(PaymentStatus.AUTHORISED);
    assertThat(payment.isFinal()).isTrue();
    assertThat(payment.amount()).isEqualTo(Money.of("42.50", "EUR"));
    assertThat(payment.amount().amount()).isEqualByComparingTo(new BigDecimal("42.50"));
    assertThat(payment.cardNumber()).isEqualTo("424242******4242");
    assertThat(payment.createdAt()).isEqualTo(Instant.parse("2026-11-25T22:11:30.123Z"));
    assertThat(payment.acquirer()).isEqualTo("PiggyBank");
    assertThat(payment.requestId()).startsWith("req-201-");
    assertThat(payment.replayed()).isFalse();

    assertThat(gateway.requests).extracting(r -> r.path).containsExactly("/login", "/api/process");
    Recorded sent = gateway.requestsTo("/api/process").get(0);
    assertThat(sent.method).isEqualTo("POST");
    assertThat(sent.header("Authorization")).isEqualTo("Bearer at-1");
    assertThat(sent.header("Content-Type")).startsWith("application/json");
    assertThat(sent.header("Idempotency-Key")).isNotBlank();
    // The amount is an exact JSON number with the currency's decimals, never a float's digits.
    assertThat(sent.body).isEqualTo("{\"cardnumber\":\"4242 4242 4242 4242\",\"cvv\":\"123\","
        + "\"expirymonth\":12,\"expiryyear\":2031,\"amount\":42.50,\"currency\":\"EUR\","
        + "\"cardholdername\":\"Santa Claus\"}");
  }

  @Test void everyRequestCarriesTheUserAgent() {
    gateway.enqueue(payment("p-1", "Authorised"));

    client.submit(request());

    assertThat(gateway.requests).hasSize(2).allSatisfy(r ->
        assertThat(r.header("User-Agent")).matches("paygate-java/\\S+ Java/\\d+\\S*"));
    assertThat(gateway.requests.get(0).header("User-Agent"))
        .isEqualTo("paygate-java/0.1.0-SNAPSHOT Java/" + System.getProperty("java.version"));
  }

  @Test void declineIsAResultNotAnException() {
    gateway.enqueue(payment("p-2", "Declined"));

    Payment payment = client.submit(request());

    assertThat(payment.status()).isEqualTo(PaymentStatus.DECLINED);
    assertThat(payment.errorCode()).isEqualTo("insufficient_funds");
    assertThat(gateway.apiRequests()).hasSize(1); // and never retried
  }

  @Test void failedIsAResult() {
    gateway.enqueue(payment("p-3", "Failed"));

    Payment payment = client.submit(request());

    assertThat(payment.status()).isEqualTo(PaymentStatus.FAILED);
    assertThat(payment.isFinal()).isTrue();
    assertThat(gateway.apiRequests()).hasSize(1);
  }

  @Test void unknownIsAResultThatCanBeFetchedAgain() {
    gateway.enqueue(payment("p-4", "Unknown"), json(200, paymentJson("p-4", "Authorised")));

    Payment unknown = client.submit(request());
    assertThat(unknown.status()).isEqualTo(PaymentStatus.UNKNOWN);
    assertThat(unknown.isFinal()).isFalse();
    assertThat(gateway.apiRequests()).hasSize(1); // a 202 is an answer, not a failure

    Payment later = client.refetch(unknown);
    assertThat(later.status()).isEqualTo(PaymentStatus.AUTHORISED);
    Recorded fetch = gateway.apiRequests().get(1);
    assertThat(fetch.method).isEqualTo("GET");
    assertThat(fetch.path).isEqualTo("/api/history/p-4");
  }

  @Test void replayedAnswerIsMarked() {
    gateway.enqueue(payment("p-5", "Authorised").newBuilder()
        .setHeader("Idempotent-Replayed", "true").build());

    assertThat(client.submit(request()).replayed()).isTrue();
  }

  @Test void amountIsReadExactlyWhateverItsWrittenForm() {
    gateway.enqueue(json(200, paymentJson("p-6", "Authorised").replace("42.5", "\"1234567.10\"")));

    Payment payment = client.payment("p-6");

    assertThat(payment.amount().minorUnits()).isEqualTo(123456710L);
    assertThat(payment.amount().toString()).isEqualTo("1234567.10 EUR");
  }

  @Test void unreadableAnswerIsATypedErrorWithTheKey() {
    gateway.enqueue(json(201, "<html>proxy error</html>"));

    assertThatThrownBy(() -> client.submit(request()))
        .isExactlyInstanceOf(PaygateException.class)
        .hasMessageContaining("unreadable answer")
        .satisfies(e -> {
          PaygateException error = (PaygateException) e;
          assertThat(error.httpStatus()).isEqualTo(201);
          assertThat(error.idempotencyKey()).isNotNull();
        });
  }

  @Test void paymentIdIsOnePathSegment() {
    gateway.enqueue(json(200, paymentJson("a/../b", "Authorised")));

    client.payment("a/../b");

    assertThat(gateway.apiRequests().get(0).path).isEqualTo("/api/history/a%2F..%2Fb");
  }

  @Test void asyncSubmitCompletesWithThePayment() {
    gateway.enqueue(payment("p-7", "Authorised"));

    Payment payment = client.submitAsync(request()).join();

    assertThat(payment.id()).isEqualTo("p-7");
  }

  @Test void asyncFailureCarriesTheTypedException() {
    gateway.enqueue(FakeGateway.problem(404, "not-found", "no such payment"));

    assertThatThrownBy(() -> client.paymentAsync("nope").join())
        .isInstanceOf(CompletionException.class)
        .hasCauseInstanceOf(NotFoundException.class);
  }

  @Test void baseUrlWithAPathPrefixKeepsIt() throws Exception {
    PaygateClient prefixed = gateway.clientBuilder()
        .baseUrl(gateway.server.url("/paygate").toString())
        .build();
    gateway.enqueue(payment("p-8", "Authorised"));

    // The token endpoints live under the prefix too, so the fake refuses the login there.
    assertThatThrownBy(() -> prefixed.submit(request())).isInstanceOf(AuthenticationException.class);
    assertThat(gateway.requests).extracting(r -> r.path).contains("/paygate/login");
  }

  // Answers in forms other than the gateway's usual one: the fast paths (keys matched as bytes,
  // instants read without a formatter, the body kept as bytes) read them as the general ones did.
  @Test void keysAreMatchedInAnyCase() {
    gateway.enqueue(json(200, paymentJson("p-1", "Declined")
        .replace("\"status\"", "\"STATUS\"").replace("\"createdAt\"", "\"CreatedAt\"")
        .replace("\"errorCode\"", "\"errorcode\"").replace("\"amount\"", "\"Amount\"")));

    Payment payment = client.payment("p-1");

    assertThat(payment.status()).isEqualTo(PaymentStatus.DECLINED);
    assertThat(payment.createdAt()).isEqualTo(Instant.parse("2026-11-25T22:11:30.123Z"));
    assertThat(payment.errorCode()).isEqualTo("insufficient_funds");
    assertThat(payment.amount()).isEqualTo(Money.of("42.50", "EUR"));
  }

  @Test void instantsWithAnOffsetOrInLowerCaseAreRead() {
    gateway.enqueue(json(200, paymentJson("p-2", "Authorised")
        .replace("2026-11-25T22:11:30.123Z", "2026-11-25T23:11:30.123+01:00")
        .replace("2026-11-25T22:11:31Z", "2026-11-25t22:11:31z")));

    Payment payment = client.payment("p-2");

    assertThat(payment.createdAt()).isEqualTo(Instant.parse("2026-11-25T22:11:30.123Z"));
    assertThat(payment.processedAt()).isEqualTo(Instant.parse("2026-11-25T22:11:31Z"));
  }

  @Test void aDateThatDoesNotExistIsAnUnreadableAnswer() {
    gateway.enqueue(json(200, paymentJson("p-3", "Authorised")
        .replace("2026-11-25T22:11:30.123Z", "2026-02-30T22:11:30Z")));

    assertThatThrownBy(() -> client.payment("p-3"))
        .isExactlyInstanceOf(PaygateException.class)
        .hasMessageContaining("unreadable answer")
        .hasMessageContaining("2026-02-30T22:11:30Z");
  }

  @Test void bodyInTheCharsetItDeclaresIsDecodedByIt() {
    String text = paymentJson("p-4", "Authorised").replace("Santa Claus", "Zoë Noël");
    gateway.enqueue(new MockResponse.Builder().code(200)
        .setHeader("Content-Type", "application/json; charset=iso-8859-1")
        .body(new Buffer().write(text.getBytes(StandardCharsets.ISO_8859_1)))
        .build());

    assertThat(client.payment("p-4").cardHolderName()).isEqualTo("Zoë Noël");
  }

  @Test void bodyInUtf8IsReadAsIsAndWithAByteOrderMark() {
    String text = paymentJson("p-5", "Authorised").replace("Santa Claus", "Zoë Noël");
    gateway.enqueue(
        new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json")
            .body(new Buffer().writeUtf8(text)).build(),
        new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json")
            .body(new Buffer().write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}).writeUtf8(text))
            .build());

    assertThat(client.payment("p-5").cardHolderName()).isEqualTo("Zoë Noël");
    assertThat(client.payment("p-5").cardHolderName()).isEqualTo("Zoë Noël");
  }
}
