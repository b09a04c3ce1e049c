package io.paygate.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** {@link Webhooks#verify} against requests signed as the gateway signs them. */
class WebhooksTest {
  static final String SECRET = "whsec_0123456789abcdef0123456789abcdef";
  static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  static final Duration TOLERANCE = Duration.ofMinutes(5);
  static final String BODY = "{\"id\":\"evt_0190a1\",\"type\":\"payment.authorised\","
      + "\"createdAt\":\"2026-12-04T11:59:58.123456Z\",\"data\":{\"id\":\"0190a1b2-0000-7000-8000"
      + "-000000000001\",\"merchantId\":\"0190a1b2-0000-7000-8000-000000000002\",\"status\":"
      + "\"Authorised\",\"cardHolderName\":\"Santa Claus\",\"cardNumber\":\"411111******1111\","
      + "\"expiryMonth\":12,\"expiryYear\":2031,\"amount\":12345678901.50,\"currency\":\"EUR\","
      + "\"createdAt\":\"2026-12-04T11:59:58Z\",\"processedAt\":\"2026-12-04T11:59:58.1Z\","
      + "\"processed\":true,\"acquirer\":\"PiggyBank\",\"acquirerStatus\":\"Authorised\","
      + "\"acquirerReference\":\"pb-1\",\"errorCode\":null}}";

  static String sign(String secret, long t, String body) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return HexFormat.of().formatHex(mac.doFinal((t + "." + body)
        .getBytes(StandardCharsets.UTF_8)));
  }

  static String header(long t, String... v1) {
    StringBuilder h = new StringBuilder("t=" + t);
    for (String s : v1) {
      h.append(",v1=").append(s);
    }
    return h.toString();
  }

  @Test
  void aSignedEventVerifiesAndReadsAsATypedEvent() throws Exception {
    long t = NOW.getEpochSecond() - 2;
    WebhookEvent e = Webhooks.verify(BODY, header(t, sign(SECRET, t, BODY)), SECRET, TOLERANCE,
        CLOCK);

    assertThat(e.id()).isEqualTo("evt_0190a1");
    assertThat(e.type()).isEqualTo("payment.authorised");
    assertThat(e.createdAt()).isEqualTo(Instant.parse("2026-12-04T11:59:58.123456Z"));
    Payment p = e.payment();
    assertThat(p).isNotNull();
    assertThat(p.status()).isEqualTo(PaymentStatus.AUTHORISED);
    assertThat(p.cardNumber()).isEqualTo("411111******1111");
    // Exact: the amount never went through a double.
    assertThat(p.amount()).isEqualTo(Money.of("12345678901.50", "EUR"));
    assertThat(e.dataJson()).startsWith("{\"id\":\"0190a1b2");
  }

  @Test
  void aTamperedBodyIsRefused() throws Exception {
    long t = NOW.getEpochSecond();
    String signature = sign(SECRET, t, BODY);
    String tampered = BODY.replace("12345678901.50", "1.00");

    assertThatThrownBy(() -> Webhooks.verify(tampered, header(t, signature), SECRET, TOLERANCE,
        CLOCK)).isInstanceOf(WebhookSignatureException.class).hasMessageContaining("no signature");
  }

  @Test
  void aWrongSecretIsRefused() throws Exception {
    long t = NOW.getEpochSecond();
    assertThatThrownBy(() -> Webhooks.verify(BODY, header(t, sign("whsec_other", t, BODY)), SECRET,
        TOLERANCE, CLOCK)).isInstanceOf(WebhookSignatureException.class);
  }

  @Test
  void anOldTimestampIsRefusedAsAReplayEvenWhenCorrectlySigned() throws Exception {
    long old = NOW.getEpochSecond() - 301;
    assertThatThrownBy(() -> Webhooks.verify(BODY, header(old, sign(SECRET, old, BODY)), SECRET,
        TOLERANCE, CLOCK)).isInstanceOf(WebhookSignatureException.class)
        .hasMessageContaining("tolerance");
    long edge = NOW.getEpochSecond() - 300;
    assertThat(Webhooks.verify(BODY, header(edge, sign(SECRET, edge, BODY)), SECRET, TOLERANCE,
        CLOCK).id()).isEqualTo("evt_0190a1");
  }

  @Test
  void aTimestampMovedForwardBreaksTheSignature() throws Exception {
    long t = NOW.getEpochSecond() - 3600;
    String signature = sign(SECRET, t, BODY);
    long now = NOW.getEpochSecond();
    assertThatThrownBy(() -> Webhooks.verify(BODY, header(now, signature), SECRET, TOLERANCE,
        CLOCK)).isInstanceOf(WebhookSignatureException.class);
  }

  @Test
  void duringARotationEitherSecretVerifies() throws Exception {
    long t = NOW.getEpochSecond();
    String oldSecret = "whsec_old";
    String h = header(t, sign(SECRET, t, BODY), sign(oldSecret, t, BODY));

    assertThat(Webhooks.verify(BODY, h, SECRET, TOLERANCE, CLOCK).id()).isEqualTo("evt_0190a1");
    assertThat(Webhooks.verify(BODY, h, oldSecret, TOLERANCE, CLOCK).id())
        .isEqualTo("evt_0190a1");
    assertThatThrownBy(() -> Webhooks.verify(BODY, h, "whsec_third", TOLERANCE, CLOCK))
        .isInstanceOf(WebhookSignatureException.class);
  }

  @Test
  void missingOrMalformedHeadersAreRefused() {
    for (String bad : new String[] {null, "", "v1=abc", "t=1", "t=soon,v1=abc",
        "t=" + NOW.getEpochSecond() + ",v1=not-hex"}) {
      assertThatThrownBy(() -> Webhooks.verify(BODY, bad, SECRET, TOLERANCE, CLOCK))
          .as(bad).isInstanceOf(WebhookSignatureException.class)
          .isInstanceOf(PaygateException.class);
    }
  }

  @Test
  void aSignedBodyThatIsNotAnEventIsRefused() throws Exception {
    long t = NOW.getEpochSecond();
    String body = "{\"hello\":\"world\"}";
    assertThatThrownBy(() -> Webhooks.verify(body, header(t, sign(SECRET, t, body)), SECRET,
        TOLERANCE, CLOCK)).isInstanceOf(WebhookSignatureException.class)
        .hasMessageContaining("not a Paygate event");
  }

  @Test
  void otherEventTypesCarryTheirDataAsJsonAndNoPayment() throws Exception {
    long t = NOW.getEpochSecond();
    String body = "{\"id\":\"evt_2\",\"type\":\"dispute.opened\",\"createdAt\":"
        + "\"2026-12-04T12:00:00Z\",\"data\":{\"id\":\"d1\",\"amount\":1.00}}";
    WebhookEvent e = Webhooks.verify(body, header(t, sign(SECRET, t, body)), SECRET, TOLERANCE,
        CLOCK);
    assertThat(e.type()).isEqualTo("dispute.opened");
    assertThat(e.payment()).isNull();
    assertThat(e.operation()).isNull();
    assertThat(e.dataJson()).isEqualTo("{\"id\":\"d1\",\"amount\":1.00}");
  }

  /** A refund event as the gateway sends it: the operation with its payment. */
  static final String REFUND = "{\"id\":\"evt_3\",\"type\":\"refund.succeeded\",\"createdAt\":"
      + "\"2026-12-04T12:00:00Z\",\"data\":{\"id\":\"0190a1b2-0000-7000-8000-000000000009\","
      + "\"paymentId\":\"0190a1b2-0000-7000-8000-000000000001\",\"type\":\"refund\","
      + "\"status\":\"Succeeded\",\"amount\":400,\"currency\":\"EUR\",\"createdAt\":"
      + "\"2026-12-04T11:59:59Z\",\"processedAt\":\"2026-12-04T12:00:00Z\","
      + "\"acquirerReference\":\"pb-r1\",\"errorCode\":null,\"payment\":{"
      + BODY.substring(BODY.indexOf("\"data\":{") + 8, BODY.length() - 2)
      + ",\"amountMinor\":1234567890150,\"capturedAmount\":1000,\"refundedAmount\":400,"
      + "\"capturableAmount\":0,\"refundableAmount\":600,\"operations\":[]}}}";

  @Test
  void anOperationEventReadsAsTheOperationWithItsPayment() throws Exception {
    long t = NOW.getEpochSecond();
    WebhookEvent e = Webhooks.verify(REFUND, header(t, sign(SECRET, t, REFUND)), SECRET,
        TOLERANCE, CLOCK);
    assertThat(e.type()).isEqualTo("refund.succeeded");
    PaymentOperation op = e.operation();
    assertThat(op).isNotNull();
    assertThat(op.type()).isEqualTo(OperationType.REFUND);
    assertThat(op.status()).isEqualTo(OperationStatus.SUCCEEDED);
    assertThat(op.amount()).isEqualTo(Money.of("4.00", "EUR"));
    assertThat(op.acquirerReference()).isEqualTo("pb-r1");
    assertThat(e.paymentDetail()).isNotNull();
    assertThat(e.paymentDetail().refundable()).isEqualTo(Money.of("6.00", "EUR"));
    assertThat(e.payment()).isNotNull();
    assertThat(e.payment().cardNumber()).isEqualTo("411111******1111");
  }
}
