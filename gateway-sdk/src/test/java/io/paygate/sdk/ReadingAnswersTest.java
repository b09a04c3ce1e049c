package io.paygate.sdk;

import static io.paygate.sdk.FakeGateway.json;
import static io.paygate.sdk.FakeGateway.paymentJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import mockwebserver3.MockResponse;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * How the client reads a payment the gateway sends in forms other than its usual one: the fast
 * paths (keys matched as bytes, instants read without a formatter, the body kept as bytes) must
 * read all of them as the general ones did.
 */
class ReadingAnswersTest {
  private FakeGateway gateway;
  private PaygateClient client;

  @BeforeEach void setUp() throws Exception {
    gateway = new FakeGateway();
    client = gateway.client();
  }

  @AfterEach void tearDown() {
    gateway.close();
  }

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
