package io.paygate.gateway.http;

import io.paygate.gateway.api.JsonBodyParser;
import io.paygate.gateway.errors.ApiException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/**
 * Reads a request body of at most {@code max.body.bytes} into a JSON object (see {@link
 * JsonBodyParser}). One instance serves Jersey's {@link JsonBodyReader} and the plain Jetty
 * payment endpoint, so both refuse the same bodies the same way.
 */
public final class JsonBodyLimit {
  /** How much of a too-large body is still read (and dropped) so that its 413 gets through. */
  static final int SWALLOW_BYTES = 2 * 1024 * 1024;

  private final int maxBytes;

  /** @param maxBytes the largest body accepted; a larger one is a 413 */
  public JsonBodyLimit(int maxBytes) {
    this.maxBytes = maxBytes;
  }

  /**
   * Reads the body and parses it as a JSON object with lower-case keys.
   *
   * @throws ApiException 413 when the body is larger than the limit, 400 when it is not a JSON
   *     object or breaks off before its end (the client hung up: its error, not the gateway's)
   */
  public Map<String, Object> readObject(InputStream in) {
    byte[] body;
    try {
      // Read one byte past the limit: enough to know, whatever Content-Length claimed.
      body = in.readNBytes(maxBytes + 1);
    } catch (IOException e) {
      throw new ApiException(400, "bad-request", "Bad request",
          "the request body could not be read to its end");
    }
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
  private static void swallowRest(InputStream in) {
    byte[] sink = new byte[8192];
    long left = SWALLOW_BYTES;
    try {
      for (int n; left > 0 && (n = in.read(sink, 0, (int) Math.min(sink.length, left))) > 0; ) {
        left -= n;
      }
    } catch (IOException e) {
      // The client is gone or stopped sending: the 413 goes out all the same.
    }
  }
}
