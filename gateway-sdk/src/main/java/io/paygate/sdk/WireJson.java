package io.paygate.sdk;

import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import io.paygate.sdk.internal.IsoInstant;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import okio.Buffer;
import okio.ByteString;
import org.jetbrains.annotations.Nullable;

/**
 * The JSON of the REST API, read and written by hand with Moshi's streaming API: no reflection,
 * exact decimals (an amount is never a double, not even for a moment), and response keys matched
 * in any case, as the gateway matches request keys.
 */
final class WireJson {
  /**
   * A payment's keys as the gateway writes them, matched on the raw bytes without making a string;
   * a key in another case falls back to {@link #PAYMENT_KEYS_LOWER} by its lower-case name.
   */
  private static final JsonReader.Options PAYMENT_KEYS = JsonReader.Options.of(
      "id", "merchantId", "status", "cardHolderName", "cardNumber", "expiryMonth", "expiryYear",
      "amount", "currency", "createdAt", "processedAt", "processed", "acquirer", "acquirerStatus",
      "acquirerReference", "errorCode");
  private static final String[] PAYMENT_KEYS_LOWER = lowerCase(PAYMENT_KEYS);

  private WireJson() {
  }

  static byte[] paymentRequest(PaymentRequest request) {
    return write(writer -> {
      writer.beginObject();
      writer.name("cardnumber").value(request.cardNumber());
      writer.name("cvv").value(request.cvv());
      writer.name("expirymonth").value(request.expiryMonth());
      writer.name("expiryyear").value(request.expiryYear());
      writer.name("amount").value(request.amount().amount());
      writer.name("currency").value(request.amount().currency().getCurrencyCode());
      writer.name("cardholdername").value(request.cardHolderName());
      writer.endObject();
    });
  }

  /** {@code {"amount": 1250, "currency": "EUR"}}: an operation's amount, in minor units. */
  static byte[] minorUnits(Money amount) {
    return write(w -> {
      w.beginObject();
      w.name("amount").value(amount.minorUnits());
      w.name("currency").value(amount.currency().getCurrencyCode());
      w.endObject();
    });
  }

  static byte[] login(String login, String password) {
    return write(writer -> {
      writer.beginObject();
      writer.name("login").value(login);
      writer.name("password").value(password);
      writer.endObject();
    });
  }

  static byte[] refresh(String refreshToken) {
    return write(writer -> {
      writer.beginObject();
      writer.name("refreshToken").value(refreshToken);
      writer.endObject();
    });
  }

  static Payment payment(ByteString json, @Nullable String requestId, boolean replayed) throws IOException {
    JsonReader reader = reader(json);
    Payment payment = readPayment(reader, requestId, replayed);
    requireEnd(reader);
    return payment;
  }

  static List<Payment> payments(ByteString json, @Nullable String requestId) throws IOException {
    JsonReader reader = reader(json);
    List<Payment> payments = new ArrayList<>();
    reader.beginArray();
    while (reader.hasNext()) payments.add(readPayment(reader, requestId, false));
    reader.endArray();
    requireEnd(reader);
    return payments;
  }

  static Tokens tokens(ByteString json) throws IOException {
    JsonReader reader = reader(json);
    String token = null;
    Instant expires = null;
    String refreshToken = null;
    Instant refreshExpires = null;
    reader.beginObject();
    while (reader.hasNext()) {
      switch (reader.nextName().toLowerCase(Locale.ROOT)) {
        case "token": token = string(reader); break;
        case "expires": expires = instant(reader); break;
        case "refreshtoken": refreshToken = string(reader); break;
        case "refreshexpires": refreshExpires = instant(reader); break;
        default: reader.skipValue();
      }
    }
    reader.endObject();
    if (token == null || token.isEmpty()) throw new JsonDataException("no token in the answer");
    return new Tokens(token, expires, refreshToken, refreshExpires);
  }

  /** Reads a problem body; anything unreadable is an empty problem, never an error of its own. */
  static Problem problem(ByteString json) {
    if (json.size() == 0 || json.utf8().isBlank()) return Problem.NONE;
    try {
      JsonReader reader = reader(json);
      String type = null;
      String title = null;
      String detail = null;
      String requestId = null;
      List<FieldError> errors = new ArrayList<>();
      reader.beginObject();
      while (reader.hasNext()) {
        switch (reader.nextName().toLowerCase(Locale.ROOT)) {
          case "type": type = string(reader); break;
          case "title": title = string(reader); break;
          case "detail": detail = string(reader); break;
          case "requestid": requestId = string(reader); break;
          case "errors": readFieldErrors(reader, errors); break;
          default: reader.skipValue();
        }
      }
      reader.endObject();
      return new Problem(type, title, detail, requestId, List.copyOf(errors));
    } catch (IOException | RuntimeException e) {
      return Problem.NONE;
    }
  }

