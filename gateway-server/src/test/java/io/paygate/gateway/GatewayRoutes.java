package io.paygate.gateway;

import java.util.List;

/**
 * Every route a running {@link Gateway} serves, for the OpenAPI contract test: read through the
 * gateway's package-private accessors, which are no part of its public API.
 */
public final class GatewayRoutes {
  private GatewayRoutes() {}

  /** The JAX-RS root resource classes registered, whose resource methods are routes. */
  public static List<Class<?>> resourceClasses(Gateway gateway) {
    return gateway.resourceClasses();
  }

  /** The routes served by plain Jetty handlers in front of Jersey, as {@code METHOD /path}. */
  public static List<String> handlerRoutes(Gateway gateway) {
    return gateway.handlerRoutes();
  }
}
