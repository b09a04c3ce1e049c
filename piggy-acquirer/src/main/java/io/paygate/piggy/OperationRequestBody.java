package io.paygate.piggy;

import com.squareup.moshi.JsonWriter;
import io.paygate.acquirer.spi.OperationRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import okio.Buffer;
import okio.BufferedSink;

/**
 * The JSON body of a capture, void, refund or cancel. One-shot for the reason
 * {@link PaymentRequestBody} is: OkHttp never re-sends it on its own, so an operation goes out once
 * per call.
 */
final class OperationRequestBody extends RequestBody {
  private static final MediaType JSON = MediaType.get("application/json");

  private final byte[] json;

  OperationRequestBody(OperationRequest request) {
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
    this.json = buffer.readByteArray();
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
}
