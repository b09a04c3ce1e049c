package io.paygate.benchmarks;

import io.paygate.gateway.core.Payment;
import io.paygate.gateway.db.Database;
import io.paygate.gateway.db.GroupCommitWriter;
import io.paygate.gateway.db.PaymentRepository;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The payment repository on the embedded H2 file database with the gateway's URL
 * ({@code WRITE_DELAY=0}): the two durable writes of a payment (insert {@code Pending}, record the
 * outcome), each with its own commit or group-committed, from 8 threads as under load; and the
 * reads of a payment and of a history page.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar RepositoryBenchmarks}
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(1)
@Threads(8)
@State(Scope.Benchmark)
public class RepositoryBenchmarks {
  @Param({"true", "false"})
  public boolean groupCommit;

  private Path dir;
  private Database database;
  private GroupCommitWriter writer;
  private PaymentRepository payments;
  private UUID merchant;
  private Payment known;

  @Setup(Level.Trial)
  public void open() throws IOException {
    dir = Files.createTempDirectory("paygate-jmh");
    database = Fixtures.database(dir);
    writer = groupCommit ? new GroupCommitWriter(database.dataSource()) : null;
    payments = new PaymentRepository(database.dataSource(), writer);
    merchant = Fixtures.merchant(database);
    for (int i = 0; i < 1_000; i++) {
      Payment p = Fixtures.pending(merchant);
      payments.insert(p);
      known = p;
    }
  }

  @TearDown(Level.Trial)
  public void close() {
    if (writer != null) {
      writer.close();
    }
    database.close();
  }

  /** One payment's two durable writes. */
  @Benchmark
  public boolean storePaymentAndOutcome() {
    Payment p = Fixtures.pending(merchant);
    payments.insert(p);
    return payments.recordOutcome(Fixtures.authorised(p));
  }

  @Benchmark
  public Optional<Payment> findPayment() {
    return payments.find(merchant, known.id());
  }

  @Benchmark
  public List<Payment> historyFirstPage() {
    return payments.page(merchant, null, 51);
  }
}
