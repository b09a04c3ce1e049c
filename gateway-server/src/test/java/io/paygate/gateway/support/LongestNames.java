package io.paygate.gateway.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

/**
 * The longest names the API allows, written with characters outside the BMP (two UTF-16 units
 * each), stored and read back: lengths are counted in characters, and the database columns hold
 * the longest allowed value. Shared by the H2 and the PostgreSQL tests.
 */
public final class LongestNames {
  /** MATHEMATICAL SCRIPT CAPITAL A: a letter, outside the BMP. */
  public static final String SCRIPT_A = new String(Character.toChars(0x1D49C));
  /** GRINNING FACE: a symbol, outside the BMP. */
  public static final String EMOJI = new String(Character.toChars(0x1F600));

  private LongestNames() {}

  /** Creates a merchant whose name is 200 such characters and pays with a 100-character holder. */
  public static void areStoredAndReadBack(TestGateway gw) {
    String login = "longest-" + UUID.randomUUID().toString().substring(0, 8);
    String name = SCRIPT_A.repeat(200);
    Http.Answer created = gw.http().post("/createuser", TestGateway.OPERATOR_KEY,
        "{\"login\":\"" + login + "\",\"name\":\"" + name + "\",\"password\":\""
            + TestGateway.PASSWORD + "\",\"acquiringbank\":\"PiggyBank\"}");
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    assertThat(created.string("name")).isEqualTo(name);

    String token = gw.login(login);
    String holder = EMOJI.repeat(100);
    Http.Answer paid = gw.http().post("/api/process", token, TestGateway.payment(
        Cards.AUTHORISED, "1.00", "EUR").replace("Santa Claus", holder));
    assertThat(paid.status()).as(paid.toString()).isEqualTo(201);
    Http.Answer read = gw.http().get("/api/history/" + paid.string("id"), token);
    assertThat(read.string("cardHolderName")).isEqualTo(holder);
  }
}
