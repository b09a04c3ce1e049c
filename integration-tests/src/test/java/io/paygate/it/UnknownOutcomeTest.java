package io.paygate.it;

import static io.paygate.it.TestCards.payment;
import static org.assertj.core.api.Assertions.assertThat;

import io.paygate.sdk.PaygateClient;
import io.paygate.sdk.Payment;
import io.paygate.sdk.PaymentStatus;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A bank that answers too late: the gateway says 202 Unknown, and the SDK a payment to look at later. */
class UnknownOutcomeTest {
  @TempDir Path dataDir;
  LiveGateway gateway;

  @AfterEach void stopGateway() {
    if (gateway != null) gateway.close();
  }

  @Test void aBankThatDoesNotAnswerInTimeGivesAnUnknownPaymentThatCanBeAskedAgain() {
    gateway = LiveGateway.start(dataDir, Map.of(
        "acquirer.timeout", "200ms", "acquirer.piggybank.simulatorDelay", "1500ms"));
    PaygateClient client = gateway.client(gateway.createMerchant()).build();
    var request = payment(TestCards.AUTHORISED, "42.50", "EUR")
        .idempotencyKey("order-" + UUID.randomUUID()).build();

    Payment unknown = client.submit(request);

    assertThat(unknown.status()).isEqualTo(PaymentStatus.UNKNOWN);
    assertThat(unknown.isFinal()).isFalse();
    // Whoever asks again, by id or by the same key, hears about the same payment, never a new one.
    assertThat(client.refetch(unknown).id()).isEqualTo(unknown.id());
    Payment again = client.submit(request);
    assertThat(again.id()).isEqualTo(unknown.id());
    assertThat(again.replayed()).isTrue();
  }
}
