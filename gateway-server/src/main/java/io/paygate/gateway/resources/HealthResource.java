package io.paygate.gateway.resources;

import com.squareup.moshi.JsonWriter;
import io.paygate.gateway.acquirer.AcquirerRegistry;
import io.paygate.gateway.acquirer.LoadedAcquirer;
import io.paygate.gateway.api.AcquirerStatusJson;
import io.paygate.gateway.api.JsonWritable;
import io.paygate.gateway.db.Database;
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

  public HealthResource(Database database, AcquirerRegistry acquirers) {
    this.database = database;
    this.acquirers = acquirers;
  }

  /** The process is up and serving HTTP. */
  @GET
  @Path("health")
  public Response health() {
    return Response.ok((JsonWritable) w -> w.beginObject().name("status").value("UP").endObject())
        .build();
  }

  /** The gateway can take payments: its database answers and at least one acquirer is loaded. */
  @GET
  @Path("ready")
  public Response ready() {
    boolean db = database.isReachable();
    boolean anyAcquirer = !acquirers.all().isEmpty();
    boolean up = db && anyAcquirer;
    JsonWritable body = w -> {
      w.beginObject();
      w.name("status").value(up ? "UP" : "DOWN");
      w.name("checks").beginObject();
      w.name("database").value(db ? "UP" : "DOWN");
      w.name("acquirers").beginObject();
      for (LoadedAcquirer a : acquirers.all()) {
        writeAcquirer(w, a);
      }
      w.endObject();
      w.endObject();
      w.endObject();
    };
    return Response.status(up ? 200 : 503).entity(body).build();
  }

  private static void writeAcquirer(JsonWriter w, LoadedAcquirer a) throws java.io.IOException {
    w.name(a.name()).beginObject();
    AcquirerStatusJson.writeFields(w, a);
    w.endObject();
  }
}
