package io.paygate.gateway.http;

import io.paygate.gateway.api.JsonBodyParser;
import io.paygate.gateway.errors.ApiException;
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
 * Reads a JSON object body into a {@code Map<String, Object>} with lower-case keys (see
 * {@link JsonBodyParser}).
 */
@Provider
@Consumes(MediaType.APPLICATION_JSON)
public final class JsonBodyReader implements MessageBodyReader<Map<String, Object>> {
  private final int maxBytes;

  /** @param maxBytes the largest body accepted; a larger one is a 413 */
  public JsonBodyReader(int maxBytes) {
    this.maxBytes = maxBytes;
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
    // Read one byte past the limit: enough to know, whatever Content-Length claimed.
    byte[] body = in.readNBytes(maxBytes + 1);
    if (body.length > maxBytes) {
      throw new ApiException(413, "payload-too-large", "Payload too large",
          "the request body is larger than " + maxBytes + " bytes");
    }
    return JsonBodyParser.parseObject(body);
  }
}
