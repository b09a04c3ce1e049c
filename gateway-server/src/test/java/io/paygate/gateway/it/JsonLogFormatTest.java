package io.paygate.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.squareup.moshi.Moshi;
import io.paygate.gateway.support.Http;
import io.paygate.gateway.support.TestGateway;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code PAYGATE_LOG_FORMAT=json}, as an operator sets it: the gateway process prints one JSON
 * object per log line, request lines included, with the request id in the logging context.
 */
class JsonLogFormatTest {
  /** The banner's lines after its first: printed for people, not logged. */
  private static final Pattern BANNER = Pattern.compile("|  acquirer .*|\\*.*");
  private static final Pattern LISTENING = Pattern.compile("listening on http://localhost:(\\d+)");

  @TempDir Path dir;

  @Test
  void everyLogLineIsOneJsonObject() throws Exception {
    ProcessBuilder pb = new ProcessBuilder(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), "io.paygate.gateway.GatewayMain");
    pb.environment().put("PAYGATE_DATA_DIR", dir.toString());
    pb.environment().put("PAYGATE_PORT", "0");
    pb.environment().put("PAYGATE_HOST", "127.0.0.1");
    pb.environment().put("PAYGATE_LOG_FORMAT", "json");
    pb.environment().put("PAYGATE_ACQUIRER_PIGGYBANK_SIMULATOR", "true");
    // A key of our own: no banner about a generated one among the log lines.
    pb.environment().put("PAYGATE_OPERATOR_KEY", TestGateway.OPERATOR_KEY);
    pb.redirectErrorStream(true);
    Process p = pb.start();
    BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    Thread reader = new Thread(() -> {
      try (BufferedReader r = new BufferedReader(
          new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line; (line = r.readLine()) != null; ) {
          lines.add(line);
        }
      } catch (java.io.IOException e) {
        // the process ended
      }
    });
    reader.setDaemon(true);
    reader.start();
    try {
      Map<?, ?> started = null;
      int port = -1;
      while (port < 0) {
        String line = lines.poll(60, TimeUnit.SECONDS);
        assertThat(line).as("the gateway's output before it listens").isNotNull();
        Matcher m = LISTENING.matcher(line);
        if (line.startsWith("{")) {
          Map<?, ?> json = parse(line);
          if (String.valueOf(json.get("formattedMessage")).startsWith("gateway listening")) {
            started = json;
          }
        } else if (m.find()) {
          port = Integer.parseInt(m.group(1)); // the banner for people, printed, not logged
        }
      }
      assertThat(started).as("the start-up log line, as JSON").isNotNull();
      assertThat(started.get("level")).isEqualTo("INFO");
      assertThat(started.get("loggerName")).isEqualTo("io.paygate.gateway.Gateway");

      Http.Answer health = new Http("http://127.0.0.1:" + port).get("/health", null);
      assertThat(health.status()).isEqualTo(200);
      Map<?, ?> access = null;
      while (access == null) {
        String line = lines.poll(30, TimeUnit.SECONDS);
        assertThat(line).as("the request's access line").isNotNull();
        if (BANNER.matcher(line).matches()) {
          continue; // the rest of the banner for people (acquirers, a simulator warning)
        }
        assertThat(line).startsWith("{").endsWith("}");
        Map<?, ?> json = parse(line);
        if ("paygate.access".equals(json.get("loggerName"))) {
          access = json;
        }
      }
      assertThat(access.get("formattedMessage").toString()).matches("GET /health 200 \\d+ms");
      assertThat(((Map<?, ?>) access.get("mdc")).get("requestId"))
          .isEqualTo(health.header("X-Request-Id"));
    } finally {
      p.destroy();
      p.waitFor(30, TimeUnit.SECONDS);
    }
  }

  private static Map<?, ?> parse(String line) throws java.io.IOException {
    return (Map<?, ?>) new Moshi.Builder().build().adapter(Object.class).fromJson(line);
  }
}
