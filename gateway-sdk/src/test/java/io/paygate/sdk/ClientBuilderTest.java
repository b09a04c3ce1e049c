package io.paygate.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ClientBuilderTest {
  private static PaygateClient.Builder builder(String baseUrl) {
    return new PaygateClient.Builder().baseUrl(baseUrl).login("disney", "pw");
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://pay.example.com", "http://10.0.0.5:8080", "http://192.168.1.2/"})
  void cleartextToAnotherMachineIsRefused(String baseUrl) {
    assertThatThrownBy(() -> builder(baseUrl).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("cleartext http")
        .hasMessageContaining("allowCleartext(true)");
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://localhost:8080", "http://127.0.0.1:8080", "http://127.1.2.3",
      "http://[::1]:8080", "https://pay.example.com"})
  void loopbackAndHttpsAreAllowed(String baseUrl) {
    assertThatCode(() -> builder(baseUrl).build()).doesNotThrowAnyException();
  }

  @Test void cleartextCanBeAllowedExplicitly() {
    PaygateClient client = builder("http://pay.internal:8080").allowCleartext(true).build();
    assertThat(client.baseUrl()).isEqualTo("http://pay.internal:8080/");
  }

  @Test void buildSaysWhatIsMissing() {
    assertThatThrownBy(() -> new PaygateClient.Builder().login("disney", "pw").build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("baseUrl required");
    assertThatThrownBy(() -> new PaygateClient.Builder().baseUrl("https://pay.example.com").build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("login(login, password) or refreshToken required");
  }

  @Test void argumentsAreCheckedByName() {
    PaygateClient.Builder builder = new PaygateClient.Builder();
    assertThatThrownBy(() -> builder.baseUrl((String) null)).hasMessage("baseUrl == null");
    assertThatThrownBy(() -> builder.baseUrl("ftp://x")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> builder.baseUrl("https://x/?a=b")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> builder.baseUrl("https://u:p@x/")).hasMessageContaining("no credentials");
    assertThatThrownBy(() -> builder.login(null, "pw")).hasMessage("login == null");
    assertThatThrownBy(() -> builder.login("disney", null)).hasMessage("password == null");
    assertThatThrownBy(() -> builder.maxRetries(-1)).hasMessage("maxRetries < 0: -1");
    assertThatThrownBy(() -> builder.callTimeout(Duration.ZERO)).hasMessage("callTimeout must be positive");
    assertThatThrownBy(() -> builder.readTimeout(Duration.ofSeconds(-1))).hasMessageStartingWith("readTimeout < 0");
    assertThatThrownBy(() -> builder.retryBackoff(Duration.ofSeconds(2), Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> builder.listener(null)).hasMessage("listener == null");
  }

  @Test void newBuilderKeepsTheSettings() {
    PaygateClient client = builder("https://pay.example.com/paygate")
        .callTimeout(Duration.ofSeconds(7))
        .readTimeout(Duration.ofSeconds(3))
        .maxRetries(5)
        .build();

    PaygateClient copy = client.newBuilder().maxRetries(1).build();

    assertThat(copy.baseUrl()).isEqualTo("https://pay.example.com/paygate/");
    assertThat(copy.login()).isEqualTo("disney");
    assertThat(copy.callTimeout()).isEqualTo(Duration.ofSeconds(7));
    assertThat(copy.readTimeout()).isEqualTo(Duration.ofSeconds(3));
    assertThat(copy.maxRetries()).isEqualTo(1);
    assertThat(client.maxRetries()).isEqualTo(5); // the original is unchanged
  }

  @Test void baseUrlAcceptsAUri() {
    PaygateClient client = new PaygateClient.Builder()
        .baseUrl(URI.create("https://pay.example.com"))
        .refreshToken("rt")
        .build();
    assertThat(client.baseUrl()).isEqualTo("https://pay.example.com/");
    assertThat(client.login()).isNull();
  }
}
