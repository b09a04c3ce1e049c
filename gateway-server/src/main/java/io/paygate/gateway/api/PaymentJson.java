package io.paygate.gateway.api;

import com.squareup.moshi.JsonWriter;
import io.paygate.gateway.core.Payment;
import java.io.IOException;
import java.util.List;

/** The payment resource on the wire (docs/rest-api.md). */
public final class PaymentJson implements JsonWritable {
  private final Payment p;

  public PaymentJson(Payment payment) {
    this.p = payment;
  }

  @Override
  public void writeTo(JsonWriter w) throws IOException {
    write(w, p);
  }

  static void write(JsonWriter w, Payment p) throws IOException {
    w.beginObject();
    writeFields(w, p);
    w.endObject();
  }

  /** The payment's fields, inside an object the caller opens and closes. */
  static void writeFields(JsonWriter w, Payment p) throws IOException {
    w.name("id").value(p.id().toString());
    w.name("merchantId").value(p.merchantId().toString());
    w.name("status").value(p.status().name());
    w.name("cardHolderName").value(p.cardHolderName());
    w.name("cardNumber").value(p.cardNumberMasked());
    w.name("expiryMonth").value(p.expiryMonth());
    w.name("expiryYear").value(p.expiryYear());
    w.name("amount").value(p.amount().toMajor());
    w.name("currency").value(p.amount().currency().getCurrencyCode());
    w.name("createdAt").value(p.createdAt().toString());
    w.name("processedAt").value(p.processedAt() == null ? null : p.processedAt().toString());
    w.name("processed").value(p.status().isFinal());
    w.name("acquirer").value(p.acquirer());
    w.name("acquirerStatus").value(p.acquirerStatus());
    w.name("acquirerReference").value(p.acquirerReference());
    w.name("errorCode").value(p.errorCode());
  }

  /** A list of payments, for history pages. */
  public static JsonWritable list(List<Payment> payments) {
    return w -> {
      w.beginArray();
      for (Payment p : payments) {
        write(w, p);
      }
      w.endArray();
    };
  }
}
