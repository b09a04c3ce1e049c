package io.paygate.gateway.http;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Map;

/**
 * Reads a JSON object body into a {@code Map<String, Object>} with lower-case keys, within the
 * body limit ({@link JsonBodyLimit}).
 */
@Provider
@Consumes(MediaType.APPLICATION_JSON)
public final class JsonBodyReader implements MessageBodyReader<Map<String, Object>> {
  private final JsonBodyLimit limit;

  public JsonBodyReader(JsonBodyLimit limit) {
    this.limit = limit;
  }

  @Override
  public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations,
      MediaType mediaType) {
    return type == Map.class && genericType instanceof ParameterizedType;
  }

  @Override
  public Map<String, Object> readFrom(Class<Map<String, Object>> type, Type genericType,
      Annotation[] annotations, MediaType mediaType, MultivaluedMap<String, String> headers,
      InputStream in) throws IOException {
    return limit.readObject(in);
  }
}
