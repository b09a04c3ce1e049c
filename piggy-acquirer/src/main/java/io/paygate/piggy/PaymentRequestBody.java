package io.paygate.piggy;

import com.squareup.moshi.JsonWriter;
import io.paygate.acquirer.spi.AuthorisationRequest;
import io.paygate.acquirer.spi.Card;
import java.io.IOException;
import java.io.UncheckedIOException;
import okio.Buffer;

/**
 * The JSON body of {@code POST /payments}. It holds the card data, so it never shows it:
 * {@link #toString()} names the payment only.
 *
 * <p>It is one-shot on purpose ({@link OneShotJsonBody}): a payment goes out once per
 * {@code authorise} call, whatever the bank answers.
 */
final class PaymentRequestBody extends OneShotJsonBody {
  private final String reference;

  PaymentRequestBody(AuthorisationRequest request) {
    super(write(request));
    this.reference = request.paymentReference();
  }

  private static byte[] write(AuthorisationRequest request) {
    Card card = request.card();
    Buffer buffer = new Buffer();
    try (JsonWriter json = JsonWriter.of(buffer)) {
      json.beginObject();
      json.name("reference").value(request.paymentReference());
      json.name("merchantId").value(request.merchantId());
      json.name("cardNumber").value(card.number());
      json.name("cvv").value(card.cvv());
      json.name("expiryMonth").value(card.expiryMonth());
      json.name("expiryYear").value(card.expiryYear());
      json.name("cardHolderName").value(card.holderName());
      json.name("amount").value(request.amountMinor());
      json.name("currency").value(request.currency().getCurrencyCode());
      json.endObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a Buffer does not fail
    }
    return buffer.readByteArray();
  }

  @Override
  public String toString() {
    return "PaymentRequestBody{reference=" + reference + "}";
  }
}
