package io.paygate.gateway.support;

import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** A small HTTP client for tests: the real network stack, JSON answers parsed with Moshi. */
public final class Http {
  private static final Moshi MOSHI = new Moshi.Builder().build();
  private final HttpClient client;
  private final String baseUrl;

  public Http(String baseUrl) {
    this(baseUrl, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build());
  }

  /** A client of its own, for HTTPS with a trust store of the test's choosing. */
  public Http(String baseUrl, HttpClient client) {
    this.baseUrl = baseUrl;
    this.client = client;
  }

  /** An answer: status, headers and body. */
  public record Answer(int status, java.net.http.HttpHeaders headers, String body) {
    /** The body as a JSON object. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> json() {
      try {
        return (Map<String, Object>) MOSHI.adapter(Object.class).fromJson(body);
      } catch (IOException e) {
        throw new UncheckedIOException("not JSON: " + body, e);
      }
    }

    /** The body as a JSON array of objects. */
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> jsonList() {
      try {
        return (List<Map<String, Object>>) MOSHI.adapter(Object.class).fromJson(body);
      } catch (IOException e) {
        throw new UncheckedIOException("not JSON: " + body, e);
      }
    }

    public String header(String name) {
      return headers.firstValue(name).orElse(null);
    }

    public String string(String field) {
      return (String) json().get(field);
    }

    @Override
    public String toString() {
      return status + " " + body;
    }
  }

  public Answer get(String path, String bearer) {
    return send(request(path, bearer).GET().build());
  }

  public Answer post(String path, String bearer, String json, String... headers) {
    HttpRequest.Builder b = request(path, bearer)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json));
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return send(b.build());
  }

  public Answer send(HttpRequest request) {
    try {
      HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
      return new Answer(r.statusCode(), r.headers(), r.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public HttpRequest.Builder request(String path, String bearer) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + path))
        .timeout(Duration.ofSeconds(30));
    if (bearer != null) {
      b.header("Authorization", "Bearer " + bearer);
    }
    return b;
  }

  public String baseUrl() {
    return baseUrl;
  }
}
