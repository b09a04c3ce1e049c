package io.paygate.gateway.support;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server for a test, started from the machine's PostgreSQL binaries (Debian's
 * {@code postgresql} package; .ci/run installs it) in a temporary folder on a free port. PostgreSQL
 * refuses to run as root, so under root it runs as the {@code postgres} user.
 */
public final class PostgresServer implements AutoCloseable {
  private final Path dir;
  private final Process process;
  private final int port;

  private PostgresServer(Path dir, Process process, int port) {
    this.dir = dir;
    this.process = process;
    this.port = port;
  }

  public static PostgresServer start() throws IOException, InterruptedException {
    Path bin = binaries();
    Path dir = Files.createTempDirectory("paygate-pg");
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path data = dir.resolve("data");
    Files.createDirectory(data);
    boolean root = "root".equals(System.getProperty("user.name"));
    if (root) {
      UserPrincipal postgres = dir.getFileSystem().getUserPrincipalLookupService()
          .lookupPrincipalByName("postgres");
      Files.setOwner(data, postgres);
      Files.setOwner(dir, postgres);
    }
    run(root, List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", "paygate",
        "--auth=trust", "-E", "UTF8", "--no-sync"), dir.resolve("initdb.log"));
    int port = freePort();
    // fsync off: a test server need not survive a power cut, and it makes the tests faster.
    ProcessBuilder pb = new ProcessBuilder(command(root, List.of(bin.resolve("postgres").toString(),
        "-D", data.toString(), "-p", String.valueOf(port), "-k", dir.toString(),
        "-c", "listen_addresses=127.0.0.1", "-c", "fsync=off", "-c", "max_connections=200")));
    pb.redirectErrorStream(true).redirectOutput(dir.resolve("postgres.log").toFile());
    PostgresServer server = new PostgresServer(dir, pb.start(), port);
    await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> {
      try (Connection c = DriverManager.getConnection(server.jdbcUrl(), "paygate", "")) {
        return c.isValid(1);
      }
    });
    return server;
  }

  public String jdbcUrl() {
    return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
  }

  /** Runs SQL directly, for tests that look at what was stored. */
  public Connection connect() throws SQLException {
    return DriverManager.getConnection(jdbcUrl(), "paygate", "");
  }

  private static Path binaries() throws IOException {
    Path root = Path.of("/usr/lib/postgresql");
    if (Files.isDirectory(root)) {
      try (Stream<Path> versions = Files.list(root)) {
        Path newest = versions.filter(v -> Files.isExecutable(v.resolve("bin/postgres")))
            .max(Comparator.comparing(v -> Integer.parseInt(v.getFileName().toString())))
            .orElse(null);
        if (newest != null) {
          return newest.resolve("bin");
        }
      }
    }
    throw new IllegalStateException("PostgreSQL server binaries are missing: install them with"
        + " 'apt-get install -y postgresql' (.ci/run does)");
  }

  private static List<String> command(boolean root, List<String> command) {
    if (!root) {
      return command;
    }
    List<String> asPostgres = new ArrayList<>(List.of("runuser", "-u", "postgres", "--"));
    asPostgres.addAll(command);
    return asPostgres;
  }

  private static void run(boolean root, List<String> command, Path log)
      throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command(root, command)).redirectErrorStream(true)
        .redirectOutput(log.toFile()).start();
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IllegalStateException("initdb failed: " + Files.readString(log));
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  @Override
  public void close() throws Exception {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
