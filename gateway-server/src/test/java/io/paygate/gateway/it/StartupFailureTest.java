package io.paygate.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import io.paygate.gateway.support.TestGateway;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bad setting, an unknown setting or flag, or a data folder in use stops start-up with a message
 * that names it, and exit code 2; {@code --help} and {@code --version} answer and exit 0.
 */
class StartupFailureTest {
  @TempDir Path dir;

  private Result run(String variable, String value) throws Exception {
    return run(Map.of("PAYGATE_ACQUIRER_PIGGYBANK_SIMULATOR", "true", variable, value));
  }

  /** Runs the gateway's main class with these variables and no other PAYGATE_* ones. */
  private Result run(Map<String, String> env, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), "io.paygate.gateway.GatewayMain"));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.environment().keySet().removeIf(name -> name.startsWith("PAYGATE_"));
    pb.environment().put("PAYGATE_DATA_DIR", dir.toString());
    pb.environment().put("PAYGATE_PORT", "0");
    pb.environment().putAll(env);
    pb.redirectErrorStream(true);
    Process p = pb.start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Result(p.exitValue(), output);
  }

  record Result(int exit, String output) {}

  @Test
  void badPortNamesTheVariable() throws Exception {
    Result r = run("PAYGATE_PORT", "eighty");

    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.output()).contains("cannot start").contains("PAYGATE_PORT").contains("eighty");
  }

  @Test
  void shortSigningSecretStopsStartUp() throws Exception {
    Result r = run("PAYGATE_JWT_SECRET", "too-short");

    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.output()).contains("PAYGATE_JWT_SECRET").contains("256 bits");
  }

  @Test
  void unreachableDatabaseIsNamed() throws Exception {
    Result r = run("PAYGATE_DB_URL", "jdbc:postgresql://127.0.0.1:1/none");

    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.output()).contains("cannot open the database").contains("PAYGATE_DB_URL");
  }

  @Test
  void unknownLogFormatNamesTheVariable() throws Exception {
    Result r = run("PAYGATE_LOG_FORMAT", "xml");

    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.output()).contains("cannot start").contains("PAYGATE_LOG_FORMAT").contains("xml")
        .contains("text or json");
  }

  @Test
  void noPiggyBankAddressAndNoSimulatorStopsStartUpNamingTheSetting() throws Exception {
    Result r = run(Map.of());

    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.output()).contains("cannot start")
        .contains("setting 'baseUrl' is required")
        .contains("acquirer.piggybank.baseUrl")
        .contains("PAYGATE_ACQUIRER_PIGGYBANK_BASEURL")
        .doesNotContain("listening");
  }

  @Test
  void anUnknownVariableStopsStartUpNamingItAndTheClosestSetting() throws Exception {
    Result r = run("PAYGATE_PROT", "9090");

    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.output()).contains("cannot start: unknown setting")
        .contains("environment variable PAYGATE_PROT (did you mean PAYGATE_PORT?)")
        .doesNotContain("listening");
  }

  @Test
  void anUnknownAcquirerSettingIsNamedWithTheClosestDeclaredOne() throws Exception {
    Result r = run("PAYGATE_ACQUIRER_PIGGYBANK_BASE_URL", "https://piggybank.example");

    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.output())
        .contains("PAYGATE_ACQUIRER_PIGGYBANK_BASE_URL (did you mean"
            + " PAYGATE_ACQUIRER_PIGGYBANK_BASEURL?)");
  }

  @Test
  void anUnknownFlagExitsTwoNamingTheClosestFlag() throws Exception {
    Result r = run(Map.of("PAYGATE_ACQUIRER_PIGGYBANK_SIMULATOR", "true"), "--conifg",
        "paygate.properties");

    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.output()).contains("unknown option '--conifg' (did you mean --config?)")
        .contains("--help").doesNotContain("listening");
  }

  @Test
  void helpDescribesTheOptionsAndTheSettingsAndExitsZero() throws Exception {
    Result r = run(Map.of(), "--help");

    assertThat(r.exit()).isZero();
    assertThat(r.output()).contains("Usage: paygate", "--config=FILE", "--help", "--version",
        "PAYGATE_").doesNotContain("listening", "cannot start");
  }

  @Test
  void versionPrintsTheBuildsVersionAndExitsZero() throws Exception {
    Result r = run(Map.of(), "--version");

    assertThat(r.exit()).isZero();
    assertThat(r.output()).containsPattern("Paygate \\d+\\.\\d+\\.\\d+")
        .doesNotContain("unknown", "listening");
  }

  @Test
  void aSecondGatewayOnTheSameDataFolderSaysAnotherGatewayIsProbablyRunningThere()
      throws Exception {
    try (TestGateway first = TestGateway.start(dir, Map.of())) {
      Result second = run(Map.of("PAYGATE_ACQUIRER_PIGGYBANK_SIMULATOR", "true"));

      assertThat(second.exit()).isEqualTo(2);
      assertThat(second.output())
          .contains("another gateway is probably running on the data folder " + dir)
          .contains("PAYGATE_DATA_DIR")
          .doesNotContain("PAYGATE_DB_URL");
      assertThat(first.http().get("/ready", null).status()).isEqualTo(200);
    }
  }
}
