package io.paygate.it.cluster;

import io.paygate.gateway.support.GatewayProcess;
import io.paygate.gateway.support.Http;
import io.paygate.gateway.support.PostgresServer;
import io.paygate.gateway.support.SimulatorProcess;
import io.paygate.gateway.support.TestGateway;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Several gateway processes on one real PostgreSQL, behind HAProxy in round robin, paying at the
 * Piggy Bank simulator in a process of its own (its ledger outlives any node): what an operator
 * runs, started on free ports in a temporary folder. Closing it kills every process it started,
 * whatever state it is in.
 */
final class Cluster implements AutoCloseable {
  /** The same on every node: a token signed by one node is accepted by the others. */
  static final String JWT_SECRET = "cluster-test-jwt-secret-0123456789abcdef0123456789abcdef";
  private static final AtomicInteger MERCHANTS = new AtomicInteger();

  private final Deque<AutoCloseable> parts = new ArrayDeque<>();
  private final List<GatewayProcess> nodes = new ArrayList<>();
  private PostgresServer postgres;
  private SimulatorProcess bank;
  private HaProxy balancer;

  private Cluster() {}

  /**
   * Starts PostgreSQL, the simulator, {@code size} gateways (at once: they migrate the one
   * database concurrently, as nodes deployed together do) and HAProxy from
   * {@code haproxyTemplate}.
   *
   * @param settings PAYGATE_* variables for every node, beside the shared database, bank and
   *     secrets
   */
  static Cluster start(Path dir, int size, Path haproxyTemplate, Map<String, String> settings)
      throws Exception {
    Cluster c = new Cluster();
    try {
      c.postgres = c.push(PostgresServer.start());
      // Each answer delayed a little, so that a node killed under load has payments at the bank.
      c.bank = c.push(SimulatorProcess.start("20ms"));
      Map<String, String> env = new HashMap<>(settings);
      env.put("PAYGATE_DB_URL", c.postgres.jdbcUrl());
      env.put("PAYGATE_DB_USER", "paygate");
      env.put("PAYGATE_JWT_SECRET", JWT_SECRET);
      env.put("PAYGATE_ACQUIRER_PIGGYBANK_BASEURL", c.bank.baseUrl());
      // Three JVMs starting at once on a small machine: C1 only and the serial collector cut
      // their start-up's CPU by half; this test measures correctness, not speed.
      env.put("JAVA_TOOL_OPTIONS", "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmx512m");
      List<CompletableFuture<GatewayProcess>> starting = new ArrayList<>();
      for (int i = 1; i <= size; i++) {
        Path data = Files.createDirectories(dir.resolve("node" + i));
        starting.add(CompletableFuture.supplyAsync(() -> {
          try {
            return GatewayProcess.start(data, env);
          } catch (Exception e) {
            throw new IllegalStateException("node did not start", e);
          }
        }));
      }
      List<Integer> ports = new ArrayList<>();
      Exception failed = null;
      for (CompletableFuture<GatewayProcess> f : starting) {
        try {
          GatewayProcess node = c.push(f.join());
          c.nodes.add(node);
          ports.add(URI.create(node.http().baseUrl()).getPort());
        } catch (RuntimeException e) {
          failed = e;
        }
      }
      if (failed != null) {
        throw failed;
      }
      c.balancer = c.push(HaProxy.start(haproxyTemplate, ports, dir));
      return c;
    } catch (Exception | Error e) {
      try {
        c.close();
      } catch (Exception stopping) {
        e.addSuppressed(stopping);
      }
      throw e;
    }
  }

  private <T extends AutoCloseable> T push(T part) {
    parts.push(part);
    return part;
  }

  /** Through HAProxy. */
  Http balancer() {
    return balancer.http();
  }

  /** Straight to node {@code i} (0-based), around the balancer. */
  Http node(int i) {
    return nodes.get(i).http();
  }

  int size() {
    return nodes.size();
  }

  /** SIGKILL of node {@code i}: no shutdown hook runs, nothing is flushed. */
  void kill(int i) throws InterruptedException {
    nodes.get(i).kill();
  }

  PostgresServer database() {
    return postgres;
  }

  SimulatorProcess bank() {
    return bank;
  }

  /** Creates a merchant on Piggy Bank through the balancer and returns its id and login. */
  Merchant newMerchant() {
    String login = "cluster-" + MERCHANTS.incrementAndGet() + "-" + System.nanoTime();
    Http.Answer created = balancer().post("/createuser", TestGateway.OPERATOR_KEY,
        "{\"login\":\"" + login + "\",\"name\":\"Shop " + login + "\",\"password\":\""
            + TestGateway.PASSWORD + "\",\"acquiringbank\":\"PiggyBank\"}");
    if (created.status() != 201) {
      throw new IllegalStateException("cannot create a merchant: " + created);
    }
    return new Merchant(created.string("id"), login);
  }

  /** Logs {@code merchant} in through {@code via}: the answer holds the token pair. */
  static Map<String, Object> login(Http via, Merchant merchant) {
    Http.Answer a = via.post("/login", null, "{\"login\":\"" + merchant.login()
        + "\",\"password\":\"" + TestGateway.PASSWORD + "\"}");
    if (a.status() != 200) {
      throw new IllegalStateException("cannot log in: " + a);
    }
    return a.json();
  }

  record Merchant(String id, String login) {}

  /** Kills every process, the last started first; each one even when another fails to stop. */
  @Override
  public void close() throws Exception {
    Exception first = null;
    while (!parts.isEmpty()) {
      try {
        parts.pop().close();
      } catch (Exception e) {
        if (first == null) {
          first = e;
        } else {
          first.addSuppressed(e);
        }
      }
    }
    if (first != null) {
      throw first;
    }
  }
}
