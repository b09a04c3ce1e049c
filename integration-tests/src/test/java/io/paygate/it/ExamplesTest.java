package io.paygate.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paygate.examples.quickstart.QuickStart;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The examples run, as a reader would run them, against the real gateway. */
class ExamplesTest extends OneGatewayPerClass {
  private static final String ID = "[0-9a-f-]{36}";

  @Test void theJavaQuickStartCreatesAMerchantAndPays() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    QuickStart.run(new String[] {"--url", gateway.url(), "--operator-key", LiveGateway.OPERATOR_KEY},
        Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8));

    assertThat(out.toString(StandardCharsets.UTF_8).lines()).satisfiesExactly(
        line -> assertThat(line).matches("Created merchant quickstart-[0-9a-f]{8}"),
        line -> assertThat(line).matches("AUTHORISED 42.50 EUR, payment " + ID),
        line -> assertThat(line).matches("DECLINED 10.00 USD, payment " + ID + ", reason \\w+"),
        line -> assertThat(line).startsWith("Refused: [cardnumber: "),
        line -> assertThat(line).isEqualTo("History:"),
        line -> assertThat(line).matches("  " + ID + " DECLINED 10.00 USD"),
        line -> assertThat(line).matches("  " + ID + " AUTHORISED 42.50 EUR"),
        line -> assertThat(line).matches("Fetched " + ID + ": AUTHORISED, card 411111\\*{6}1111"));
  }

  @Test void theJavaQuickStartUsesAnExistingMerchantFromTheEnvironment() throws Exception {
    String login = gateway.createMerchant();
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    QuickStart.run(new String[0], Map.of("PAYGATE_URL", gateway.url(), "PAYGATE_LOGIN", login,
        "PAYGATE_PASSWORD", LiveGateway.PASSWORD), new PrintStream(out, true, StandardCharsets.UTF_8));

    assertThat(out.toString(StandardCharsets.UTF_8))
        .doesNotContain("Created merchant")
        .contains("AUTHORISED 42.50 EUR", "Fetched ");
  }

  @Test void theJavaQuickStartNamesTheSettingsItTakes() {
    assertThatThrownBy(() -> QuickStart.run(new String[] {"--uri", gateway.url()}, Map.of(), System.out))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("[url, login, password, operator-key]");
  }

  @Test void theCurlScriptWalksTheRestApi() throws Exception {
    String output = runCurlScript(dataDir, Map.of("PAYGATE_OPERATOR_KEY", LiveGateway.OPERATOR_KEY));

    assertThat(output.lines()).satisfiesExactly(
        line -> assertThat(line).matches("Created merchant curl-\\d+"),
        line -> assertThat(line).startsWith("Logged in, token expires 20"),
        line -> assertThat(line).matches("Authorised 42.50 EUR, payment " + ID),
        line -> assertThat(line).matches("Declined 10.00 USD, payment " + ID + ", reason \\w+"),
        line -> assertThat(line).matches("History page 1: " + ID + " Declined"),
        line -> assertThat(line).matches("History page 2: " + ID + " Authorised"),
        line -> assertThat(line).matches("Fetched /api/history/" + ID + ": Authorised, card 411111\\*{6}1111"));
  }

  @Test void theCurlScriptReadsTheOperatorKeyFromTheDataFolderByDefault() throws Exception {
    // As after ./run.sh: the script runs from the folder that holds data/operator.key.
    Path workDir = Files.createDirectories(dataDir.resolve("clone/data")).getParent();
    Files.writeString(workDir.resolve("data/operator.key"), LiveGateway.OPERATOR_KEY + "\n");

    String output = runCurlScript(workDir, Map.of());

    assertThat(output).contains("Created merchant curl-", "Fetched /api/history/");
  }

  /** Runs examples/rest-curl/quickstart.sh with bash in {@code workDir}; returns what it printed. */
  private static String runCurlScript(Path workDir, Map<String, String> env) throws Exception {
    Path script = Path.of(System.getProperty("paygate.root"), "examples", "rest-curl", "quickstart.sh");
    ProcessBuilder bash = new ProcessBuilder("bash", script.toString())
        .directory(workDir.toFile())
        .redirectErrorStream(true);
    bash.environment().remove("PAYGATE_OPERATOR_KEY");
    bash.environment().put("PAYGATE_URL", gateway.url());
    bash.environment().putAll(env);

    Process process = bash.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(output).isZero();
    return output;
  }
}
