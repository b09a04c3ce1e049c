package io.paygate.piggy.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The simulator as a process of its own, as crash tests and benchmarks run it. */
class PiggyBankSimulatorMainTest {

  private static Process launch(String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"),
        PiggyBankSimulatorMain.class.getName()));
    command.addAll(List.of(args));
    return new ProcessBuilder(command).redirectErrorStream(true).start();
  }

  @Test
  void announcesItsAddressServesAndStopsOnTermination() throws Exception {
    Process process = launch("--host", "127.0.0.1", "--port", "0", "--delay", "10ms");
    try {
      BufferedReader output = new BufferedReader(
          new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      String announcement = CompletableFuture.supplyAsync(() -> firstLineListening(output))
          .get(30, TimeUnit.SECONDS);
      Matcher url = Pattern.compile("listening on (http://127\\.0\\.0\\.1:\\d+)")
          .matcher(announcement);
      assertThat(url.find()).as(announcement).isTrue();
      assertThat(announcement).contains("delayed by 10 ms");

      SimulatorClient client = new SimulatorClient(url.group(1));
      assertThat(client.get("/health").status()).isEqualTo(200);
      assertThat(client.ledger()).isEmpty();

      process.destroy();
      assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    } finally {
      process.destroyForcibly();
    }
  }

  @Test
  void refusesBadArgumentsWithUsage() throws Exception {
    Process process = launch("--port", "eighty");
    try {
      assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

      assertThat(process.exitValue()).isEqualTo(2);
      assertThat(output).contains("--port").contains("usage:");
    } finally {
      process.destroyForcibly();
    }
  }

  private static String firstLineListening(BufferedReader output) {
    try {
      for (String line = output.readLine(); line != null; line = output.readLine()) {
        if (line.contains("listening on")) {
          return line;
        }
      }
      return "the simulator ended without announcing its address";
    } catch (IOException e) {
      return "cannot read the simulator's output: " + e;
    }
  }
}
