package io.paygate.piggy.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The simulator's captures, voids, refunds and cancels: its ledger rules and test amounts. */
class PiggyBankOperationsTest {
  private static final String CARD = "4111111111111111";

  private PiggyBankSimulator bank;
  private SimulatorClient client;

  @BeforeEach void start() {
    bank = new PiggyBankSimulator().start("127.0.0.1", 0);
    client = new SimulatorClient(bank.baseUrl());
  }

  @AfterEach void stop() {
    bank.stop();
  }

  private String authorised(String reference) {
    assertThat(client.post(SimulatorClient.payment(reference, CARD)).json())
        .containsEntry("status", "AUTHORISED");
    return reference;
  }

  @Test void capturesAndRefundsNeverPassTheirLimitsAndReplayByReference() {
    String p = authorised("pay-1"); // 42.50 EUR
    assertThat(client.operate(p, "captures", "c-1", 4000).json()).containsEntry("status", "DONE");
    assertThat(client.operate(p, "captures", "c-2", 300).json())
        .containsEntry("status", "REFUSED").containsEntry("reason", "exceeds_authorised");
    assertThat(client.operate(p, "refunds", "r-1", 3000).json()).containsEntry("status", "DONE");
    SimulatorClient.Reply again = client.operate(p, "refunds", "r-1", 3000);
    assertThat(again.json()).containsEntry("status", "DONE").containsEntry("attempts", 2.0);
    assertThat(client.operate(p, "refunds", "r-2", 1001).json())
        .containsEntry("reason", "exceeds_captured");
    assertThat(client.get("/operations/r-1").json()).containsEntry("type", "REFUND");
    assertThat(client.get("/operations/never").status()).isEqualTo(404);
  }

  @Test void amountsEndingIn51And52AreRefusedAnd53IsUnavailable() {
    String p = authorised("pay-2");
    assertThat(client.operate(p, "captures", "c-1", 1051).json())
        .containsEntry("reason", "capture_refused");
    assertThat(client.operate(p, "captures", "c-2", 1053).status()).isEqualTo(503);
    assertThat(client.get("/operations/c-2").status()).isEqualTo(404); // nothing recorded
    client.operate(p, "captures", "c-3", 4000);
    assertThat(client.operate(p, "refunds", "r-1", 152).json())
        .containsEntry("reason", "refund_refused");
  }

  @Test void aVoidBlocksCapturesAndACancelBeforeThePaymentDeclinesItsLateArrival() {
    String p = authorised("pay-3");
    assertThat(client.operate(p, "voids", "v-1", 4250).json()).containsEntry("status", "DONE");
    assertThat(client.operate(p, "captures", "c-1", 100).json()).containsEntry("reason", "voided");

    assertThat(client.operate("pay-late", "cancels", "x-1", 4250).json())
        .containsEntry("status", "DONE");
    assertThat(client.post(SimulatorClient.payment("pay-late", CARD)).json())
        .containsEntry("status", "DECLINED").containsEntry("reason", "cancelled");
  }
}
