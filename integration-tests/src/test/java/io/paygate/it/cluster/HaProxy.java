package io.paygate.it.cluster;

import static org.awaitility.Awaitility.await;

import io.paygate.gateway.support.Http;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HAProxy (Debian package {@code haproxy}; .ci/run installs it) in front of gateway nodes, with
 * the configuration an operator copies: {@code docs/haproxy.cfg}, whose frontend port and server
 * lines alone are changed to this test's free ports.
 */
final class HaProxy implements AutoCloseable {
  static final Path BINARY = Path.of("/usr/sbin/haproxy");
  private static final Pattern BIND = Pattern.compile("(\\s*bind\\s+)\\S+(.*)");
  private static final Pattern SERVER = Pattern.compile("(\\s*)server\\s+\\S+\\s+\\S+(.*)");

  private final Process process;
  private final Path log;
  private final Http http;

  private HaProxy(Process process, Path log, int port) {
    this.process = process;
    this.log = log;
    // HTTP/1.1, as merchants' backends speak to a balancer (no h2c upgrade attempts).
    this.http = new Http("http://127.0.0.1:" + port, HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build());
  }

  /**
   * Starts HAProxy from {@code template} (docs/haproxy.cfg) on a free port in front of
   * {@code nodePorts}, and waits until a request through it reaches a ready node.
   */
  static HaProxy start(Path template, List<Integer> nodePorts, Path dir) throws IOException {
    if (!Files.isExecutable(BINARY)) {
      throw new IllegalStateException("HAProxy is missing (" + BINARY + "): install it with"
          + " 'apt-get install -y haproxy' (.ci/run does)");
    }
    int port = freePort();
    Path config = dir.resolve("haproxy.cfg");
    Files.writeString(config, render(Files.readString(template), port, nodePorts));
    Path log = dir.resolve("haproxy.log");
    // -db: in the foreground, so that the test owns (and kills) the one process.
    Process p = new ProcessBuilder(BINARY.toString(), "-db", "-f", config.toString())
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    HaProxy proxy = new HaProxy(p, log, port);
    try {
      await("HAProxy forwarding to a ready node").atMost(Duration.ofSeconds(30))
          .pollInterval(Duration.ofMillis(100)).ignoreExceptions()
          .until(() -> {
            if (!p.isAlive()) {
              throw new IllegalStateException("HAProxy exited: " + proxy.log());
            }
            return proxy.http.get("/ready", null).status() == 200;
          });
    } catch (RuntimeException e) {
      proxy.close();
      throw new IllegalStateException("HAProxy did not start: " + proxy.log(), e);
    }
    return proxy;
  }

  /**
   * The template with its frontend on {@code port} and, where its server lines were, one server
   * line per node port, each keeping the options of the template's first server line.
   */
  static String render(String template, int port, List<Integer> nodePorts) {
    StringBuilder out = new StringBuilder();
    boolean bound = false;
    boolean served = false;
    for (String line : template.split("\n", -1)) {
      Matcher bind = BIND.matcher(line);
      Matcher server = SERVER.matcher(line);
      if (bind.matches()) {
        out.append(bind.group(1)).append("127.0.0.1:").append(port).append(bind.group(2))
            .append('\n');
        bound = true;
      } else if (server.matches()) {
        for (int i = 0; !served && i < nodePorts.size(); i++) {
          out.append(server.group(1)).append("server node").append(i + 1).append(" 127.0.0.1:")
              .append(nodePorts.get(i)).append(server.group(2)).append('\n');
        }
        served = true;
      } else {
        out.append(line).append('\n');
      }
    }
    if (!bound || !served) {
      throw new IllegalArgumentException("the HAProxy template needs a bind line and a server line");
    }
    return out.toString().stripTrailing() + "\n";
  }

  /** Through the balancer. */
  Http http() {
    return http;
  }

  /** What HAProxy printed (warnings, errors). */
  String log() {
    try {
      return Files.readString(log, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  @Override
  public void close() {
    process.destroyForcibly();
    try {
      process.waitFor(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    // Into the test's output: which nodes HAProxy took out of the rotation, and when.
    System.out.println("[haproxy] " + log().replace("\n", "\n[haproxy] "));
  }
}
