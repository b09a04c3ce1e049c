package io.paygate.sdk.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HostsTest {
  @Test void loopbackIsThisMachineOnly() {
    assertThat(Hosts.isLoopback("localhost")).isTrue();
    assertThat(Hosts.isLoopback("LOCALHOST")).isTrue();
    assertThat(Hosts.isLoopback("127.0.0.1")).isTrue();
    assertThat(Hosts.isLoopback("127.255.0.9")).isTrue();
    assertThat(Hosts.isLoopback("::1")).isTrue();
    assertThat(Hosts.isLoopback("[::1]")).isTrue();

    assertThat(Hosts.isLoopback("10.0.0.1")).isFalse();
    assertThat(Hosts.isLoopback("::2")).isFalse();
    assertThat(Hosts.isLoopback("localhost.example.com")).isFalse();
    assertThat(Hosts.isLoopback("pay.example.com")).isFalse(); // not even looked up
  }
}
