package io.paygate.gateway.resources;

import io.paygate.gateway.acquirer.AcquirerCaller;
import io.paygate.gateway.acquirer.AcquirerRegistry;
import io.paygate.gateway.api.AcquirersJson;
import io.paygate.gateway.auth.OperatorOnly;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The loaded acquirers and the skipped plug-ins, for the operator. */
@Path("/admin/acquirers")
@OperatorOnly
@Produces(MediaType.APPLICATION_JSON)
public final class AcquirersResource {
  private final AcquirersJson acquirers;

  /**
   * @param pluginsDir the plug-ins folder, shown so an operator knows where jars are looked for
   * @param caller whose circuit breakers give each acquirer's status
   */
  public AcquirersResource(AcquirerRegistry registry, java.nio.file.Path pluginsDir,
      AcquirerCaller caller) {
    this.acquirers = new AcquirersJson(registry, pluginsDir, caller);
  }

  @GET
  public AcquirersJson list() {
    return acquirers;
  }
}
