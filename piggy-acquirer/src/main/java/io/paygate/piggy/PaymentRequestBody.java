package io.paygate.piggy;

import com.squareup.moshi.JsonWriter;
import io.paygate.acquirer.spi.AuthorisationRequest;
import io.paygate.acquirer.spi.Card;
import java.io.IOException;
import java.io.UncheckedIOException;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import okio.Buffer;
import okio.BufferedSink;

/**
 * The JSON body of {@code POST /payments}. It holds the card data, so it never shows it:
 * {@link #toString()} names the payment only.
 *
 * <p>It is one-shot on purpose. OkHttp re-sends a request after a 503 with {@code Retry-After: 0}
 * (and after a 408 or a 421) even with {@code retryOnConnectionFailure(false)}; it never re-sends a
 * one-shot body. A payment goes out once per {@code authorise} call, whatever the bank answers.
 */
final class PaymentRequestBody extends RequestBody {
  private static final MediaType JSON = MediaType.get("application/json");

  private final String reference;
  private final byte[] json;

  PaymentRequestBody(AuthorisationRequest request) {
    this.reference = request.paymentReference();
    this.json = write(request);
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
  public MediaType contentType() {
    return JSON;
  }

  @Override
  public long contentLength() {
    return json.length;
  }

  @Override
  public boolean isOneShot() {
    return true;
  }

  @Override
  public void writeTo(BufferedSink sink) throws IOException {
    sink.write(json);
  }

  @Override
  public String toString() {
    return "PaymentRequestBody{reference=" + reference + "}";
  }
}
