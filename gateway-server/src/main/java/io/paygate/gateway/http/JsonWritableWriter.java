package io.paygate.gateway.http;

import com.squareup.moshi.JsonWriter;
import io.paygate.gateway.api.JsonWritable;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import okio.BufferedSink;
import okio.Okio;

/** Writes {@link JsonWritable} bodies with Moshi's streaming writer. */
@Provider
@Produces({MediaType.APPLICATION_JSON, "application/problem+json"})
public final class JsonWritableWriter implements MessageBodyWriter<JsonWritable> {

  @Override
  public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations,
      MediaType mediaType) {
    return JsonWritable.class.isAssignableFrom(type);
  }

  @Override
  public void writeTo(JsonWritable body, Class<?> type, Type genericType, Annotation[] annotations,
      MediaType mediaType, MultivaluedMap<String, Object> headers, OutputStream out)
      throws IOException {
    BufferedSink sink = Okio.buffer(Okio.sink(out));
    JsonWriter writer = JsonWriter.of(sink);
    writer.setSerializeNulls(true);
    body.writeTo(writer);
    writer.flush();
  }
}
