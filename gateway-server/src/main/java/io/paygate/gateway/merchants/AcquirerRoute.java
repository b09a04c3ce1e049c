package io.paygate.gateway.merchants;

import java.util.List;

/**
 * Where an operator routes a merchant's next payments, as read by {@link AcquirerRouteReader}:
 * what {@link MerchantAdmin#route} takes instead of a JSON body. Whether the names are loaded
 * acquirers is the service's to check (a 422, audited), not the reader's.
 *
 * @param names the acquirers' names as sent, 1 to {@value AcquirerChoice#MAX_ACQUIRERS}, in the
 *     order to try them: the first is the merchant's acquirer, the others its failover
 */
public record AcquirerRoute(List<String> names) {
  public AcquirerRoute {
    names = List.copyOf(names);
    if (names.isEmpty() || names.size() > AcquirerChoice.MAX_ACQUIRERS) {
      throw new IllegalArgumentException("names must be 1 to " + AcquirerChoice.MAX_ACQUIRERS
          + ", not " + names.size());
    }
  }
}
