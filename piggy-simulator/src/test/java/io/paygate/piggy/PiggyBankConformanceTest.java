package io.paygate.piggy;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import io.paygate.acquirer.spi.AcquirerProvider;
import io.paygate.acquirer.spi.testkit.AcquirerConformanceTest;
import io.paygate.piggy.simulator.PiggyBankSimulator;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The Piggy Bank connector passes the conformance kit, against the Piggy Bank simulator. */
class PiggyBankConformanceTest extends AcquirerConformanceTest {
  private static final JsonAdapter<List<Map<String, Object>>> LEDGER = new Moshi.Builder().build()
      .adapter(Types.newParameterizedType(List.class, Map.class));

  private final PiggyBankSimulator bank = new PiggyBankSimulator();
  private final HttpClient http = HttpClient.newHttpClient();

  @Override
  protected AcquirerProvider provider() {
    return new PiggyBankAcquirerProvider();
  }

  @Override
  protected URI startBank() {
    return URI.create(bank.start("127.0.0.1", 0).baseUrl());
  }

  @Override
  protected void stopBank() {
    bank.close();
  }

  @Override
  protected Map<String, String> settings(URI bankUrl, Duration timeout) {
    String millis = timeout.toMillis() + "ms";
    return Map.of("baseUrl", bankUrl.toString(), "connectTimeout", millis, "readTimeout", millis);
  }

  @Override
  protected String authorisingCard() {
    return TestCards.AUTHORISED;
  }

  @Override
  protected String decliningCard() {
    return TestCards.INSUFFICIENT_FUNDS;
  }

  /** Counts the simulator's ledger records (its test-tool listing) with this reference. */
  @Override
  protected int paymentsAtBank(String paymentReference) throws IOException, InterruptedException {
    HttpResponse<String> ledger = http.send(
        HttpRequest.newBuilder(URI.create(bank.baseUrl() + "/payments")).build(),
        HttpResponse.BodyHandlers.ofString());
    return (int) LEDGER.fromJson(ledger.body()).stream()
        .filter(record -> paymentReference.equals(record.get("reference"))).count();
  }

  /** Counts the simulator's operations (its test-tool listing) with this reference. */
  @Override
  protected int operationsAtBank(String operationReference)
      throws IOException, InterruptedException {
    HttpResponse<String> ledger = http.send(
        HttpRequest.newBuilder(URI.create(bank.baseUrl() + "/operations")).build(),
        HttpResponse.BodyHandlers.ofString());
    return (int) LEDGER.fromJson(ledger.body()).stream()
        .filter(record -> operationReference.equals(record.get("reference"))).count();
  }
}
