package io.paygate.gateway.http;

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

/** Writes {@link JsonWritable} bodies ({@link JsonWritable#writeTo(OutputStream)}). */
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
    body.writeTo(out);
  }
}
