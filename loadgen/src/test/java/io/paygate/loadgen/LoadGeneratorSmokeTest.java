package io.paygate.loadgen;

import static org.assertj.core.api.Assertions.assertThat;

import io.paygate.gateway.Gateway;
import io.paygate.gateway.config.ConfigSource;
import io.paygate.gateway.config.GatewayConfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Runs the load generator for a moment against a real gateway: it must set up its merchants,
 * send every kind of request, get the expected answers, and report. Not a speed test.
 */
class LoadGeneratorSmokeTest {
  private static final String OPERATOR_KEY = "smoke-operator-key-0123456789abcdef";

  @TempDir static Path dataDir;
  private static Gateway gateway;

  @BeforeAll
  static void startGateway() {
    gateway = Gateway.start(GatewayConfig.from(ConfigSource.of(Map.of(
        "port", "0", "host", "127.0.0.1", "data.dir", dataDir.toString(),
        "operator.key", OPERATOR_KEY, "acquirer.piggybank.simulator", "true"))));
  }

  @AfterAll
  static void stopGateway() {
    gateway.close();
  }

  private String url() {
    return "http://127.0.0.1:" + gateway.port();
  }

  private record Ran(int exit, LoadGenerator command, String output) {}

  private Ran run(String... args) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    LoadGenerator command = new LoadGenerator(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    CommandLine cli = new CommandLine(command);
    cli.setErr(new java.io.PrintWriter(bytes, true, StandardCharsets.UTF_8));
    int exit = cli.execute(args);
    return new Ran(exit, command, bytes.toString(StandardCharsets.UTF_8));
  }

  @Test
  void closedLoopRawHttpSendsEveryKindAndGetsTheExpectedAnswers(@TempDir Path out) throws Exception {
    Path json = out.resolve("summary.json");
    Path csv = out.resolve("progress.csv");
    Ran ran = run("--url", url(), "--operator-key", OPERATOR_KEY, "--merchants", "2",
        "--concurrency", "4", "--count", "400", "--duration", "20s",
        "--mix", "authorised=4,declined=2,invalid=2,history=2", "--progress", "200ms",
        "--health-probe", "50ms", "--json", json.toString(), "--csv", csv.toString());

    assertThat(ran.exit()).as(ran.output()).isZero();
    Summary s = ran.command().summary();
    assertThat(s.requests()).isEqualTo(400);
    assertThat(s.errors()).as(ran.output()).isZero();
    assertThat(s.throughput()).isPositive();
    assertThat(s.sentByKind()).containsOnlyKeys("authorised", "declined", "invalid", "history");
    assertThat(s.latency().max()).isGreaterThanOrEqualTo(s.latency().p50()).isPositive();
    assertThat(s.health().count()).isPositive();
    // The client's own CPU per request: the figure that compares clients on a busy machine.
    assertThat(s.cpuMicrosPerRequest()).isPositive();
    assertThat(ran.output()).contains("req/s", "p99.9", "/health", "us per request");
    assertThat(Files.readString(json)).contains("\"requests\":400", "\"errors\":0", "\"p999\"",
        "\"clientCpuUsPerRequest\"");
    assertThat(Files.readAllLines(csv).get(0)).startsWith("elapsed_s,requests");

    // Every answer that went to the bank told its time (Server-Timing): the rest is the gateway's.
    Summary.Percentiles added = s.gatewayAdded();
    assertThat(added).as(ran.output()).isNotNull();
    assertThat(added.count()).isEqualTo(s.sentByKind().get("authorised") + s.sentByKind().get("declined"));
    assertThat(added.max()).isLessThanOrEqualTo(s.latency().max());
    assertThat(ran.output()).contains("gateway-added:", "gateway-added p50");
    assertThat(Files.readString(json)).contains("\"gatewayAddedMs\":{\"count\":" + added.count());
    List<String> rows = Files.readAllLines(csv);
    assertThat(rows.get(0)).endsWith(",gateway_added_p50_ms,gateway_added_p99_ms,gateway_added_max_ms");
    assertThat(rows.get(rows.size() - 1).split(",", -1)).hasSize(10).doesNotContain("");
  }

  @Test
  void openLoopThroughTheSdkKeepsTheRateAndCountsNoErrors() {
    Ran ran = run("--url", url(), "--operator-key", OPERATOR_KEY, "--client", "sdk",
        "--rate", "100", "--duration", "2s", "--concurrency", "8",
        "--mix", "authorised=8,declined=1,history=1");

    assertThat(ran.exit()).as(ran.output()).isZero();
    Summary s = ran.command().summary();
    assertThat(s.errors()).as(ran.output()).isZero();
    // 100/s for 2 s: at most about 200 requests, however fast the gateway, since a paced run does
    // not flood. How many fewer depends on the machine (45 when other builds held both cores), so
    // the floor only says that it ran.
    assertThat(s.requests()).as(ran.output()).isBetween(10L, 210L);
    // The SDK does not show answer headers, so the bank's time is not known through it.
    assertThat(s.gatewayAdded()).isNull();
    assertThat(ran.output()).doesNotContain("gateway-added");
  }

  @Test
  void aRefusedSetupStopsWithTheGatewaysAnswer() {
    Ran ran = run("--url", url(), "--operator-key", "not-the-operator-key-0123456789",
        "--count", "10");

    assertThat(ran.exit()).isEqualTo(2);
    assertThat(ran.output()).contains("setup failed", "/createuser", "401");
  }

  @Test
  void aBadMixIsRefusedWithItsReason() {
    Ran ran = run("--url", url(), "--mix", "authorised=1,refunds=2");

    assertThat(ran.exit()).isNotZero();
    assertThat(ran.output()).contains("'refunds' is not one of");
  }

  @Test
  void aSmallRunTakesPlatformThreadsUnlessToldOtherwise() {
    Ran ran = run("--url", url(), "--operator-key", OPERATOR_KEY, "--count", "20",
        "--concurrency", "4", "--mix", "authorised=1");

    assertThat(ran.exit()).as(ran.output()).isZero();
    assertThat(ran.output()).contains("4 in flight at most").contains(", platform threads");
  }

  @Test
  void anUnknownKindOfThreadsIsRefusedWithTheChoices() {
    Ran ran = run("--url", url(), "--threads", "green");

    assertThat(ran.exit()).isNotZero();
    assertThat(ran.output()).contains("--threads must be auto, platform or virtual, not 'green'");
  }
}
