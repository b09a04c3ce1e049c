package io.paygate.gateway.merchants;

import io.paygate.gateway.errors.Checked;
import io.paygate.gateway.errors.FieldError;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads a {@code PUT /admin/merchants/{id}/acquirer} body, {@code {"acquiringbank": "Name"}} or a
 * list of names for failover, into an {@link AcquirerRoute}. The answer is not thrown: the
 * service answers 404 for an unknown merchant before it refuses the body.
 */
public final class AcquirerRouteReader {
  private AcquirerRouteReader() {}

  /** @param body the request body, keys in lower case */
  public static Checked<AcquirerRoute> read(Map<String, Object> body) {
    List<FieldError> errors = new ArrayList<>();
    List<String> names = AcquirerChoice.names(body.get(AcquirerChoice.FIELD), errors);
    return errors.isEmpty() ? Checked.valid(new AcquirerRoute(names)) : Checked.refused(errors);
  }
}
