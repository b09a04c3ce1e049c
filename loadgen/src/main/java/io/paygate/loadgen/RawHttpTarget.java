package io.paygate.loadgen;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.List;
import java.util.UUID;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/** Sends the workload as plain HTTP requests with OkHttp, one shared client and pool. */
final class RawHttpTarget implements Target {
  private static final MediaType JSON = MediaType.get("application/json");

  private final OkHttpClient http;
  private final String processUrl;
  private final String historyUrl;
  private final String[] bearers;

  RawHttpTarget(OkHttpClient http, String baseUrl, List<Merchants.Merchant> merchants) {
    this.http = http;
    this.processUrl = baseUrl + "/api/process";
    this.historyUrl = baseUrl + "/api/history?limit=50";
    this.bearers = merchants.stream().map(m -> "Bearer " + m.token()).toArray(String[]::new);
  }

  @Override
  public Answer send(RequestKind kind, int merchant, boolean idempotent) {
    Request.Builder r = new Request.Builder().header("Authorization", bearers[merchant]);
    if (kind == RequestKind.HISTORY) {
      r.url(historyUrl).get();
    } else {
      r.url(processUrl).post(RequestBody.create(Payments.body(kind), JSON));
      if (idempotent) {
        r.header("Idempotency-Key", UUID.randomUUID().toString());
      }
    }
    try (Response response = http.newCall(r.build()).execute()) {
      ResponseBody body = response.body();
      String text = body == null ? "" : body.string();
      return new Answer(Payments.check(kind, response.code(), text),
          ServerTimingHeader.bankNanos(response.header("Server-Timing")));
    } catch (InterruptedIOException e) {
      return Answer.of("timeout");
    } catch (IOException e) {
      return Answer.of("io " + e.getClass().getSimpleName());
    }
  }

  @Override
  public void close() {
    // The client belongs to the caller.
  }
}