  private static void readFieldErrors(JsonReader reader, List<FieldError> errors) throws IOException {
    if (reader.peek() != JsonReader.Token.BEGIN_ARRAY) {
      reader.skipValue();
      return;
    }
    reader.beginArray();
    while (reader.hasNext()) {
      String field = null;
      String message = null;
      reader.beginObject();
      while (reader.hasNext()) {
        switch (reader.nextName().toLowerCase(Locale.ROOT)) {
          case "field": field = string(reader); break;
          case "message": message = string(reader); break;
          default: reader.skipValue();
        }
      }
      reader.endObject();
      if (field != null) errors.add(new FieldError(field, message != null ? message : "is invalid"));
    }
    reader.endArray();
  }

  private static Payment readPayment(JsonReader reader, @Nullable String requestId, boolean replayed)
      throws IOException {
    Payment.Builder payment = new Payment.Builder().requestId(requestId).replayed(replayed);
    String amount = null;
    String currency = null;
    reader.beginObject();
    while (reader.hasNext()) {
      int known = reader.selectName(PAYMENT_KEYS);
      String key = known >= 0 ? PAYMENT_KEYS_LOWER[known] : reader.nextName().toLowerCase(Locale.ROOT);
      switch (key) {
        case "id": payment.id(requireString(reader, "id")); break;
        case "merchantid": payment.merchantId(string(reader)); break;
        case "status": payment.status(status(requireString(reader, "status"))); break;
        case "cardholdername": payment.cardHolderName(string(reader)); break;
        case "cardnumber": payment.cardNumber(string(reader)); break;
        case "expirymonth": payment.expiryMonth(integer(reader)); break;
        case "expiryyear": payment.expiryYear(integer(reader)); break;
        case "amount": amount = string(reader); break;
        case "currency": currency = string(reader); break;
        case "createdat": payment.createdAt(instant(reader)); break;
        case "processedat": payment.processedAt(instant(reader)); break;
        case "processed": payment.processed(bool(reader)); break;
        case "acquirer": payment.acquirer(string(reader)); break;
        case "acquirerstatus": payment.acquirerStatus(string(reader)); break;
        case "acquirerreference": payment.acquirerReference(string(reader)); break;
        case "errorcode": payment.errorCode(string(reader)); break;
        default: reader.skipValue();
      }
    }
    reader.endObject();
    if (amount == null || currency == null) throw new JsonDataException("payment without amount or currency");
    try {
      payment.amount(Money.of(amount, currency));
      return payment.build();
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new JsonDataException("unreadable payment: " + e.getMessage(), e);
    }
  }

  private static PaymentStatus status(String name) {
    try {
      return PaymentStatus.fromWireName(name);
    } catch (IllegalArgumentException e) {
      throw new JsonDataException(e.getMessage());
    }
  }

  private static @Nullable String string(JsonReader reader) throws IOException {
    if (reader.peek() == JsonReader.Token.NULL) return reader.nextNull();
    // nextString() also reads numbers and booleans as written, which keeps amounts exact.
    if (reader.peek() == JsonReader.Token.BOOLEAN) return String.valueOf(reader.nextBoolean());
    return reader.nextString();
  }

  private static String requireString(JsonReader reader, String name) throws IOException {
    String value = string(reader);
    if (value == null) throw new JsonDataException(name + " is null");
    return value;
  }

  private static int integer(JsonReader reader) throws IOException {
    String value = string(reader);
    if (value == null) return 0;
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new JsonDataException("not an integer: " + value);
    }
  }

  private static boolean bool(JsonReader reader) throws IOException {
    String value = string(reader);
    return Boolean.parseBoolean(value);
  }

  private static @Nullable Instant instant(JsonReader reader) throws IOException {
    String value = string(reader);
    if (value == null || value.isEmpty()) return null;
    Instant utc = IsoInstant.parseUtc(value);
    if (utc != null) return utc;
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException notUtc) {
      try {
        return OffsetDateTime.parse(value).toInstant();
      } catch (DateTimeParseException e) {
        throw new JsonDataException("not an ISO 8601 instant: " + value);
      }
    }
  }

  private static JsonReader reader(ByteString json) {
    return JsonReader.of(new Buffer().write(json));
  }

  private static String[] lowerCase(JsonReader.Options options) {
    return options.strings().stream().map(k -> k.toLowerCase(Locale.ROOT)).toArray(String[]::new);
  }

  private static void requireEnd(JsonReader reader) throws IOException {
    if (reader.peek() != JsonReader.Token.END_DOCUMENT) throw new JsonDataException("trailing data");
  }

  private interface Body {
    void writeTo(JsonWriter writer) throws IOException;
  }

  private static byte[] write(Body body) {
    Buffer buffer = new Buffer();
    try (JsonWriter writer = JsonWriter.of(buffer)) {
      body.writeTo(writer);
    } catch (IOException e) {
      throw new AssertionError("writing to a memory buffer failed", e);
    }
    return buffer.readByteArray();
  }
}
