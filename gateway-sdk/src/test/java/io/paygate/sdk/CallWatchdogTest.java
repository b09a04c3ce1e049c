package io.paygate.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import okhttp3.Call;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import org.junit.jupiter.api.Test;

class CallWatchdogTest {
  private final OkHttpClient http = new OkHttpClient();

  private Call call() {
    return http.newCall(new Request.Builder().url("http://127.0.0.1:9/").build());
  }

  @Test void cancelsACallOnceItsDeadlinePasses() {
    Call late = call();
    Call early = call();
    long now = System.nanoTime();
    CallWatchdog.Watch lateWatch = CallWatchdog.SHARED.watch(late, now + Duration.ofMinutes(5).toNanos());
    CallWatchdog.Watch earlyWatch = CallWatchdog.SHARED.watch(early, now + Duration.ofMillis(50).toNanos());

    await().atMost(Duration.ofSeconds(5)).until(early::isCanceled);
    assertThat(earlyWatch.fired).isTrue();
    assertThat(late.isCanceled()).isFalse();
    assertThat(lateWatch.fired).isFalse();
    lateWatch.close();
  }

  @Test void finishedCallsAreNeverCancelledAndAreDropped() {
    List<Call> calls = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      Call call = call();
      calls.add(call);
      // Closed before its deadline, which then passes while the watchdog still holds it.
      CallWatchdog.SHARED.watch(call, System.nanoTime() + Duration.ofMillis(20).toNanos()).close();
    }

    await().atMost(Duration.ofSeconds(5)).until(() -> CallWatchdog.SHARED.watching() == 0);
    assertThat(calls).noneMatch(Call::isCanceled);
  }
}
