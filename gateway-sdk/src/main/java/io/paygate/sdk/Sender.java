package io.paygate.sdk;

import io.paygate.sdk.internal.Deadline;
import io.paygate.sdk.internal.UserAgent;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

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
    Request.Builder builder = new Request.Builder()
        .url(request.url)
        .header("User-Agent", UserAgent.VALUE)
        .header("Accept", "application/json, application/problem+json")
        .header("X-Request-Id", request.requestId)
        .method(request.method, request.body != null ? RequestBody.create(request.body, JSON) : null)
        .tag(Attempt.class, new Attempt(attempt, deadline));
    if (request.idempotencyKey != null) builder.header("Idempotency-Key", request.idempotencyKey);

    Call call = client.newCall(builder.build());
    // OkHttp's call timeout bounds this attempt, body and token work included, by what is left.
    call.timeout().timeout(remaining, TimeUnit.NANOSECONDS);
    try (Response response = call.execute()) {
      return new ApiResponse(response.code(), response.headers(), response.body().string());
    }
  }
}
