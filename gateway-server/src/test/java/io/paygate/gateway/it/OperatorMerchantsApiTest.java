package io.paygate.gateway.it;

import static io.paygate.gateway.support.TestGateway.OPERATOR_KEY;
import static io.paygate.gateway.support.TestGateway.payment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.paygate.gateway.support.Cards;
import io.paygate.gateway.support.Http;
import io.paygate.gateway.support.ScriptedAcquirer;
import io.paygate.gateway.support.TestGateway;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The operator's merchant tools over real HTTP: {@code /admin/merchants}. */
class OperatorMerchantsApiTest {
  private static final Pattern NEXT = Pattern.compile("<([^>]+)>; rel=\"next\"");
  private static final String CARD = Cards.luhnComplete("411111987654321");
  private static final String NEW_PASSWORD = "a new passw0rd long enough";

  @TempDir Path dir;

  @AfterEach
  void resetBank() {
    ScriptedAcquirer.reset();
  }

  @Test
  void merchantsComeInKeysetPagesWithoutTheirPasswords() {
    try (TestGateway gw = TestGateway.start(dir, Map.of())) {
      Set<String> created = new HashSet<>();
      for (int i = 0; i < 5; i++) {
        created.add(gw.createMerchant());
      }
      List<Map<String, Object>> all = new ArrayList<>();
      String next = "/admin/merchants?limit=2";
      int pages = 0;
      while (next != null) {
        Http.Answer page = gw.http().get(next, OPERATOR_KEY);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.jsonList()).hasSizeLessThanOrEqualTo(2);
        assertThat(page.body()).doesNotContainIgnoringCase("password").doesNotContain("$2a$");
        all.addAll(page.jsonList());
        pages++;
        Matcher m = NEXT.matcher(page.headers().firstValue("Link").orElse(""));
        next = m.find() ? m.group(1) : null;
      }
      assertThat(pages).isEqualTo(3);
      assertThat(all).extracting(m -> m.get("login")).doesNotHaveDuplicates()
          .containsExactlyInAnyOrderElementsOf(created);
      assertThat(all).allSatisfy(m -> assertThat(m).containsEntry("status", "active")
          .containsEntry("lockedUntil", null).containsEntry("acquiringBank", "PiggyBank"));

      String id = (String) all.get(0).get("id");
      assertThat(gw.http().get("/admin/merchants/" + id, OPERATOR_KEY).json())
          .containsEntry("login", all.get(0).get("login"));
      assertThat(gw.http().get("/admin/merchants/" + java.util.UUID.randomUUID(), OPERATOR_KEY)
          .status()).isEqualTo(404);
      assertThat(gw.http().get("/admin/merchants/not-an-id", OPERATOR_KEY).status())
          .isEqualTo(404);
      Http.Answer badCursor = gw.http().get("/admin/merchants?cursor=nonsense", OPERATOR_KEY);
      assertThat(badCursor.status()).isEqualTo(400);
      assertThat(badCursor.body()).contains("cursor");
      assertThat(gw.http().get("/admin/merchants?limit=0", OPERATOR_KEY).body()).contains("limit");
    }
  }

  @Test
  void disablingRefusesTheMerchantsTokensAtOnceAndItsLoginsUntilEnabled() {
    try (TestGateway gw = TestGateway.start(dir, Map.of())) {
      String login = gw.createMerchant();
      Http.Answer pair = gw.loginPair(login);
      String token = pair.string("token");
      String refresh = pair.string("refreshToken");
      String id = merchantId(gw, login);
      Http.Answer paid = pay(gw, token);
      assertThat(paid.status()).isEqualTo(201);

      Http.Answer disabled = post(gw, "/admin/merchants/" + id + "/disable", null);
      assertThat(disabled.status()).isEqualTo(200);
      assertThat(disabled.json()).containsEntry("status", "disabled");
      assertThat(disabled.string("disabledAt")).isNotNull();

      // The very next request with the token, on the plain payment handler and on Jersey.
      Http.Answer refused = pay(gw, token);
      assertThat(refused.status()).isEqualTo(403);
      assertThat(refused.string("type")).endsWith("/merchant-disabled");
      assertThat(refused.string("detail")).contains("disabled").doesNotContain(id);
      assertThat(gw.http().get("/api/history", token).status()).isEqualTo(403);
      // The payment's lifecycle too: no capture, void or refund of a disabled merchant's payment.
      String payment = "/api/payments/" + paid.string("id");
      assertThat(gw.http().get(payment, token).status()).isEqualTo(403);
      Http.Answer voidRefused = gw.http().post(payment + "/voids", token, "{}");
      assertThat(voidRefused.status()).isEqualTo(403);
      assertThat(voidRefused.string("type")).endsWith("/merchant-disabled");
      assertThat(gw.http().post("/token/refresh", null,
          "{\"refreshToken\":\"" + refresh + "\"}").status()).isEqualTo(401);
      Http.Answer loginRefused = login(gw, login, TestGateway.PASSWORD);
      assertThat(loginRefused.status()).isEqualTo(401);
      // The same answer as a wrong password: only the operator's audit says why.
      assertThat(loginRefused.string("detail")).isEqualTo(
          login(gw, login, "wrong password 1").string("detail"));
      assertThat(post(gw, "/admin/merchants/" + id + "/disable", null).json())
          .containsEntry("status", "disabled");

      Http.Answer enabled = post(gw, "/admin/merchants/" + id + "/enable", null);
      assertThat(enabled.json()).containsEntry("status", "active").containsEntry("disabledAt", null);
      String fresh = gw.login(login);
      assertThat(pay(gw, fresh).status()).isEqualTo(201);
      // The sessions of before stay ended: the operator enabled the account, not old tokens.
      assertThat(pay(gw, token).status()).isEqualTo(401);

      awaitAudit(gw, id, "merchant.disabled:success", "merchant.disabled:unchanged",
          "login:disabled", "merchant.enabled:success");
    }
  }

  @Test
  void unlockLiftsALockout() {
    try (TestGateway gw = TestGateway.start(dir, Map.of())) {
      String login = gw.createMerchant();
      String id = merchantId(gw, login);
      for (int i = 0; i < 10; i++) {
        assertThat(login(gw, login, "wrong password 1").status()).isEqualTo(401);
      }
      assertThat(login(gw, login, TestGateway.PASSWORD).status()).isEqualTo(401);
      assertThat(gw.http().get("/admin/merchants/" + id, OPERATOR_KEY).string("lockedUntil"))
          .isNotNull();

      Http.Answer unlocked = post(gw, "/admin/merchants/" + id + "/unlock", null);
      assertThat(unlocked.status()).isEqualTo(200);
      assertThat(unlocked.json()).containsEntry("lockedUntil", null);
      assertThat(login(gw, login, TestGateway.PASSWORD).status()).isEqualTo(200);
      awaitAudit(gw, id, "login.lockout:locked", "merchant.unlocked:success");
    }
  }

  @Test
  void aNewPasswordEndsTheOldOneAndEverySession() {
    try (TestGateway gw = TestGateway.start(dir, Map.of())) {
      String login = gw.createMerchant();
      String id = merchantId(gw, login);
      String token = gw.login(login);

      Http.Answer weak = post(gw, "/admin/merchants/" + id + "/password",
          "{\"password\":\"short1\"}");
      assertThat(weak.status()).isEqualTo(400);
      assertThat(weak.body()).contains("\"field\":\"password\"").contains("12 to 64");
      assertThat(post(gw, "/admin/merchants/" + id + "/password", "{}").status()).isEqualTo(400);
      assertThat(pay(gw, token).status()).isEqualTo(201);

      Http.Answer reset = post(gw, "/admin/merchants/" + id + "/password",
          "{\"password\":\"" + NEW_PASSWORD + "\"}");
      assertThat(reset.status()).isEqualTo(200);
      assertThat(reset.body()).doesNotContain(NEW_PASSWORD);
      assertThat(pay(gw, token).status()).isEqualTo(401);
      assertThat(login(gw, login, TestGateway.PASSWORD).status()).isEqualTo(401);
      assertThat(login(gw, login, NEW_PASSWORD).status()).isEqualTo(200);
      awaitAudit(gw, id, "merchant.password.reset:failure", "merchant.password.reset:success");
      assertThat(gw.http().get("/admin/audit?merchant=" + id, OPERATOR_KEY).body())
          .doesNotContain(NEW_PASSWORD);
    }
  }

  @Test
  void theNextPaymentGoesToTheNewAcquirer() {
    try (TestGateway gw = TestGateway.start(dir, Map.of())) {
      String login = gw.createMerchant();
      String id = merchantId(gw, login);
      String token = gw.login(login);
      assertThat(pay(gw, token).string("acquirer")).isEqualTo("PiggyBank");

      Http.Answer unknown = put(gw, "/admin/merchants/" + id + "/acquirer",
          "{\"acquiringbank\":\"NoSuchBank\"}");
      assertThat(unknown.status()).isEqualTo(422);
      assertThat(unknown.string("type")).endsWith("/unknown-acquirer");
      assertThat(unknown.string("detail")).contains("acquiringbank").contains("PiggyBank")
          .contains(ScriptedAcquirer.NAME);
      assertThat(put(gw, "/admin/merchants/" + id + "/acquirer", "{}").status()).isEqualTo(400);

      Http.Answer routed = put(gw, "/admin/merchants/" + id + "/acquirer",
          "{\"acquiringbank\":[\"scripted\",\"PiggyBank\"]}");
      assertThat(routed.status()).isEqualTo(200);
      assertThat(routed.json()).containsEntry("acquiringBank", ScriptedAcquirer.NAME)
          .containsEntry("acquiringBanks", List.of(ScriptedAcquirer.NAME, "PiggyBank"));

      Http.Answer paid = pay(gw, token);
      assertThat(paid.json()).containsEntry("acquirer", ScriptedAcquirer.NAME)
          .containsEntry("status", "Authorised");
      assertThat(ScriptedAcquirer.authoriseCalls()).containsExactly(paid.string("id"));
      awaitAudit(gw, id, "merchant.acquirer.changed:failure", "merchant.acquirer.changed:success");
    }
  }

  @Test
  void merchantTokensAndNoKeyAreRefusedOnEveryOperatorTool() {
    try (TestGateway gw = TestGateway.start(dir, Map.of())) {
      String token = gw.newMerchantToken();
      String id = java.util.UUID.randomUUID().toString();
      List<HttpRequest.Builder> calls = new ArrayList<>();
      for (String bearer : new String[] {token, null}) {
        calls.add(gw.http().request("/admin/merchants", bearer).GET());
        calls.add(gw.http().request("/admin/merchants/" + id, bearer).GET());
        for (String action : List.of("disable", "enable", "unlock")) {
          calls.add(gw.http().request("/admin/merchants/" + id + "/" + action, bearer)
              .POST(HttpRequest.BodyPublishers.noBody()));
        }
        calls.add(json(gw.http().request("/admin/merchants/" + id + "/password", bearer),
            "POST", "{\"password\":\"" + NEW_PASSWORD + "\"}"));
        calls.add(json(gw.http().request("/admin/merchants/" + id + "/acquirer", bearer),
            "PUT", "{\"acquiringbank\":\"PiggyBank\"}"));
        calls.add(gw.http().request("/admin/payments/attention", bearer).GET());
        calls.add(json(gw.http().request("/admin/payments/" + id + "/settle", bearer), "POST",
            "{\"status\":\"Failed\",\"reason\":\"bank says no\"}"));
      }
      for (int i = 0; i < calls.size(); i++) {
        Http.Answer a = gw.http().send(calls.get(i).build());
        assertThat(a.status()).as("%s", calls.get(i).build()).isEqualTo(i < calls.size() / 2
            ? 403 : 401);
      }
    }
  }

  private static HttpRequest.Builder json(HttpRequest.Builder b, String method, String body) {
    return b.header("Content-Type", "application/json")
        .method(method, HttpRequest.BodyPublishers.ofString(body));
  }

  static String merchantId(TestGateway gw, String login) {
    String next = "/admin/merchants?limit=200";
    while (next != null) {
      Http.Answer page = gw.http().get(next, OPERATOR_KEY);
      for (Map<String, Object> m : page.jsonList()) {
        if (login.equals(m.get("login"))) {
          return (String) m.get("id");
        }
      }
      Matcher link = NEXT.matcher(page.headers().firstValue("Link").orElse(""));
      next = link.find() ? link.group(1) : null;
    }
    throw new AssertionError("no merchant " + login);
  }

  private static Http.Answer pay(TestGateway gw, String token) {
    return gw.http().post("/api/process", token, payment(CARD, "10.00", "EUR"));
  }

  private static Http.Answer login(TestGateway gw, String login, String password) {
    return gw.http().post("/login", null,
        "{\"login\":\"" + login + "\",\"password\":\"" + password + "\"}");
  }

  static Http.Answer post(TestGateway gw, String path, String body) {
    HttpRequest.Builder b = gw.http().request(path, OPERATOR_KEY);
    return gw.http().send((body == null ? b.POST(HttpRequest.BodyPublishers.noBody())
        : json(b, "POST", body)).build());
  }

  private static Http.Answer put(TestGateway gw, String path, String body) {
    return gw.http().send(json(gw.http().request(path, OPERATOR_KEY), "PUT", body).build());
  }

  /** Waits until the merchant's audit holds these {@code event:outcome}s (the log writes later). */
  static void awaitAudit(TestGateway gw, String merchantId, String... expected) {
    await().untilAsserted(() -> assertThat(
        gw.http().get("/admin/audit?limit=200&merchant=" + merchantId, OPERATOR_KEY).jsonList())
        .extracting(e -> e.get("event") + ":" + e.get("outcome")).contains(expected));
  }
}
