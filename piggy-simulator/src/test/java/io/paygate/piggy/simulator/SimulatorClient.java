package io.paygate.piggy.simulator;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** Talks to a simulator over real HTTP with the JDK's client, independent of the plug-in's. */
final class SimulatorClient {
  private static final Moshi MOSHI = new Moshi.Builder().build();
  private static final JsonAdapter<Map<String, Object>> OBJECT =
      MOSHI.adapter(Types.newParameterizedType(Map.class, String.class, Object.class));
  private static final JsonAdapter<List<Map<String, Object>>> ARRAY = MOSHI.adapter(
      Types.newParameterizedType(List.class,
          Types.newParameterizedType(Map.class, String.class, Object.class)));

  private final String baseUrl;
  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  SimulatorClient(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  /** A valid payment request, as a map to change before sending. */
  static Map<String, Object> payment(String reference, String cardNumber) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("reference", reference);
    body.put("merchantId", "merchant-1");
    body.put("cardNumber", cardNumber);
    body.put("cvv", "123");
    body.put("expiryMonth", 12);
    body.put("expiryYear", 2030);
    body.put("cardHolderName", "Peppa Pig");
    body.put("amount", 4250L);
    body.put("currency", "EUR");
    return body;
  }

  static String json(Map<String, Object> body) {
    return OBJECT.toJson(body);
  }

  Reply post(Map<String, Object> body) {
    return post(json(body));
  }

  Reply post(String body) {
    return send(request("/payments").POST(HttpRequest.BodyPublishers.ofString(body)).build());
  }

  CompletableFuture<Reply> postAsync(Map<String, Object> body) {
    return http.sendAsync(
            request("/payments").POST(HttpRequest.BodyPublishers.ofString(json(body))).build(),
            HttpResponse.BodyHandlers.ofString())
        .thenApply(Reply::of);
  }

  /** {@code POST /payments/{payment}/{kind}} with an operation's body. */
  Reply operate(String payment, String kind, String reference, long amount) {
    String body = "{\"reference\":\"" + reference + "\",\"merchantId\":\"merchant-1\","
        + "\"amount\":" + amount + ",\"currency\":\"EUR\"}";
    return send(request("/payments/" + payment + "/" + kind)
        .POST(HttpRequest.BodyPublishers.ofString(body)).build());
  }

  Reply get(String path) {
    return send(request(path).GET().build());
  }

  Reply send(String method, String path) {
    return send(request(path).method(method, HttpRequest.BodyPublishers.noBody()).build());
  }

  List<Map<String, Object>> ledger() {
    Reply reply = get("/payments");
    try {
      return ARRAY.fromJson(reply.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30));
  }

  private Reply send(HttpRequest request) {
    try {
      return Reply.of(http.send(request, HttpResponse.BodyHandlers.ofString()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A response: status, raw body, and the body parsed when it is a JSON object. */
  record Reply(int status, String body, String contentType, String allow) {
    static Reply of(HttpResponse<String> response) {
      return new Reply(response.statusCode(), response.body(),
          response.headers().firstValue("Content-Type").orElse(null),
          response.headers().firstValue("Allow").orElse(null));
    }

    Map<String, Object> json() {
      try {
        return OBJECT.fromJson(body);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
