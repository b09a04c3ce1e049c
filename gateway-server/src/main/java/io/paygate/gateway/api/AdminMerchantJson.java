package io.paygate.gateway.api;

import com.squareup.moshi.JsonWriter;
import io.paygate.gateway.core.Merchant;
import io.paygate.gateway.db.MerchantRepository.Account;
import java.io.IOException;
import java.time.Instant;
import java.util.List;

/**
 * A merchant as the operator sees it: the merchant resource plus whether it is disabled and
 * whether its login is locked. Never the password or its hash.
 */
public final class AdminMerchantJson implements JsonWritable {
  private final Account account;
  private final Instant now;

  /** @param now the time against which a lockout is current */
  public AdminMerchantJson(Account account, Instant now) {
    this.account = account;
    this.now = now;
  }

  @Override
  public void writeTo(JsonWriter w) throws IOException {
    write(w, account, now);
  }

  private static void write(JsonWriter w, Account a, Instant now) throws IOException {
    Merchant m = a.merchant();
    w.beginObject();
    w.name("id").value(m.id().toString());
    w.name("login").value(m.login());
    w.name("name").value(m.name());
    w.name("acquiringBank").value(m.acquirer());
    w.name("acquiringBanks").beginArray();
    for (String acquirer : m.acquirers()) {
      w.value(acquirer);
    }
    w.endArray();
    w.name("createdAt").value(m.createdAt().toString());
    w.name("status").value(m.disabled() ? "disabled" : "active");
    w.name("disabledAt").value(m.disabled() ? m.disabledAt().toString() : null);
    boolean locked = a.lockedUntil() != null && a.lockedUntil().isAfter(now);
    w.name("lockedUntil").value(locked ? a.lockedUntil().toString() : null);
    w.endObject();
  }

  /** A page of merchants. */
  public static JsonWritable list(List<Account> accounts, Instant now) {
    return w -> {
      w.beginArray();
      for (Account a : accounts) {
        write(w, a, now);
      }
      w.endArray();
    };
  }
}
