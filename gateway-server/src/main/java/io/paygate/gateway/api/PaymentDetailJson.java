package io.paygate.gateway.api;

import com.squareup.moshi.JsonWriter;
import io.paygate.gateway.core.Payment;
import io.paygate.gateway.core.PaymentBalance;
import io.paygate.gateway.core.PaymentOperation;
import io.paygate.gateway.payments.OperationOutcome;
import io.paygate.gateway.payments.OperationOutcome.PaymentDetail;
import java.io.IOException;
import java.util.List;

/**
 * A payment with its lifecycle on the wire (docs/rest-api.md): the payment resource's fields, the
 * totals in minor units, what remains to capture and refund, and its operations; or, answering an
 * operation, that operation with its payment.
 */
public final class PaymentDetailJson {
  private PaymentDetailJson() {}

  /** {@code GET /api/payments/{id}}. */
  public static JsonWritable of(PaymentDetail d) {
    return w -> write(w, d);
  }

  /** The answer to a capture, void or refund: the operation, and {@code payment} as it stands. */
  public static JsonWritable of(OperationOutcome o) {
    return w -> {
      w.beginObject();
      writeOperationFields(w, o.operation());
      w.name("payment");
      write(w, o.payment());
      w.endObject();
    };
  }

  /**
   * An operation with its payment as they stand after a change: a capture, void or refund
   * webhook event's {@code data}, the same shape as the REST answer to the operation.
   */
  public static JsonWritable ofOperation(PaymentOperation op, Payment p, PaymentBalance b,
      List<PaymentOperation> operations) {
    return w -> {
      w.beginObject();
      writeOperationFields(w, op);
      w.name("payment");
      write(w, p, b, operations);
      w.endObject();
    };
  }

  private static void write(JsonWriter w, PaymentDetail d) throws IOException {
    write(w, d.payment(), d.balance(), d.operations());
  }

  private static void write(JsonWriter w, Payment p, PaymentBalance b,
      List<PaymentOperation> operations) throws IOException {
    w.beginObject();
    PaymentJson.writeFields(w, p);
    w.name("amountMinor").value(p.amount().minor());
    w.name("capturedAmount").value(b.captured());
    w.name("refundedAmount").value(b.refunded());
    w.name("capturableAmount").value(b.capturable(p));
    w.name("refundableAmount").value(b.refundable(p));
    w.name("operations").beginArray();
    for (PaymentOperation op : operations) {
      w.beginObject();
      writeOperationFields(w, op);
      w.endObject();
    }
    w.endArray();
    w.endObject();
  }

  private static void writeOperationFields(JsonWriter w, PaymentOperation op) throws IOException {
    w.name("id").value(op.id().toString());
    w.name("paymentId").value(op.paymentId().toString());
    w.name("type").value(op.type().wireName());
    w.name("status").value(op.status().name());
    w.name("amount").value(op.amount().minor());
    w.name("currency").value(op.amount().currency().getCurrencyCode());
    w.name("createdAt").value(op.createdAt().toString());
    w.name("processedAt").value(op.processedAt() == null ? null : op.processedAt().toString());
    w.name("acquirerReference").value(op.acquirerReference());
    w.name("errorCode").value(op.errorCode());
  }
}
