package io.paygate.piggy.simulator;

import com.squareup.moshi.JsonWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import okio.Buffer;

/** The bank's JSON answers, written by hand so that field order and types are exactly the API's. */
final class SimulatorJson {
  static final byte[] HEALTHY = bytes("{\"status\":\"UP\"}");
  static final byte[] UNAVAILABLE = error("unavailable", null);
  static final byte[] NOT_FOUND = error("not_found", null);
  static final byte[] UNKNOWN_PATH = error("unknown_path", null);
  static final byte[] METHOD_NOT_ALLOWED = error("method_not_allowed", null);
  static final byte[] TOO_LARGE = error("too_large", null);

  private SimulatorJson() {}

  /** The answer to a payment, the same for its first request, replays and look-ups. */
  static byte[] answer(PaymentRecord r) {
    Buffer buffer = new Buffer();
    try (JsonWriter json = JsonWriter.of(buffer)) {
      json.beginObject();
      json.name("reference").value(r.reference());
      json.name("status").value(r.status());
      if (r.verdict().declines()) {
        json.name("reason").value(r.verdict().reason());
        json.name("message").value(r.verdict().message());
      } else {
        json.name("bankReference").value(r.bankReference());
        json.name("authorisationCode").value(r.authorisationCode());
      }
      json.name("amount").value(r.amount());
      json.name("currency").value(r.currency());
      json.endObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a Buffer does not fail
    }
    return buffer.readByteArray();
  }

  /** The answer to an operation, the same for its first request, replays and look-ups. */
  static byte[] operation(OperationRecord r) {
    Buffer buffer = new Buffer();
    try (JsonWriter json = JsonWriter.of(buffer)) {
      writeOperation(json, r);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return buffer.readByteArray();
  }

  /** Every operation, for {@code GET /operations}, with how many requests carried each. */
  static byte[] operations(List<OperationRecord> records) {
    Buffer buffer = new Buffer();
    try (JsonWriter json = JsonWriter.of(buffer)) {
      json.beginArray();
      for (OperationRecord r : records) {
        writeOperation(json, r);
      }
      json.endArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return buffer.readByteArray();
  }

  private static void writeOperation(JsonWriter json, OperationRecord r) throws IOException {
    json.beginObject();
    json.name("reference").value(r.reference());
    json.name("paymentReference").value(r.paymentReference());
    json.name("type").value(r.type());
    json.name("status").value(r.status());
    if (r.isDone()) {
      json.name("bankReference").value(r.bankReference());
    } else {
      json.name("reason").value(r.reason());
    }
    json.name("amount").value(r.amount());
    json.name("currency").value(r.currency());
    json.name("attempts").value(r.attempts().get());
    json.name("createdAt").value(r.createdAt().toString());
    json.endObject();
  }

  /** Every record, for {@code GET /payments}. */
  static byte[] ledger(List<PaymentRecord> records) {
    Buffer buffer = new Buffer();
    try (JsonWriter json = JsonWriter.of(buffer)) {
      json.beginArray();
      for (PaymentRecord r : records) {
        json.beginObject();
        json.name("reference").value(r.reference());
        json.name("status").value(r.status());
        if (r.verdict().declines()) {
          json.name("reason").value(r.verdict().reason());
        }
        json.name("amount").value(r.amount());
        json.name("currency").value(r.currency());
        json.name("merchantId").value(r.merchantId());
        json.name("card").value(r.maskedCard());
        json.name("attempts").value(r.attempts());
        json.name("createdAt").value(r.createdAt().toString());
        json.endObject();
      }
      json.endArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return buffer.readByteArray();
  }

  /** {@code {"error": error, "field": field}}, without the field when it is null. */
  static byte[] error(String error, String field) {
    Buffer buffer = new Buffer();
    try (JsonWriter json = JsonWriter.of(buffer)) {
      json.beginObject();
      json.name("error").value(error);
      if (field != null) {
        json.name("field").value(field);
      }
      json.endObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return buffer.readByteArray();
  }

  private static byte[] bytes(String json) {
    return json.getBytes(StandardCharsets.UTF_8);
  }
}
