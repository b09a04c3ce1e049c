package io.paygate.gateway.merchants;

import io.paygate.gateway.acquirer.AcquirerRegistry;
import io.paygate.gateway.audit.AuditLog;
import io.paygate.gateway.auth.DisabledMerchants;
import io.paygate.gateway.auth.Lockout;
import io.paygate.gateway.auth.PasswordHasher;
import io.paygate.gateway.auth.RevokedSessions;
import io.paygate.gateway.db.HistoryCursor;
import io.paygate.gateway.db.MerchantRepository;
import io.paygate.gateway.db.MerchantRepository.Account;
import io.paygate.gateway.db.TokenRepository;
import io.paygate.gateway.errors.ApiException;
import io.paygate.gateway.errors.Checked;
import io.paygate.gateway.errors.FieldError;
import io.paygate.gateway.errors.ValidationException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What the operator does to merchant accounts: list them, disable and enable them, unlock a
 * locked login, set a new password, route their payments to other acquirers. Every action is
 * audited with its outcome, under the merchant's id.
 */
public final class MerchantAdmin {
  private final MerchantRepository merchants;
  private final TokenRepository tokens;
  private final RevokedSessions revoked;
  private final DisabledMerchants disabled;
  private final Lockout lockout;
  private final PasswordHasher hasher;
  private final AcquirerRegistry acquirers;
  private final AuditLog audit;
  private final Clock clock;

  /** The parts an operator's action on a merchant touches. */
  public record Parts(MerchantRepository merchants, TokenRepository tokens,
      RevokedSessions revoked, DisabledMerchants disabled, Lockout lockout,
      PasswordHasher hasher, AcquirerRegistry acquirers, AuditLog audit, Clock clock) {}

  public MerchantAdmin(Parts parts) {
    this.merchants = parts.merchants();
    this.tokens = parts.tokens();
    this.revoked = parts.revoked();
    this.disabled = parts.disabled();
    this.lockout = parts.lockout();
    this.hasher = parts.hasher();
    this.acquirers = parts.acquirers();
    this.audit = parts.audit();
    this.clock = parts.clock();
  }

  /** A page of accounts, oldest first; one more than {@code limit} tells a next page exists. */
  public List<Account> page(HistoryCursor after, int limit) {
    return merchants.page(after, limit);
  }

  /** @throws ApiException 404 when there is no such merchant */
  public Account account(UUID id) {
    return merchants.findAccount(id).orElseThrow(MerchantAdmin::noSuchMerchant);
  }

  /**
   * Disables a merchant: its access tokens are refused from the next request on, its sessions
   * (refresh tokens) are revoked for good, and it cannot log in until enabled again.
   */
  public Account disable(UUID id) {
    Account before = account(id);
    if (before.merchant().disabled()) {
      audit.record("merchant.disabled", "unchanged", id, null, "already disabled");
      return before;
    }
    Instant now = now();
    // The in-memory set first: from here on no request of the merchant gets through, even one
    // whose token was checked before the database row changes.
    disabled.disable(id);
    merchants.setDisabledAt(id, now);
    int sessions = revokeSessions(id, now);
    disabled.announce();
    audit.record("merchant.disabled", "success", id, null, sessions + " sessions revoked");
    return account(id);
  }

  /** Enables a disabled merchant: it can log in again (its old sessions stay revoked). */
  public Account enable(UUID id) {
    Account before = account(id);
    if (!before.merchant().disabled()) {
      audit.record("merchant.enabled", "unchanged", id, null, "already active");
      return before;
    }
    merchants.setDisabledAt(id, null);
    disabled.enable(id);
    disabled.announce();
    audit.record("merchant.enabled", "success", id, null, null);
    return account(id);
  }

  /** Lifts a login lockout and starts the failure count again. */
  public Account unlock(UUID id) {
    Account before = account(id);
    boolean locked = before.lockedUntil() != null && before.lockedUntil().isAfter(clock.instant());
    lockout.clear(id);
    audit.record("merchant.unlocked", locked ? "success" : "unchanged", id, null,
        locked ? "lockout lifted" : "was not locked; failure count cleared");
    return account(id);
  }

  /**
   * Sets a new password (the policy of merchant creation), ends every session, and lifts any
   * lockout: the merchant logs in with the new password only.
   *
   * @throws ValidationException when the password breaks the policy
   */
  public Account resetPassword(UUID id, String password) {
    account(id);
    MerchantService.passwordProblem(password).ifPresent(problem -> {
      audit.record("merchant.password.reset", "failure", id, null, "password " + problem);
      throw ValidationException.of("password", problem);
    });
    merchants.setPasswordHash(id, hasher.hash(password));
    int sessions = revokeSessions(id, now());
    lockout.clear(id);
    audit.record("merchant.password.reset", "success", id, null,
        sessions + " sessions revoked");
    return account(id);
  }

  /**
   * Routes the merchant's next payments to loaded acquirers, in order ({@code acquiringbank}: one
   * name or a list for failover, as on creation). Payments already made keep their acquirer.
   *
   * @param request as read by {@link AcquirerRouteReader}; refused only once the merchant exists
   * @throws ApiException 404 when there is no such merchant
   * @throws ValidationException 400 when the field is missing or malformed (not audited: nothing
   *     was asked of the merchant's routing yet)
   * @throws ApiException 422 when a name is not a loaded acquirer (audited)
   */
  public Account route(UUID id, Checked<AcquirerRoute> request) {
    Account before = account(id);
    AcquirerRoute route = request.orThrow();
    List<FieldError> errors = new ArrayList<>();
    List<String> chosen = AcquirerChoice.resolve(route.names(), acquirers, errors);
    if (!errors.isEmpty()) {
      String why = errors.get(0).message();
      audit.record("merchant.acquirer.changed", "failure", id, null, why);
      throw new ApiException(422, "unknown-acquirer", "Unknown acquirer",
          AcquirerChoice.FIELD + ": " + why);
    }
    merchants.setAcquirers(id, chosen);
    audit.record("merchant.acquirer.changed", "success", id, null,
        String.join(", ", before.merchant().acquirers()) + " -> " + String.join(", ", chosen));
    return account(id);
  }

  private int revokeSessions(UUID id, Instant at) {
    List<UUID> sessions = tokens.revokeAll(id, at);
    revoked.revokeAll(sessions);
    return sessions.size();
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }

  private static ApiException noSuchMerchant() {
    return ApiException.notFound("no merchant with this id");
  }
}
