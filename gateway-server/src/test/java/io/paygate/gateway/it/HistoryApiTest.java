package io.paygate.gateway.it;

import static io.paygate.gateway.support.TestGateway.payment;
import static org.assertj.core.api.Assertions.assertThat;

import io.paygate.gateway.support.Cards;
import io.paygate.gateway.support.Http;
import io.paygate.gateway.support.TestGateway;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** History pages: newest first, every payment exactly once, next page in a Link header. */
class HistoryApiTest {
  private static final Pattern NEXT = Pattern.compile("<([^>]+)>; rel=\"next\"");

  @TempDir static Path dir;
  static TestGateway gw;
  static String token;
  static List<String> createdIds = new ArrayList<>();

  @BeforeAll
  static void start() {
    gw = TestGateway.start(dir, Map.of());
    token = gw.newMerchantToken();
    for (int i = 1; i <= 23; i++) {
      Http.Answer a = gw.http().post("/api/process", token,
          payment(i % 2 == 0 ? Cards.DECLINED : Cards.AUTHORISED, i + ".00", "EUR"));
      createdIds.add((String) a.json().get("id"));
    }
    Collections.reverse(createdIds);
  }

  @AfterAll
  static void stop() {
    gw.close();
  }

  @Test
  void walksEveryPageNewestFirst() {
    List<String> seen = new ArrayList<>();
    String next = "/api/history?limit=5";
    int pages = 0;
    while (next != null) {
      Http.Answer page = gw.http().get(next, token);
      assertThat(page.status()).isEqualTo(200);
      page.jsonList().forEach(p -> seen.add((String) p.get("id")));
      next = nextLink(page);
      pages++;
    }

    assertThat(pages).isEqualTo(5);
    assertThat(seen).containsExactlyElementsOf(createdIds);
  }

  @Test
  void lastPageHasNoLink() {
    Http.Answer all = gw.http().get("/api/history?limit=200", token);

    assertThat(all.jsonList()).hasSize(23);
    assertThat(all.header("Link")).isNull();
  }

  @Test
  void defaultPageIsFifty() {
    assertThat(gw.http().get("/api/history", token).jsonList()).hasSize(23);
  }

  @Test
  void absurdLimitsAndForgedCursorsAreValidationErrors() {
    assertThat(gw.http().get("/api/history?limit=0", token).status()).isEqualTo(400);
    assertThat(gw.http().get("/api/history?limit=1000000", token).status()).isEqualTo(400);
    assertThat(gw.http().get("/api/history?limit=abc", token).status()).isEqualTo(400);
    Http.Answer forged = gw.http().get("/api/history?cursor=bm90LWEtY3Vyc29y", token);
    assertThat(forged.status()).isEqualTo(400);
    assertThat(forged.body()).contains("cursor");
  }

  static String nextLink(Http.Answer page) {
    String link = page.header("Link");
    if (link == null) {
      return null;
    }
    Matcher m = NEXT.matcher(link);
    assertThat(m.find()).as(link).isTrue();
    return m.group(1);
  }
}
