package io.paygate.piggy;

import com.squareup.moshi.JsonWriter;
import io.paygate.acquirer.spi.OperationRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import okio.Buffer;

/** The JSON body of a capture, void, refund or cancel: one-shot, so it goes out once per call. */
final class OperationRequestBody extends OneShotJsonBody {
  OperationRequestBody(OperationRequest request) {
    super(write(request));
  }

  private static byte[] write(OperationRequest request) {
    Buffer buffer = new Buffer();
    try (JsonWriter json = JsonWriter.of(buffer)) {
      json.beginObject();
      json.name("reference").value(request.operationReference());
      json.name("merchantId").value(request.merchantId());
      json.name("amount").value(request.amountMinor());
      json.name("currency").value(request.currency().getCurrencyCode());
      json.endObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a Buffer does not fail
    }
    return buffer.readByteArray();
  }
}
