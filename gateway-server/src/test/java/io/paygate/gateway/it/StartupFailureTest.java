package io.paygate.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A bad setting stops start-up with a message that names it, and a non-zero exit. */
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
  void noPiggyBankAddressAndNoSimulatorStopsStartUpNamingTheSetting() throws Exception {
    Result r = run(Map.of());

    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.output()).contains("cannot start")
        .contains("setting 'baseUrl' is required")
        .contains("acquirer.piggybank.baseUrl")
        .contains("PAYGATE_ACQUIRER_PIGGYBANK_BASEURL")
        .doesNotContain("listening");
  }
}
