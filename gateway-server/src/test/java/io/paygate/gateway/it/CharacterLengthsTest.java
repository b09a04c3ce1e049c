package io.paygate.gateway.it;

import static io.paygate.gateway.support.LongestNames.EMOJI;
import static io.paygate.gateway.support.LongestNames.SCRIPT_A;
import static org.assertj.core.api.Assertions.assertThat;

import io.paygate.gateway.support.Cards;
import io.paygate.gateway.support.Http;
import io.paygate.gateway.support.LongestNames;
import io.paygate.gateway.support.TestGateway;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lengths the contract gives in characters count characters (code points), not UTF-16 units: a
 * character outside the BMP is one character. And the database (H2 here, PostgreSQL in {@link
 * PostgresApiTest}) holds the longest value allowed.
 */
class CharacterLengthsTest {
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

  private static Http.Answer createMerchant(String login, String name, String password) {
    return gw.http().post("/createuser", TestGateway.OPERATOR_KEY, "{\"login\":\"" + login
        + "\",\"name\":\"" + name + "\",\"password\":\"" + password
        + "\",\"acquiringbank\":\"PiggyBank\"}");
  }

  private static String login() {
    return "chars-" + UUID.randomUUID().toString().substring(0, 8);
  }

  private static List<Object> fields(Http.Answer a) {
    return ((List<?>) a.json().get("errors")).stream()
        .map(e -> ((Map<?, ?>) e).get("field")).map(Object.class::cast).toList();
  }

  @Test
  void aPasswordOfElevenCharactersIsRefusedEvenWhenItTakesTwelveUnits() {
    String password = "abcdefghi1" + EMOJI; // 11 characters, 12 UTF-16 units

    Http.Answer a = createMerchant(login(), "Shop", password);

    assertThat(a.status()).as(a.toString()).isEqualTo(400);
    assertThat(fields(a)).containsExactly("password");
  }

  @Test
  void aPasswordOfSixtyFourCharactersIsAcceptedEvenWhenItTakesMoreUnits() {
    String password = "a1" + "x".repeat(60) + EMOJI + SCRIPT_A; // 64 characters, 66 units
    String login = login();

    Http.Answer a = createMerchant(login, "Shop", password);

    assertThat(a.status()).as(a.toString()).isEqualTo(201);
    assertThat(gw.http().post("/login", null, "{\"login\":\"" + login + "\",\"password\":\""
        + password + "\"}").status()).isEqualTo(200);
  }

  @Test
  void aPasswordOfSixtyFiveCharactersIsRefused() {
    Http.Answer a = createMerchant(login(), "Shop", "a1" + "x".repeat(63));

    assertThat(a.status()).isEqualTo(400);
    assertThat(fields(a)).containsExactly("password");
  }

  @Test
  void aLetterOutsideTheBmpCountsAsALetter() {
    // Digits and one letter outside the BMP: letters and digits, as the policy asks.
    Http.Answer a = createMerchant(login(), "Shop", "123456789012" + SCRIPT_A);

    assertThat(a.status()).as(a.toString()).isEqualTo(201);
  }

  @Test
  void theLongestNamesAreStoredWhateverTheirCharacters() {
    LongestNames.areStoredAndReadBack(gw);
  }

  @Test
  void oneCharacterOverIsRefused() {
    Http.Answer merchant = createMerchant(login(), SCRIPT_A.repeat(201), TestGateway.PASSWORD);
    assertThat(merchant.status()).isEqualTo(400);
    assertThat(fields(merchant)).containsExactly("name");

    String token = gw.newMerchantToken();
    Http.Answer payment = gw.http().post("/api/process", token, TestGateway.payment(
        Cards.AUTHORISED, "1.00", "EUR").replace("Santa Claus", EMOJI.repeat(101)));
    assertThat(payment.status()).isEqualTo(400);
    assertThat(fields(payment)).containsExactly("cardholdername");
  }

  @Test
  void aNameWithAnUnpairedSurrogateIsRefused() {
    Http.Answer a = createMerchant(login(), "Shop \\ud83d", TestGateway.PASSWORD);

    assertThat(a.status()).as(a.toString()).isEqualTo(400);
    assertThat(fields(a)).containsExactly("name");
  }
}
