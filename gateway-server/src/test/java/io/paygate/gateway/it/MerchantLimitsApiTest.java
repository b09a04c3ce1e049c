package io.paygate.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.paygate.gateway.support.Http;
import io.paygate.gateway.support.MutableClock;
import io.paygate.gateway.support.TestGateway;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operator sets a merchant's own request limits ({@code PUT /admin/merchants/{id}/limits}):
 * they replace the defaults for that merchant at once, are audited, and bad values are refused
 * with the field named. The clock stands still, so no bucket refills during a test.
 */
class MerchantLimitsApiTest {
  @TempDir static Path dir;
  static final MutableClock clock = MutableClock.ofNow();
  static TestGateway gw;

  @BeforeAll
  static void start() {
    gw = TestGateway.start(dir, Map.of("rate.limit.merchant.reads.per.second", "2",
        "rate.limit.merchant.writes.per.second", "2"), clock);
  }

  @AfterAll
  static void stop() {
    gw.close();
  }

  @Test
  void aMerchantsOwnLimitReplacesTheDefault() {
    String login = login();
    String id = create(login);
    String token = gw.login(login);
    assertThat(readsAdmitted(token, 10)).as("the default").isEqualTo(2);

    Http.Answer set = put(id, "{\"readsPerSecond\": 5}");
    assertThat(set.status()).as(set.toString()).isEqualTo(200);
    assertThat(number(set.json(), "readsPerSecond")).isEqualTo(5);
    assertThat(number(set.json(), "writesPerSecond")).as("the default still").isEqualTo(2);
    assertThat(((Map<?, ?>) set.json().get("own")).get("writesPerSecond")).isNull();

    // A fresh bucket of the new size (the old one was spent: it keeps what it held, none).
    String other = login();
    String otherId = create(other);
    put(otherId, "{\"readsPerSecond\": 5}");
    assertThat(readsAdmitted(gw.login(other), 10)).isEqualTo(5);
    assertThat(number(gw.http().get("/admin/merchants/" + otherId + "/limits",
        TestGateway.OPERATOR_KEY).json(), "readsPerSecond")).isEqualTo(5);
  }

  @Test
  void zeroLiftsALimitAndNullGivesTheDefaultBack() {
    String login = login();
    String id = create(login);
    String token = gw.login(login);

    put(id, "{\"readsPerSecond\": 0}");
    assertThat(readsAdmitted(token, 20)).isEqualTo(20);

    Http.Answer back = put(id, "{\"readsPerSecond\": null}");
    assertThat(number(back.json(), "readsPerSecond")).isEqualTo(2);
  }

  @Test
  void badLimitsAreRefusedWithTheFieldNamed() {
    String id = create(login());

    Http.Answer bad = put(id, "{\"readsPerSecond\": -1, \"writesPerSecond\": 1.5, \"burst\": 3}");

    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.body()).contains("readsPerSecond").contains("writesPerSecond")
        .contains("burst");
    assertThat(number(gw.http().get("/admin/merchants/" + id + "/limits",
        TestGateway.OPERATOR_KEY).json(), "readsPerSecond")).as("nothing half-written").isEqualTo(2);
    assertThat(put(UUID.randomUUID().toString(), "{\"readsPerSecond\": 5}").status())
        .isEqualTo(404);
  }

  @Test
  void changesAreAudited() {
    String id = create(login());
    put(id, "{\"writesPerSecond\": 7}");

    // The audit log writes in the background.
    await().atMost(Duration.ofSeconds(10)).until(() -> gw.http()
        .get("/admin/audit?merchant=" + id, TestGateway.OPERATOR_KEY).body()
        .contains("merchant.limits.changed"));
    assertThat(gw.http().get("/admin/audit?merchant=" + id, TestGateway.OPERATOR_KEY).body())
        .contains("writes 7/s");
  }

  private static long number(Map<String, Object> json, String field) {
    return ((Number) json.get(field)).longValue();
  }

  private static int readsAdmitted(String token, int tries) {
    int admitted = 0;
    for (int i = 0; i < tries; i++) {
      admitted += gw.http().get("/api/history?limit=1", token).status() == 200 ? 1 : 0;
    }
    return admitted;
  }

  private static Http.Answer put(String id, String body) {
    return gw.http().send(gw.http().request("/admin/merchants/" + id + "/limits",
            TestGateway.OPERATOR_KEY)
        .header("Content-Type", "application/json")
        .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build());
  }

  private static String login() {
    return "limits-" + UUID.randomUUID().toString().substring(0, 8);
  }

  private static String create(String login) {
    Http.Answer a = gw.http().post("/createuser", TestGateway.OPERATOR_KEY, "{\"login\":\""
        + login + "\",\"name\":\"Shop\",\"password\":\"" + TestGateway.PASSWORD
        + "\",\"acquiringbank\":\"PiggyBank\"}");
    assertThat(a.status()).as(a.toString()).isEqualTo(201);
    return a.string("id");
  }
}
