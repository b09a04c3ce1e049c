package io.paygate.gateway.merchants;

import java.util.List;
import java.util.Objects;

/**
 * A merchant to create, as read and checked by {@link NewMerchantReader}: what
 * {@link MerchantService#create} takes instead of a JSON body.
 *
 * @param login 3 to 64 letters, digits, or {@code . _ @ -}
 * @param name trimmed, 1 to 200 characters, no control characters
 * @param password under the password policy; hashed on creation, never stored or shown as is
 * @param acquirers the loaded acquirers' names as the registry spells them, in the order to try
 *     them: the first is the merchant's acquirer, the others its failover
 */
public record NewMerchant(String login, String name, String password, List<String> acquirers) {
  public NewMerchant {
    Objects.requireNonNull(login, "login == null");
    Objects.requireNonNull(name, "name == null");
    Objects.requireNonNull(password, "password == null");
    acquirers = List.copyOf(acquirers);
    if (acquirers.isEmpty()) {
      throw new IllegalArgumentException("acquirers is empty");
    }
  }

  /** Without the password. */
  @Override
  public String toString() {
    return "NewMerchant[login=" + login + ", name=" + name + ", acquirers=" + acquirers + "]";
  }
}
