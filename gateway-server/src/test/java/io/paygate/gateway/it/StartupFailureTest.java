package io.paygate.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A bad setting stops start-up with a message that names it, and a non-zero exit. */
class StartupFailureTest {
  @TempDir Path dir;

  private Result run(String variable, String value) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), "io.paygate.gateway.GatewayMain");
    pb.environment().put("PAYGATE_DATA_DIR", dir.toString());
    pb.environment().put("PAYGATE_PORT", "0");
    pb.environment().put(variable, value);
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
}
