package io.paygate.sdk.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RedactorTest {
  @Test void secretsAreReplacedWhateverTheKeysCase() {
    assertThat(Redactor.json("{\"Password\":\"pw\",\"CVV\":123,\"cardNumber\":\"4242-4242-4242-4242\","
        + "\"amount\":42.50,\"nested\":{\"token\":\"t\",\"tokens\":[\"x\"]},\"refreshToken\":null}"))
        .isEqualTo("{\"Password\":\"[redacted]\",\"CVV\":\"[redacted]\",\"cardNumber\":\"424242******4242\","
            + "\"amount\":42.50,\"nested\":{\"token\":\"[redacted]\",\"tokens\":[\"x\"]},\"refreshToken\":null}");
  }

  @Test void arraysUnderASecretKeyAreRedactedElementByElement() {
    assertThat(Redactor.json("{\"password\":[\"a\",\"b\"]}"))
        .isEqualTo("{\"password\":[\"[redacted]\",\"[redacted]\"]}");
  }

  @Test void cardNumbersAreMaskedWhereverTheyHide() {
    assertThat(Redactor.json("[{\"note\":\"4242 4242 4242 4242\"},4242424242424242,1764108690123]"))
        .isEqualTo("[{\"note\":\"424242******4242\"},\"424242******4242\",1764108690123]");
  }

  @Test void notJsonIsNotShown() {
    assertThat(Redactor.json("password=hunter2")).isEqualTo("(16 characters, not JSON)");
    assertThat(Redactor.json("{\"a\":1} trailing")).contains("not JSON");
  }

  @Test void credentialsInHeadersAreReplacedKeepingTheScheme() {
    assertThat(Redactor.header("Authorization", "Bearer abc")).isEqualTo("Bearer [redacted]");
    assertThat(Redactor.header("cookie", "a=b")).isEqualTo("[redacted]");
    assertThat(Redactor.header("Idempotency-Key", "k")).isEqualTo("k");
  }

  @Test void maskKeepsAtMostTheFirstSixAndLastFourAsTheGatewayDoes() {
    assertThat(Redactor.maskCardNumber("4242 4242 4242 4242")).isEqualTo("424242******4242");
    assertThat(Redactor.maskCardNumber("4242-4242-4242-4242-424")).isEqualTo("424242*********2424");
    // Short numbers show less: at least six digits stay hidden.
    assertThat(Redactor.maskCardNumber("123456789012")).isEqualTo("123******012");
    assertThat(Redactor.maskCardNumber("123")).isEqualTo("***");
    // A masked number stays as it is.
    assertThat(Redactor.maskCardNumber("424242******4242")).isEqualTo("424242******4242");
  }
}
