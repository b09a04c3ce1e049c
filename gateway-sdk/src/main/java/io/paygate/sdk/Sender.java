package io.paygate.sdk;

import io.paygate.sdk.internal.Deadline;
import io.paygate.sdk.internal.UserAgent;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import okhttp3.Call;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.ByteString;

/** Sends one attempt of a request on one OkHttp client, bounded by the operation's deadline. */
final class Sender {
  private static final MediaType JSON = MediaType.get("application/json");

  private final OkHttpClient client;

  Sender(OkHttpClient client) {
    this.client = client;
  }

  ApiResponse send(ApiRequest request, Deadline deadline, int attempt) throws IOException {
    long remaining = deadline.remainingNanos();
    if (remaining <= 0) throw new InterruptedIOException("timeout");
    // An interrupted caller sends nothing more; Transport reads the flag, which stays set.
    if (Thread.currentThread().isInterrupted()) throw new InterruptedIOException("interrupted");
    // addHeader, not header: the builder is new, so there is nothing to replace and no need to look.
    Request.Builder builder = new Request.Builder()
        .url(request.url)
        .addHeader("User-Agent", UserAgent.VALUE)
        .addHeader("Accept", "application/json, application/problem+json")
        .addHeader("X-Request-Id", request.requestId)
        .method(request.method, request.body != null ? RequestBody.create(request.body, JSON) : null)
        .tag(Attempt.class, new Attempt(attempt, deadline));
    if (request.idempotencyKey != null) builder.addHeader("Idempotency-Key", request.idempotencyKey);

    Call call = client.newCall(builder.build());
    // The watchdog bounds this attempt, body and token work included, by what is left.
    CallWatchdog.Watch watch = CallWatchdog.SHARED.watch(call, System.nanoTime() + remaining);
    try (Response response = call.execute()) {
      return new ApiResponse(response.code(), response.headers(), utf8(response.body()));
    } catch (IOException e) {
      if (watch.interrupted) {
        // The watchdog cancelled the call because this thread was interrupted; keep the flag set.
        Thread.currentThread().interrupt();
        InterruptedIOException interrupted = new InterruptedIOException("interrupted");
        interrupted.initCause(e);
        throw interrupted;
      }
      if (!watch.fired) throw e;
      // What OkHttp throws when its own call timeout cancels a call.
      InterruptedIOException timeout = new InterruptedIOException("timeout");
      timeout.initCause(e);
      throw timeout;
    } finally {
      watch.close();
    }
  }

  /**
   * The body as UTF-8 bytes. JSON is UTF-8 (RFC 8259) and so is everything the gateway writes, so
   * the bytes are taken as they came; a body that declares another charset or starts with a byte
   * order mark is decoded as {@link ResponseBody#string()} decodes it, and re-encoded.
   */
  static ByteString utf8(ResponseBody body) throws IOException {
    ByteString bytes = body.byteString();
    MediaType type = body.contentType();
    Charset charset = type != null ? type.charset() : null;
    boolean mayHaveBom = bytes.size() > 0
        && (bytes.getByte(0) == (byte) 0xEF || bytes.getByte(0) == (byte) 0xFE
            || bytes.getByte(0) == (byte) 0xFF || bytes.getByte(0) == 0);
    if ((charset == null || charset.equals(StandardCharsets.UTF_8)) && !mayHaveBom) return bytes;
    return ByteString.encodeUtf8(ResponseBody.create(bytes, type).string());
  }
}
