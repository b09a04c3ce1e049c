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
  /** How much of a too-large body is still read (and dropped) so that its 413 gets through. */
  static final int SWALLOW_BYTES = 2 * 1024 * 1024;

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
      swallowRest(in);
      throw new ApiException(413, "payload-too-large", "Payload too large",
          "the request body is larger than " + maxBytes + " bytes");
    }
    return JsonBodyParser.parseObject(body);
  }

  /**
   * Reads and drops what is left of a body that is too large, up to {@link #SWALLOW_BYTES}, before
   * the 413 is sent. A server that closes a connection while the client's bytes are still
   * unread makes the operating system reset it, and the reset can destroy the answer before the
   * client has read it: the client saw a broken connection instead of a 413. Larger bodies are
   * not read to the end (the connection is then closed, as before): reading them is what the
   * limit is there to avoid.
   */
  private static void swallowRest(InputStream in) throws IOException {
    byte[] sink = new byte[8192];
    long left = SWALLOW_BYTES;
    for (int n; left > 0 && (n = in.read(sink, 0, (int) Math.min(sink.length, left))) > 0; ) {
      left -= n;
    }
  }
}
