package io.paygate.gateway.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which addresses a webhook may reach by default (literal addresses: no DNS needed). */
class AddressPolicyTest {
  @ParameterizedTest
  @ValueSource(strings = {"127.0.0.1", "127.8.9.10", "169.254.169.254", "10.0.0.1",
      "172.16.0.1", "172.31.255.255", "192.168.1.1", "100.64.0.1", "0.0.0.0", "224.0.0.1",
      "255.255.255.255", "::1", "::", "fe80::1", "fc00::1", "fd12:3456::1", "ff02::1",
      "::ffff:127.0.0.1", "::ffff:169.254.169.254", "::ffff:10.0.0.1", "::127.0.0.1"})
  void internalAddressesAreRefused(String address) throws UnknownHostException {
    assertThat(AddressPolicy.isForbidden(InetAddress.getByName(address))).isTrue();
    assertThatThrownBy(() -> new AddressPolicy(false).resolve(address))
        .isInstanceOf(AddressPolicy.ForbiddenAddressException.class)
        .hasMessageContaining("webhooks.allow.private.addresses");
  }

  @ParameterizedTest
  @ValueSource(strings = {"93.184.216.34", "8.8.8.8", "172.32.0.1", "100.128.0.1",
      "2606:2800:220:1::1", "::ffff:8.8.8.8"})
  void publicAddressesAreAllowed(String address) throws UnknownHostException {
    assertThat(AddressPolicy.isForbidden(InetAddress.getByName(address))).isFalse();
    assertThat(new AddressPolicy(false).resolve(address)).hasSize(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"127.0.0.1", "::1", "10.0.0.1"})
  void theOperatorCanAllowThem(String address) throws UnknownHostException {
    assertThat(new AddressPolicy(true).resolve(address)).hasSize(1);
  }
}
