package io.paygate.sdk;

import static io.paygate.sdk.FakeGateway.json;
import static io.paygate.sdk.FakeGateway.paymentJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HistoryTest {
  private FakeGateway gateway;
  private PaygateClient client;

  @BeforeEach void setUp() throws Exception {
    gateway = new FakeGateway();
    client = gateway.client();
  }

  @AfterEach void tearDown() {
    gateway.close();
  }

  static MockResponse page(String next, String... ids) {
    List<String> payments = new ArrayList<>();
    for (String id : ids) payments.add(paymentJson(id, "Authorised"));
    MockResponse response = json(200, "[" + String.join(",", payments) + "]");
    return next == null ? response : response.newBuilder()
        .setHeader("Link", "<" + next + ">; rel=\"next\"").build();
  }

  @Test void iteratorFollowsLinkHeadersAcrossThreePagesLazily() {
    gateway.enqueue(
        page("/api/history?limit=2&cursor=c2", "p-1", "p-2"),
        page("/api/history?limit=2&cursor=c3", "p-3", "p-4"),
        page(null, "p-5"));

    Iterator<Payment> iterator = client.history(2).iterator();
    assertThat(gateway.requests).isEmpty(); // nothing until asked, not even the login

    assertThat(iterator.next().id()).isEqualTo("p-1");
    assertThat(iterator.next().id()).isEqualTo("p-2");
    assertThat(gateway.apiRequests()).hasSize(1); // page 2 waits until the iterator needs it

    assertThat(iterator.hasNext()).isTrue();
    assertThat(gateway.apiRequests()).hasSize(2);
    List<String> rest = new ArrayList<>();
    iterator.forEachRemaining(p -> rest.add(p.id()));
    assertThat(rest).containsExactly("p-3", "p-4", "p-5");
    assertThat(iterator.hasNext()).isFalse();
    assertThatThrownBy(iterator::next).isInstanceOf(NoSuchElementException.class);

    assertThat(gateway.apiRequests()).extracting(r -> r.target).containsExactly(
        "/api/history?limit=2", "/api/history?limit=2&cursor=c2", "/api/history?limit=2&cursor=c3");
  }

  @Test void forEachStopsFetchingWhenTheCallerStops() {
    gateway.enqueue(page("/api/history?cursor=c2", "p-1", "p-2"), page(null, "p-3"));

    for (Payment payment : client.history()) {
      if (payment.id().equals("p-2")) break;
    }

    assertThat(gateway.apiRequests()).hasSize(1);
  }

  @Test void emptyPagesWithANextPageAreSkipped() {
    gateway.enqueue(page("/api/history?cursor=c2"), page(null, "p-1"));

    assertThat(client.history()).extracting(Payment::id).containsExactly("p-1");
  }

  @Test void emptyHistoryHasNothing() {
    gateway.enqueue(page(null));

    assertThat(client.history().iterator().hasNext()).isFalse();
  }

  @Test void onePageAtATimeWithAnOpaqueCursor() {
    gateway.enqueue(page("/api/history?limit=50&cursor=MDE5M2ExYjI", "p-1"), page(null, "p-2"));

    PaymentPage first = client.historyPage(50);
    assertThat(first.payments()).extracting(Payment::id).containsExactly("p-1");
    assertThat(first.hasNext()).isTrue();
    assertThat(first.nextCursor()).isEqualTo("/api/history?limit=50&cursor=MDE5M2ExYjI");

    PaymentPage second = client.historyPage(first.nextCursor());
    assertThat(second.payments()).extracting(Payment::id).containsExactly("p-2");
    assertThat(second.hasNext()).isFalse();
    assertThat(second.nextCursor()).isNull();
    assertThat(gateway.apiRequests().get(1).target).isEqualTo("/api/history?limit=50&cursor=MDE5M2ExYjI");
  }

  @Test void nextAmongSeveralLinksIsFound() {
    gateway.enqueue(page(null, "p-1").newBuilder()
        .setHeader("Link", "</api/history?cursor=back>; rel=\"prev\", </api/history?cursor=c2>; rel=\"next\"")
        .build());

    assertThat(client.historyPage(10).nextCursor()).isEqualTo("/api/history?cursor=c2");
  }

  @Test void linkToAnotherHostIsNotFollowedWithOurToken() {
    gateway.enqueue(page("https://elsewhere.example/api/history?cursor=c2", "p-1"));

    assertThatThrownBy(() -> client.historyPage(10))
        .isInstanceOf(PaygateException.class)
        .hasMessageContaining("elsewhere");
  }

  @Test void cursorOfAnotherHostIsRefusedBeforeAnyRequest() {
    assertThatThrownBy(() -> client.historyPage("https://elsewhere.example/api/history?cursor=c2"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(gateway.requests).isEmpty();
  }

  @Test void limitIsChecked() {
    assertThatThrownBy(() -> client.historyPage(0)).hasMessage("limit must be 1..200: 0");
    assertThatThrownBy(() -> client.history(201)).hasMessage("limit must be 1..200: 201");
  }

  @Test void pageFailureIsThrownFromTheIterator() {
    gateway.enqueue(page("/api/history?cursor=c2", "p-1"), FakeGateway.problem(404, "not-found", "gone"));
    Iterator<Payment> iterator = client.history().iterator();
    iterator.next();

    assertThatThrownBy(iterator::hasNext).isInstanceOf(NotFoundException.class);
  }
}
