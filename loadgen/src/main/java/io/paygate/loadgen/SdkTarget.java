package io.paygate.loadgen;

import io.paygate.sdk.CallTimeoutException;
import io.paygate.sdk.InvalidRequestException;
import io.paygate.sdk.Money;
import io.paygate.sdk.PaygateClient;
import io.paygate.sdk.PaygateException;
import io.paygate.sdk.Payment;
import io.paygate.sdk.PaymentRequest;
import io.paygate.sdk.PaymentStatus;
import java.util.List;
import java.util.UUID;
import okhttp3.OkHttpClient;

/**
 * Sends the workload through the merchant SDK, one {@link PaygateClient} per merchant, all on one
 * OkHttp pool. The SDK's retries are off so that every failure is counted; the SDK always sends an
 * idempotency key (its own when we give none), so "idempotency off" does not apply here. The SDK
 * does not show answer headers, so no bank time ({@code Server-Timing}) is known through it.
 */
final class SdkTarget implements Target {
  private static final Money AMOUNT = Money.of("42.50", "EUR");

  private final PaygateClient[] clients;

  SdkTarget(OkHttpClient http, String baseUrl, List<Merchants.Merchant> merchants) {
    this.clients = merchants.stream().map(m -> new PaygateClient.Builder()
        .baseUrl(baseUrl)
        .login(m.login(), Merchants.PASSWORD)
        .okHttpClient(http)
        .maxRetries(0)
        .build()).toArray(PaygateClient[]::new);
    // The SDK logs in on first use (a bcrypt check on the gateway): do it before the clock runs.
    for (PaygateClient c : clients) {
      c.historyPage(1);
    }
  }

  @Override
  public Answer send(RequestKind kind, int merchant, boolean idempotent) {
    return Answer.of(check(kind, merchant, idempotent));
  }

  private String check(RequestKind kind, int merchant, boolean idempotent) {
    PaygateClient client = clients[merchant];
    try {
      if (kind == RequestKind.HISTORY) {
        client.historyPage(50);
        return null;
      }
      Payment p = client.submit(request(kind, idempotent));
      PaymentStatus expected = kind == RequestKind.DECLINED ? PaymentStatus.DECLINED
          : PaymentStatus.AUTHORISED;
      if (kind == RequestKind.INVALID) {
        return "an invalid card was accepted";
      }
      return p.status() == expected ? null : "status " + p.status().wireName();
    } catch (InvalidRequestException e) {
      return kind == RequestKind.INVALID ? null : "http 400";
    } catch (CallTimeoutException e) {
      return "timeout";
    } catch (PaygateException e) {
      return e.httpStatus() > 0 ? "http " + e.httpStatus() : e.getClass().getSimpleName();
    }
  }

  private static PaymentRequest request(RequestKind kind, boolean idempotent) {
    String card = kind == RequestKind.AUTHORISED ? Cards.authorised()
        : kind == RequestKind.DECLINED ? Cards.declined() : Cards.invalid();
    return new PaymentRequest.Builder()
        .amount(AMOUNT)
        .cardNumber(card).cvv("123")
        .expiryMonth(12).expiryYear(2031)
        .cardHolderName("Santa Claus")
        .idempotencyKey(idempotent ? UUID.randomUUID().toString() : null)
        .build();
  }

  @Override
  public void close() {
    // The clients share the caller's OkHttp client, which the caller closes.
  }
}
