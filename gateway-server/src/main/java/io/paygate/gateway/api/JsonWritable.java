package io.paygate.gateway.api;

import com.squareup.moshi.JsonWriter;
import java.io.IOException;
import java.io.OutputStream;
import okio.BufferedSink;
import okio.Okio;

/**
 * A response body that writes itself as JSON. Wire types are written field by field rather than
 * by reflection: the order and the names are the contract, and nothing is sent by accident.
 */
public interface JsonWritable {
  void writeTo(JsonWriter writer) throws IOException;

  /** Writes this body to {@code out} as UTF-8 JSON, nulls included, as every answer is sent. */
  default void writeTo(OutputStream out) throws IOException {
    BufferedSink sink = Okio.buffer(Okio.sink(out));
    JsonWriter writer = JsonWriter.of(sink);
    writer.setSerializeNulls(true);
    writeTo(writer);
    writer.flush();
  }
}
