package io.paygate.loadgen;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;
import org.HdrHistogram.Histogram;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The load generator's command line: sets up merchants on a running gateway, drives it with a mix
 * of payments and history reads, shows progress every second and prints a summary.
 */
@Command(name = "loadgen", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Drives a running Paygate gateway and reports throughput and latency.")
public final class LoadGenerator implements Callable<Integer> {
  @Option(names = "--url", description = "the gateway (default: ${DEFAULT-VALUE})",
      defaultValue = "http://127.0.0.1:8080")
  String url;

  @Option(names = "--operator-key", description = "the operator key (default: the content of"
      + " --operator-key-file, or $PAYGATE_OPERATOR_KEY)")
  String operatorKey;

  @Option(names = "--operator-key-file", defaultValue = "data/operator.key",
      description = "file holding the operator key (default: ${DEFAULT-VALUE})")
  Path operatorKeyFile;

  @Option(names = "--merchants", defaultValue = "4",
      description = "merchants to create and spread the load over (default: ${DEFAULT-VALUE})")
  int merchants;

  @Option(names = "--acquirer", defaultValue = "PiggyBank",
      description = "the merchants' acquiring bank (default: ${DEFAULT-VALUE})")
  String acquirer;

  @Option(names = "--client", defaultValue = "raw",
      description = "raw (plain HTTP with OkHttp) or sdk (the Paygate SDK) (default: ${DEFAULT-VALUE})")
  String client;

  @Option(names = {"-c", "--concurrency"}, defaultValue = "32",
      description = "requests in flight at most: connections and workers (default: ${DEFAULT-VALUE})")
  int concurrency;

  @Option(names = "--threads", defaultValue = "auto",
      description = "workers on platform or virtual threads; auto: platform threads up to "
          + Threads.AUTO_PLATFORM_LIMIT + " workers (cheaper per request), virtual above"
          + " (default: ${DEFAULT-VALUE})")
  String threads;

  @Option(names = {"-r", "--rate"}, defaultValue = "0",
      description = "target requests per second (open loop); 0 for a closed loop (default)")
  double rate;

  @Option(names = {"-d", "--duration"}, defaultValue = "10s", converter = DurationConverter.class,
      description = "how long to measure (default: ${DEFAULT-VALUE})")
  Duration duration;

  @Option(names = {"-n", "--count"}, defaultValue = "0",
      description = "stop after this many requests (default: no limit, --duration decides)")
  long count;

  @Option(names = "--warmup", defaultValue = "0s", converter = DurationConverter.class,
      description = "load to send before measuring, then forgotten (default: ${DEFAULT-VALUE})")
  Duration warmup;

  @Option(names = "--mix", defaultValue = "authorised=90,declined=5,invalid=3,history=2",
      description = "weights of authorised, declined, invalid and history (default: ${DEFAULT-VALUE})")
  String mix;

  @Option(names = "--idempotency", negatable = true, defaultValue = "true", fallbackValue = "true",
      description = "send an Idempotency-Key with every payment (default: on; --no-idempotency)")
  boolean idempotency;

  @Option(names = "--timeout", defaultValue = "30s", converter = DurationConverter.class,
      description = "how long to wait for one answer (default: ${DEFAULT-VALUE})")
  Duration timeout;

  @Option(names = "--health-probe", defaultValue = "0ms", converter = DurationConverter.class,
      description = "also GET /health at this period and report its latency apart (default: off)")
  Duration healthProbe;

  @Option(names = "--progress", defaultValue = "1s", converter = DurationConverter.class,
      description = "how often to print progress (default: ${DEFAULT-VALUE})")
  Duration progress;

  @Option(names = "--json", description = "write the summary to this JSON file")
  Path json;

  @Option(names = "--csv", description = "write one line per progress interval to this CSV file")
  Path csv;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  private final PrintStream out;
  private Summary summary;

  /** A command that prints to standard output. */
  public LoadGenerator() {
    this(System.out);
  }

  /** A command that prints to {@code out}. */
  public LoadGenerator(PrintStream out) {
    this.out = out;
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new LoadGenerator()).execute(args));
  }

  /** The figures of the last run, or null when it did not run. */
  Summary summary() {
    return summary;
  }

  @Override
  public Integer call() throws Exception {
    Mix workload;
    try {
      workload = Mix.parse(mix);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--mix: " + e.getMessage());
    }
    if (!client.equals("raw") && !client.equals("sdk")) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--client must be raw or sdk, not '" + client + "'");
    }
    if (merchants < 1 || concurrency < 1) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--merchants and --concurrency must be at least 1");
    }
    boolean virtualThreads;
    try {
      virtualThreads = Threads.virtual(Threads.Kind.parse(threads), concurrency);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    String base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    OkHttpClient http = new OkHttpClient.Builder()
        .connectionPool(new ConnectionPool(concurrency + 4, 5, TimeUnit.MINUTES))
        .retryOnConnectionFailure(false)
        .connectTimeout(timeout).readTimeout(timeout).writeTimeout(timeout)
        .build();
    try {
      List<Merchants.Merchant> accounts = Merchants.create(http, base, operatorKey(), merchants, acquirer);
      try (Target target = client.equals("sdk") ? new SdkTarget(http, base, accounts)
          : new RawHttpTarget(http, base, accounts)) {
        out.printf(Locale.ROOT, "%s: %d merchants, %s client, %s, %d in flight at most, mix %s,"
                + " idempotency %s%s%n", base, merchants, client,
            rate > 0 ? String.format(Locale.ROOT, "%.0f req/s", rate) : "closed loop",
            concurrency, workload, idempotency ? "on" : "off",
            virtualThreads ? ", virtual threads" : ", platform threads");
        summary = run(http, base, target, workload, virtualThreads);
      }
    } catch (Merchants.SetupException e) {
      out.println("setup failed: " + e.getMessage());
      return 2;
    } finally {
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
    }
    out.print(summary.text());
    if (json != null) {
      Files.writeString(json, summary.json(), StandardCharsets.UTF_8);
    }
    return summary.requests() > 0 && summary.errors() < summary.requests() ? 0 : 1;
  }

  private Summary run(OkHttpClient http, String base, Target target, Mix workload,
      boolean virtualThreads) throws IOException, InterruptedException {
    Results results = new Results();
    HealthProbe probe = healthProbe.isZero() ? null
        : new HealthProbe(http, base, healthProbe.toMillis());
    long start = System.nanoTime();
    long measureFrom = start + warmup.toNanos();
    long deadline = measureFrom + duration.toNanos();
    Driver.Run run = new Driver(target, workload, merchants, idempotency, results, virtualThreads)
        .start(concurrency, rate, count, deadline);
    boolean measuring = warmup.isZero();
    long cpuFrom = measuring ? processCpuNanos() : -1;
    if (!measuring) {
      out.printf(Locale.ROOT, "warming up for %d s%n", warmup.toSeconds());
    }
    if (probe != null && measuring) {
      probe.start();
    }
    try (Writer csvOut = csv == null ? null : Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
      if (csvOut != null) {
        csvOut.write(ProgressLine.CSV_HEADER);
      }
      long last = System.nanoTime();
      long lastCount = 0;
      while (!run.isDone() && System.nanoTime() - deadline < 0) {
        long next = Math.min(last + progress.toNanos(), measuring ? deadline : measureFrom);
        TimeUnit.NANOSECONDS.sleep(Math.max(1, next - System.nanoTime()));
        long now = System.nanoTime();
        if (!measuring && now - measureFrom >= 0) {
          results.reset();
          cpuFrom = processCpuNanos();
          measuring = true;
          last = now;
          lastCount = 0;
          if (probe != null) {
            probe.start();
          }
          continue;
        }
        if (!measuring) {
          continue;
        }
        long n = results.count();
        ProgressLine line = new ProgressLine((now - measureFrom) / 1e9, n,
            (n - lastCount) / ((now - last) / 1e9), results.errorCount(), results.accumulate(),
            results.accumulateGatewayAdded());
        out.print(line.text());
        if (csvOut != null) {
          csvOut.write(line.csv());
        }
        last = now;
        lastCount = n;
      }
    }
    run.await();
    long cpuTo = processCpuNanos();
    double seconds = (Math.min(run.endNanos(), deadline) - measureFrom) / 1e9;
    Histogram h = results.accumulate();
    return new Summary(client, seconds, results.count(), results.errorCount(),
        results.sentByKind(), results.errorsByKind(), Summary.Percentiles.of(h),
        Summary.Percentiles.ofAnyRecorded(results.accumulateGatewayAdded()),
        probe == null ? null : probe.stop(),
        cpuFrom < 0 || cpuTo < 0 || results.count() == 0 ? 0
            : (cpuTo - cpuFrom) / 1000.0 / results.count());
  }

  /**
   * The CPU time this JVM has used (every thread, user and system), or -1 where unknown. Per
   * request over the measured window, it is the client's cost that other processes on the
   * machine do not change, unlike its throughput.
   */
  private static long processCpuNanos() {
    java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    return os instanceof com.sun.management.OperatingSystemMXBean
        ? ((com.sun.management.OperatingSystemMXBean) os).getProcessCpuTime() : -1;
  }

  private String operatorKey() throws IOException {
    if (operatorKey != null) {
      return operatorKey;
    }
    String env = System.getenv("PAYGATE_OPERATOR_KEY");
    if (env != null && !env.isBlank()) {
      return env.trim();
    }
    if (Files.isReadable(operatorKeyFile)) {
      return Files.readString(operatorKeyFile, StandardCharsets.UTF_8).trim();
    }
    throw new Merchants.SetupException("no operator key: give --operator-key, set"
        + " PAYGATE_OPERATOR_KEY, or run where " + operatorKeyFile + " exists");
  }
}
