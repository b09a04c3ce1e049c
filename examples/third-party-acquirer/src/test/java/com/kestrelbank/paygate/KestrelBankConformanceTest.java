package com.kestrelbank.paygate;

import io.paygate.acquirer.spi.AcquirerProvider;
import io.paygate.acquirer.spi.testkit.AcquirerConformanceTest;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

/** The Kestrel Bank connector passes Paygate's conformance kit, against the sandbox. */
class KestrelBankConformanceTest extends AcquirerConformanceTest {
  private final KestrelBankSandbox bank = new KestrelBankSandbox("test-key");

  @Override
  protected AcquirerProvider provider() {
    return new KestrelBankProvider();
  }

  @Override
  protected URI startBank() {
    return bank.start().baseUrl();
  }

  @Override
  protected void stopBank() {
    bank.close();
  }

  @Override
  protected Map<String, String> settings(URI bankUrl, Duration timeout) {
    return Map.of(
        "baseUrl", bankUrl.toString(),
        "apiKey", "test-key",
        "timeout", timeout.toMillis() + "ms");
  }

  @Override
  protected String authorisingCard() {
    return "4111111111111111";
  }

  @Override
  protected String decliningCard() {
    return "4000000000000002";
  }

  @Override
  protected int paymentsAtBank(String paymentReference) {
    return bank.paymentsWith(paymentReference);
  }

  @Override
  protected int operationsAtBank(String operationReference) {
    return bank.operationsWith(operationReference);
  }
}
