package io.paygate.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.paygate.gateway.support.PluginJarBuilder;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./run.sh} keeps a class-data archive only from a gateway that started and stopped
 * cleanly: an archive recorded by a failed start made every later start slower than none. Runs a
 * copy of the real script beside a small stand-in jar (its main fails like a bad setting, exits,
 * or waits for SIGTERM), so that it costs two JVM starts, not a gateway build.
 */
class RunScriptClassDataTest {
  private static final Path RUN_SH = Path.of("..", "run.sh").toAbsolutePath().normalize();

  @TempDir Path root;
  private Path archive;

  @BeforeEach
  void standInGateway() throws Exception {
    Files.copy(RUN_SH, root.resolve("run.sh"));
    new PluginJarBuilder().manifest("Main-Class", "standin.Main").source("standin.Main",
        "package standin;\n"
        + "public final class Main {\n"
        + "  public static void main(String[] args) throws Exception {\n"
        + "    if (System.getenv(\"STANDIN_FAIL\") != null) {\n"
        + "      System.err.println(\"paygate: cannot start: a bad setting\");\n"
        + "      System.exit(2);\n"
        + "    }\n"
        + "    System.out.println(\"Paygate is listening\");\n"
        + "    if (System.getenv(\"STANDIN_STAY\") != null) {\n"
        + "      new java.util.concurrent.CountDownLatch(1).await();\n"
        + "    }\n"
        + "  }\n"
        + "}\n")
        .writeTo(root.resolve("gateway-server/target"), "gateway-server.jar");
    archive = root.resolve("gateway-server/target/gateway-server.jsa");
  }

  private Process runSh(Map<String, String> env) throws Exception {
    ProcessBuilder pb = new ProcessBuilder("bash", root.resolve("run.sh").toString())
        .directory(root.toFile()).redirectErrorStream(true);
    pb.environment().keySet().removeIf(name -> name.startsWith("PAYGATE_"));
    pb.environment().putAll(env);
    return pb.start();
  }

  private static int exit(Process p) throws Exception {
    p.getInputStream().transferTo(System.out);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return p.exitValue();
  }

  private Stream<Path> leftovers() throws Exception {
    return Files.list(archive.getParent()).filter(f -> f.getFileName().toString().contains("jsa"));
  }

  @Test
  void aStartThatFailsLeavesNoArchive() throws Exception {
    assertThat(exit(runSh(Map.of("STANDIN_FAIL", "1")))).isEqualTo(2);

    assertThat(leftovers()).isEmpty();
  }

  @Test
  void aCleanStartAndStopKeepsTheArchiveAndTheNextStartUsesIt() throws Exception {
    assertThat(exit(runSh(Map.of()))).isZero();
    assertThat(archive).isNotEmptyFile();
    long recorded = Files.getLastModifiedTime(archive).toMillis();

    assertThat(exit(runSh(Map.of()))).isZero();
    assertThat(Files.getLastModifiedTime(archive).toMillis()).isEqualTo(recorded);
    assertThat(leftovers()).containsExactly(archive);
  }

  @Test
  void aGatewayStoppedBySigtermKeepsItsArchive() throws Exception {
    Process script = runSh(Map.of("STANDIN_STAY", "1"));
    try {
      BufferedReader output = new BufferedReader(
          new InputStreamReader(script.getInputStream(), StandardCharsets.UTF_8));
      assertThat(output.readLine()).isEqualTo("Paygate is listening");

      script.toHandle().destroy(); // SIGTERM to run.sh, as a service manager or Ctrl-C would

      assertThat(script.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(script.exitValue()).isEqualTo(143);
      assertThat(archive).isNotEmptyFile();
      assertThat(leftovers()).containsExactly(archive);
    } finally {
      // Never leave the stand-in behind, whatever failed.
      script.descendants().forEach(ProcessHandle::destroyForcibly);
      script.destroyForcibly();
    }
  }
}
