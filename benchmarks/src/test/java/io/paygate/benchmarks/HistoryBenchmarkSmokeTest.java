package io.paygate.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The history benchmark fills the gateway's database to each size and reports each query. */
class HistoryBenchmarkSmokeTest {
  @Test
  void fillsEachSizeAndReportsPercentiles(@TempDir Path dir) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream original = System.out;
    System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    try {
      HistoryBenchmark.main(new String[] {"100,300", "50", dir.toString()});
    } finally {
      System.setOut(original);
    }
    String out = bytes.toString(StandardCharsets.UTF_8);

    assertThat(out).contains("100 payments for the merchant", "300 payments for the merchant");
    assertThat(out.lines().filter(l -> l.contains("first page of 50") && l.contains("p99")))
        .hasSize(4);
    assertThat(out.lines().filter(l -> l.contains("page at random depth"))).hasSize(2);
  }
}
