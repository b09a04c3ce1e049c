package io.paygate.loadgen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ThreadsTest {
  private static final boolean JVM_HAS_VIRTUAL_THREADS = Runtime.version().feature() >= 21;

  @Test
  void autoTakesPlatformThreadsUpToTheLimitAndVirtualOnesAboveWhereTheJvmHasThem() {
    assertThat(Threads.virtual(Threads.Kind.AUTO, 64)).isFalse();
    assertThat(Threads.virtual(Threads.Kind.AUTO, Threads.AUTO_PLATFORM_LIMIT)).isFalse();
    assertThat(Threads.virtual(Threads.Kind.AUTO, Threads.AUTO_PLATFORM_LIMIT + 1))
        .isEqualTo(JVM_HAS_VIRTUAL_THREADS);
  }

  @Test
  void anExplicitKindIsTakenWhateverTheConcurrency() {
    assertThat(Threads.virtual(Threads.Kind.PLATFORM, 5_000)).isFalse();
    assertThat(Threads.virtual(Threads.Kind.VIRTUAL, 4)).isEqualTo(JVM_HAS_VIRTUAL_THREADS);
  }

  @Test
  void theWorkersAreOfTheKindAsked() throws InterruptedException {
    boolean[] seen = new boolean[1];
    Thread t = Threads.workers(false).newThread(() -> seen[0] = true);
    assertThat(t.isDaemon()).isTrue();
    assertThat(t.getName()).startsWith("load-");
    t.start();
    t.join();
    assertThat(seen[0]).isTrue();
  }

  @Test
  void kindsAreReadInAnyCaseAndAnUnknownOneNamesTheChoices() {
    assertThat(Threads.Kind.parse("Platform")).isEqualTo(Threads.Kind.PLATFORM);
    assertThatThrownBy(() -> Threads.Kind.parse("green"))
        .hasMessage("--threads must be auto, platform or virtual, not 'green'");
  }
}
