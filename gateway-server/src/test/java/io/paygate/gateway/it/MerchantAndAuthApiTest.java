package io.paygate.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.paygate.gateway.support.Http;
import io.paygate.gateway.support.TestGateway;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Merchant creation with the operator key; login, refresh, logout. */
class MerchantAndAuthApiTest {
  @TempDir static Path dir;
  static TestGateway gw;

  @BeforeAll
  static void start() {
    gw = TestGateway.start(dir, Map.of());
  }

  @AfterAll
  static void stop() {
    gw.close();
  }

  private static String merchantBody(String login, String password, String bank) {
    return "{\"Login\":\"" + login + "\",\"Name\":\"Disney\",\"Password\":\"" + password
        + "\",\"AcquiringBank\":\"" + bank + "\"}";
  }

  @Test
  void operatorCreatesAMerchantWithoutEchoingThePassword() {
    Http.Answer a = gw.http().post("/createuser", TestGateway.OPERATOR_KEY,
        merchantBody("disney", TestGateway.PASSWORD, "piggybank"));

    assertThat(a.status()).as(a.toString()).isEqualTo(201);
    assertThat(a.json()).containsEntry("login", "disney").containsEntry("name", "Disney")
        .containsEntry("acquiringBank", "PiggyBank").containsKey("id").containsKey("createdAt");
    assertThat(a.body()).doesNotContain(TestGateway.PASSWORD).doesNotContain("$2a$");
  }

  @Test
  void createMerchantAliasWorks() {
    assertThat(gw.http().post("/createmerchant", TestGateway.OPERATOR_KEY,
        merchantBody("alias-shop", TestGateway.PASSWORD, "PiggyBank")).status()).isEqualTo(201);
  }

  @Test
  void duplicateLoginIs409WhateverItsCase() {
    gw.http().post("/createuser", TestGateway.OPERATOR_KEY,
        merchantBody("twice", TestGateway.PASSWORD, "PiggyBank"));

    Http.Answer again = gw.http().post("/createuser", TestGateway.OPERATOR_KEY,
        merchantBody("TWICE", TestGateway.PASSWORD, "PiggyBank"));

    assertThat(again.status()).isEqualTo(409);
  }

  @Test
  void creatingAMerchantNeedsTheOperatorKey() {
    String body = merchantBody("nokey", TestGateway.PASSWORD, "PiggyBank");
    assertThat(gw.http().post("/createuser", null, body).status()).isEqualTo(401);
    assertThat(gw.http().post("/createuser", "wrong-key", body).status()).isEqualTo(401);
    String merchantToken = gw.newMerchantToken();
    assertThat(gw.http().post("/createuser", merchantToken, body).status()).isEqualTo(403);
  }

  @Test
  void operatorKeyIsNotAMerchantToken() {
    assertThat(gw.http().get("/api/history", TestGateway.OPERATOR_KEY).status()).isEqualTo(401);
  }

  @Test
  void unknownAcquirerAndWeakPasswordAreNamed() {
    Http.Answer a = gw.http().post("/createuser", TestGateway.OPERATOR_KEY,
        merchantBody("weak", "1234", "NoSuchBank"));

    assertThat(a.status()).isEqualTo(400);
    assertThat(a.body()).contains("\"field\":\"password\"").contains("\"field\":\"acquiringbank\"")
        .contains("PiggyBank");
  }

  @Test
  void badLoginsGetOneGenericAnswer() {
    String login = gw.createMerchant();

    Http.Answer wrongPassword = gw.http().post("/login", null,
        "{\"login\":\"" + login + "\",\"password\":\"wrong password 1\"}");
    Http.Answer unknownLogin = gw.http().post("/login", null,
        "{\"login\":\"nobody-here\",\"password\":\"wrong password 1\"}");

    assertThat(wrongPassword.status()).isEqualTo(401);
    assertThat(unknownLogin.status()).isEqualTo(401);
    assertThat(wrongPassword.string("detail")).isEqualTo(unknownLogin.string("detail"));
  }

  @Test
  void loginAnswersATokenPair() {
    Http.Answer a = gw.loginPair(gw.createMerchant());

    assertThat(a.json()).containsKeys("token", "expires", "refreshToken", "refreshExpires");
    assertThat(a.header("Cache-Control")).contains("no-store");
    assertThat(gw.http().get("/api/history", a.string("token")).status()).isEqualTo(200);
  }

  @Test
  void refreshRotatesAndTheOldRefreshTokenStopsWorking() {
    Http.Answer pair = gw.loginPair(gw.createMerchant());
    String refresh = pair.string("refreshToken");

    Http.Answer rotated = gw.http().post("/token/refresh", null,
        "{\"refreshToken\":\"" + refresh + "\"}");
    assertThat(rotated.status()).isEqualTo(200);
    assertThat(rotated.string("refreshToken")).isNotEqualTo(refresh);
    assertThat(gw.http().get("/api/history", rotated.string("token")).status()).isEqualTo(200);

    Http.Answer reused = gw.http().post("/token/refresh", null,
        "{\"refreshToken\":\"" + refresh + "\"}");

    assertThat(reused.status()).isEqualTo(401);
    // Reuse revoked the whole session: the rotated tokens stop working too.
    assertThat(gw.http().get("/api/history", rotated.string("token")).status()).isEqualTo(401);
  }

  @Test
  void logoutEndsTheSession() {
    Http.Answer pair = gw.loginPair(gw.createMerchant());
    String body = "{\"refreshToken\":\"" + pair.string("refreshToken") + "\"}";

    assertThat(gw.http().post("/logout", null, body).status()).isEqualTo(204);

    assertThat(gw.http().get("/api/history", pair.string("token")).status()).isEqualTo(401);
    assertThat(gw.http().post("/token/refresh", null, body).status()).isEqualTo(401);
  }
}
