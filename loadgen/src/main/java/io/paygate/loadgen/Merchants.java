package io.paygate.loadgen;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Creates the run's merchants with the operator key and logs each one in. Logins are unique per run
 * so that runs never collide; every merchant has the same password (bcrypt makes a login cost
 * tens of milliseconds, which is why this happens before the clock starts).
 */
final class Merchants {
  static final String PASSWORD = "load generator 42";
  private static final MediaType JSON = MediaType.get("application/json");

  /** A merchant created for the run, with its access token. */
  record Merchant(String login, String token) {}

  private Merchants() {}

  static List<Merchant> create(OkHttpClient http, String baseUrl, String operatorKey, int count,
      String acquirer) {
    String run = UUID.randomUUID().toString().substring(0, 8);
    List<Merchant> merchants = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      String login = "load-" + run + "-" + i;
      String created = post(http, baseUrl + "/createuser", operatorKey, "{\"login\":\"" + login
          + "\",\"name\":\"Load " + login + "\",\"password\":\"" + PASSWORD
          + "\",\"acquiringbank\":\"" + acquirer + "\"}", 201);
      // A load test pushes one merchant far past a real merchant's default limits (100 reads and
      // 100 writes a second): the operator lifts them for the run's merchants.
      send(http, baseUrl + "/admin/merchants/" + field(created, "id") + "/limits", "PUT",
          operatorKey, "{\"readsPerSecond\":0,\"writesPerSecond\":0}", 200);
      String answer = post(http, baseUrl + "/login", null,
          "{\"login\":\"" + login + "\",\"password\":\"" + PASSWORD + "\"}", 200);
      merchants.add(new Merchant(login, field(answer, "token")));
    }
    return merchants;
  }

  private static String post(OkHttpClient http, String url, String bearer, String json, int expected) {
    return send(http, url, "POST", bearer, json, expected);
  }

  private static String send(OkHttpClient http, String url, String method, String bearer,
      String json, int expected) {
    Request.Builder r = new Request.Builder().url(url).method(method, RequestBody.create(json, JSON));
    if (bearer != null) {
      r.header("Authorization", "Bearer " + bearer);
    }
    try (Response response = http.newCall(r.build()).execute()) {
      ResponseBody body = response.body();
      String text = body == null ? "" : body.string();
      if (response.code() != expected) {
        throw new SetupException(method + " " + url + " answered " + response.code() + ": " + text);
      }
      return text;
    } catch (IOException e) {
      throw new SetupException("cannot reach " + url + ": " + e.getMessage());
    }
  }

  private static String field(String json, String name) {
    String key = "\"" + name + "\":\"";
    int at = json.indexOf(key);
    if (at < 0) {
      throw new SetupException("the gateway's answer has no " + name);
    }
    int from = at + key.length();
    return json.substring(from, json.indexOf('"', from));
  }

  /** The gateway refused to set the run up; the message says which call and why. */
  static final class SetupException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    SetupException(String message) {
      super(message);
    }
  }
}
