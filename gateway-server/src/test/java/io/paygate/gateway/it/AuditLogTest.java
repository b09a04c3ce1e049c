package io.paygate.gateway.it;

import static io.paygate.gateway.support.TestGateway.payment;
import static org.assertj.core.api.Assertions.assertThat;

import io.paygate.gateway.support.Cards;
import io.paygate.gateway.support.Http;
import io.paygate.gateway.support.TestGateway;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The audit log (the original design's logging service): every security event and each bank
 * answer lands in the append-only audit table with time, merchant, event, outcome, request id and
 * origin, and no secret or card data; the operator reads all of it, a merchant its own.
 */
class AuditLogTest {
  static final String CVV = "9174";
  static final String BAD_PASSWORD = "guessed-Sentinel-77";

  @TempDir static Path dir;
  static TestGateway gw;
  static String login;
  static String merchantId;
  static Http.Answer pair;
  static Http.Answer paymentAnswer;
  static String otherToken;

  @BeforeAll
  static void start() {
    gw = TestGateway.start(dir, Map.of());
    login = gw.createMerchant();
    gw.http().post("/login", null,
        "{\"login\":\"" + login + "\",\"password\":\"" + BAD_PASSWORD + "\"}");
    pair = gw.loginPair(login);
    String refreshBody = "{\"refreshToken\":\"" + pair.string("refreshToken") + "\"}";
    Http.Answer rotated = gw.http().post("/token/refresh", null, refreshBody);
    gw.http().post("/token/refresh", null, refreshBody); // reuse: the family is revoked
    String token = gw.login(login);
    paymentAnswer = gw.http().post("/api/process", token,
        payment(Cards.AUTHORISED, "12.00", "EUR").replace("\"123\"", "\"" + CVV + "\""),
        "X-Request-Id", "audit-test-request-1");
    gw.http().post("/api/process", token, payment("1234", "12.00", "EUR"));
    merchantId = paymentAnswer.string("merchantId");
    otherToken = gw.newMerchantToken();
    assertThat(rotated.status()).isEqualTo(200);
    Awaitility.await().until(() -> operator("event=error&merchant=" + merchantId).size() >= 1
        && operator("event=token.reuse").size() == 1);
  }

  @AfterAll
  static void stop() {
    gw.close();
  }

  @Test
  void everySecurityAndPaymentEventIsRecorded() {
    List<Map<String, Object>> rows = operator("merchant=" + merchantId + "&limit=200");
    Set<String> events = rows.stream().map(r -> r.get("event") + "/" + r.get("outcome"))
        .collect(Collectors.toSet());

    assertThat(events).contains("merchant.created/success", "login/failure", "login/success",
        "token.refresh/success", "token.reuse/revoked", "payment.answered/Authorised",
        "error/400");
    // Received and sent are on the payment's own row (PaymentTrailTest), not audit rows.
    assertThat(events).doesNotContain("payment.received/Pending", "payment.sent/Pending");
    // Errors before a merchant is known (a bad login, a used refresh token) have no merchant.
    assertThat(operator("event=error&outcome=401")).isNotEmpty()
        .allSatisfy(r -> assertThat(r).containsEntry("detail", "unauthorized"));
  }

  @Test
  void rowsCarryTimeRequestIdAndOriginButNoSecretOrCardData() {
    List<Map<String, Object>> rows = operator("merchant=" + merchantId + "&limit=200");
    Map<String, Object> received = rows.stream()
        .filter(r -> "payment.answered".equals(r.get("event"))).findFirst().orElseThrow();

    assertThat(received).containsEntry("requestId", "audit-test-request-1")
        .containsEntry("origin", "127.0.0.1")
        .containsEntry("paymentId", paymentAnswer.string("id"));
    assertThat(Instant.parse((String) received.get("occurredAt"))).isBefore(Instant.now());
    String all = gw.http().get("/admin/audit?limit=200", TestGateway.OPERATOR_KEY).body();
    assertThat(all).doesNotContain(Cards.AUTHORISED).doesNotContain(TestGateway.PASSWORD)
        .doesNotContain(BAD_PASSWORD).doesNotContain(pair.string("refreshToken"))
        .doesNotContain(pair.string("token")).doesNotContain(TestGateway.OPERATOR_KEY)
        .doesNotContainPattern("(?<![\\w-])" + CVV + "(?![\\w-])");
  }

  @Test
  void theOperatorFiltersByEventOutcomeAndTimeAndPagesWithALink() {
    List<Map<String, Object>> failures = operator("event=login&outcome=failure");
    assertThat(failures).isNotEmpty()
        .allSatisfy(r -> assertThat(r).containsEntry("event", "login")
            .containsEntry("outcome", "failure"));
    assertThat(operator("from=" + Instant.now().plusSeconds(3600))).isEmpty();
    assertThat(operator("to=2000-01-01T00:00:00Z")).isEmpty();

    List<Object> seen = new ArrayList<>();
    String next = "/admin/audit?limit=2&merchant=" + merchantId;
    for (int pages = 0; next != null; pages++) {
      Http.Answer page = gw.http().get(next, TestGateway.OPERATOR_KEY);
      assertThat(page.status()).isEqualTo(200);
      assertThat(page.jsonList()).hasSizeLessThanOrEqualTo(2)
          .allSatisfy(r -> assertThat(r).containsEntry("merchantId", merchantId));
      page.jsonList().forEach(r -> seen.add(r.get("id")));
      String link = page.header("Link");
      next = link == null ? null : link.substring(1, link.indexOf('>'));
      assertThat(next == null || next.contains("merchant=" + merchantId)).isTrue();
      assertThat(pages).isLessThan(100);
    }
    assertThat(seen).doesNotHaveDuplicates()
        .hasSize(operator("merchant=" + merchantId + "&limit=200").size());
    // Newest first: ids fall.
    assertThat(seen).isSortedAccordingTo((a, b) -> Double.compare((Double) b, (Double) a));
  }

  @Test
  void aMerchantReadsItsOwnEventsOnly() {
    Http.Answer mine = gw.http().get("/api/audit?limit=200", gw.login(login));
    Http.Answer others = gw.http().get("/api/audit?limit=200", otherToken);

    assertThat(mine.status()).isEqualTo(200);
    assertThat(mine.jsonList()).isNotEmpty()
        .allSatisfy(r -> assertThat(r).containsEntry("merchantId", merchantId));
    assertThat(others.jsonList()).allSatisfy(r -> assertThat(r.get("merchantId"))
        .isNotEqualTo(merchantId));
  }

  private static List<Map<String, Object>> operator(String query) {
    Http.Answer a = gw.http().get("/admin/audit?" + query, TestGateway.OPERATOR_KEY);
    assertThat(a.status()).as(a.toString()).isEqualTo(200);
    return a.jsonList();
  }
}
