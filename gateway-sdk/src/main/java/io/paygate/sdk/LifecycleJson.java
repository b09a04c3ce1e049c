package io.paygate.sdk;

import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import okio.Buffer;
import okio.BufferedSource;
import okio.ByteString;
import org.jetbrains.annotations.Nullable;

/**
 * Reads the lifecycle answers: {@code GET /api/payments/{id}} (a payment with its totals and
 * operations) and the answer to a capture, void or refund (the operation and that payment).
 * Amounts here are whole minor units.
 */
final class LifecycleJson {
  private LifecycleJson() {}

  static PaymentDetail detail(ByteString json, @Nullable String requestId) throws IOException {
    Payment payment = WireJson.payment(json, requestId, false);
    Currency currency = payment.amount().currency();
    long captured = 0;
    long refunded = 0;
    long capturable = 0;
    long refundable = 0;
    List<PaymentOperation> operations = new ArrayList<>();
    JsonReader reader = JsonReader.of(new Buffer().write(json));
    reader.beginObject();
    while (reader.hasNext()) {
      switch (reader.nextName().toLowerCase(Locale.ROOT)) {
        case "capturedamount": captured = reader.nextLong(); break;
        case "refundedamount": refunded = reader.nextLong(); break;
        case "capturableamount": capturable = reader.nextLong(); break;
        case "refundableamount": refundable = reader.nextLong(); break;
        case "operations":
          reader.beginArray();
          while (reader.hasNext()) {
            operations.add(operation(reader));
          }
          reader.endArray();
          break;
        default: reader.skipValue();
      }
    }
    reader.endObject();
    return new PaymentDetail(payment, Money.ofMinor(captured, currency),
        Money.ofMinor(refunded, currency), Money.ofMinor(capturable, currency),
        Money.ofMinor(refundable, currency), operations);
  }

  static OperationResult result(ByteString json, @Nullable String requestId, boolean replayed,
      String idempotencyKey) throws IOException {
    JsonReader reader = JsonReader.of(new Buffer().write(json));
    PaymentOperation operation = null;
    PaymentDetail payment = null;
    // The operation's fields and the nested payment, in one pass.
    Buffer operationJson = new Buffer();
    com.squareup.moshi.JsonWriter writer = com.squareup.moshi.JsonWriter.of(operationJson);
    writer.beginObject();
    reader.beginObject();
    while (reader.hasNext()) {
      String name = reader.nextName();
      if (name.equalsIgnoreCase("payment")) {
        try (BufferedSource nested = reader.nextSource()) {
          payment = detail(nested.readByteString(), requestId);
        }
      } else {
        writer.name(name);
        try (BufferedSource value = reader.nextSource()) {
          writer.value(value);
        }
      }
    }
    reader.endObject();
    writer.endObject();
    writer.close();
    JsonReader opReader = JsonReader.of(operationJson);
    operation = operation(opReader);
    if (payment == null) throw new JsonDataException("an operation's answer without its payment");
    return new OperationResult(operation, payment, replayed, idempotencyKey);
  }

  private static PaymentOperation operation(JsonReader reader) throws IOException {
    PaymentOperation.Builder op = new PaymentOperation.Builder();
    Long amount = null;
    String currency = null;
    reader.beginObject();
    while (reader.hasNext()) {
      switch (reader.nextName().toLowerCase(Locale.ROOT)) {
        case "id": op.id(reader.nextString()); break;
        case "paymentid": op.paymentId(reader.nextString()); break;
        case "type": op.type(OperationType.fromWireName(reader.nextString())); break;
        case "status": op.status(OperationStatus.fromWireName(reader.nextString())); break;
        case "amount": amount = reader.nextLong(); break;
        case "currency": currency = reader.nextString(); break;
        case "createdat": op.createdAt(instant(reader)); break;
        case "processedat": op.processedAt(instant(reader)); break;
        case "acquirerreference": op.acquirerReference(nullableString(reader)); break;
        case "errorcode": op.errorCode(nullableString(reader)); break;
        default: reader.skipValue();
      }
    }
    reader.endObject();
    if (amount == null || currency == null) throw new JsonDataException("operation without amount");
    try {
      return op.amount(Money.ofMinor(amount, Currency.getInstance(currency))).build();
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new JsonDataException("unreadable operation: " + e.getMessage(), e);
    }
  }

  private static @Nullable String nullableString(JsonReader reader) throws IOException {
    return reader.peek() == JsonReader.Token.NULL ? reader.nextNull() : reader.nextString();
  }

  private static @Nullable Instant instant(JsonReader reader) throws IOException {
    String value = nullableString(reader);
    try {
      return value == null ? null : Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw new JsonDataException("not an ISO 8601 instant: " + value);
    }
  }
}
