package io.paygate.gateway.resources;

import com.squareup.moshi.JsonWriter;
import io.paygate.gateway.acquirer.AcquirerCaller;
import io.paygate.gateway.acquirer.AcquirerRegistry;
import io.paygate.gateway.acquirer.CircuitBreaker;
import io.paygate.gateway.acquirer.LoadedAcquirer;
import io.paygate.gateway.api.AcquirerStatusJson;
import io.paygate.gateway.api.JsonWritable;
import io.paygate.gateway.db.Database;
import io.paygate.gateway.payments.InFlightPayments;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Liveness and readiness, for load balancers and orchestrators. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public final class HealthResource {
  private final Database database;
  private final AcquirerRegistry acquirers;
  private final AcquirerCaller caller;
  private final InFlightPayments payments;

  public HealthResource(Database database, AcquirerRegistry acquirers, AcquirerCaller caller,
      InFlightPayments payments) {
    this.database = database;
    this.acquirers = acquirers;
    this.caller = caller;
    this.payments = payments;
  }

  /** The process is up and serving HTTP. */
  @GET
  @Path("health")
  public Response health() {
    return Response.ok((JsonWritable) w -> w.beginObject().name("status").value("UP").endObject())
        .build();
  }

  /**
   * The gateway can take payments: its database answers, at least one acquirer is loaded, and it
   * is not shutting down. Each acquirer shows its circuit breaker: {@code UP} (closed),
   * {@code OPEN} (not called) or {@code HALF_OPEN} (one probe let through), whether it is a
   * simulator and where it sends payments; {@code warnings} says plainly when any acquirer is a
   * simulator (still ready: a demonstration gateway is ready to demonstrate).
   */
  @GET
  @Path("ready")
  public Response ready() {
    boolean db = database.isReachable();
    boolean anyAcquirer = !acquirers.all().isEmpty();
    boolean accepting = payments.accepting();
    boolean up = db && anyAcquirer && accepting;
    JsonWritable body = w -> {
      w.beginObject();
      w.name("status").value(up ? "UP" : "DOWN");
      AcquirerStatusJson.writeSimulatorWarnings(w, acquirers.all());
      w.name("checks").beginObject();
      w.name("database").value(db ? "UP" : "DOWN");
      w.name("payments").value(accepting ? "UP" : "SHUTTING_DOWN");
      w.name("acquirers").beginObject();
      for (LoadedAcquirer a : acquirers.all()) {
        writeAcquirer(w, a, caller.breakerState(a.name()));
      }
      w.endObject();
      w.endObject();
      w.endObject();
    };
    return Response.status(up ? 200 : 503).entity(body).build();
  }

  private static void writeAcquirer(JsonWriter w, LoadedAcquirer a, CircuitBreaker.State breaker)
      throws java.io.IOException {
    w.name(a.name()).beginObject();
    AcquirerStatusJson.writeFields(w, a, breaker);
    w.endObject();
  }
}
