package io.paygate.benchmarks;

import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import okio.Buffer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.VirtualThreads;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ThreadPool;
import org.eclipse.jetty.util.thread.VirtualThreadPool;
import org.glassfish.jersey.jetty.JettyHttpContainer;
import org.glassfish.jersey.server.ContainerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;

/**
 * The baseline of every throughput figure: a bare Jetty 12 + Jersey 4 resource that parses a
 * payment-sized JSON body with Moshi and answers a payment-sized JSON body, and does nothing else
 * (no auth, no validation, no storage, no bank). What the gateway reaches as a fraction of this,
 * on the same machine in the same run, is the figure that holds on a noisy machine.
 *
 * <p>It also answers {@code /createuser}, {@code /login} and {@code /api/history} trivially, so
 * that the load generator drives it unchanged. Threads: Jetty's virtual-thread pool on Java 21+
 * (as the gateway), a queued pool otherwise.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar io.paygate.benchmarks.BaselineServer 18081}
 */
public final class BaselineServer {
  private BaselineServer() {}

  public static void main(String[] args) throws Exception {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 18081;
    Server server = start("127.0.0.1", port);
    System.out.println("baseline listening on port " + port(server)
        + (VirtualThreads.areSupported() ? " (virtual threads)" : ""));
    server.join();
  }

  /** Starts the baseline on {@code host:port} (0: any free port). */
  public static Server start(String host, int port) throws Exception {
    ResourceConfig api = new ResourceConfig()
        .property(ServerProperties.WADL_FEATURE_DISABLE, true)
        .register(new PaymentEcho());
    ThreadPool threads = VirtualThreads.areSupported() ? new VirtualThreadPool()
        : new QueuedThreadPool(400, 8);
    Server server = new Server(threads);
    ServerConnector connector = new ServerConnector(server);
    connector.setHost(host);
    connector.setPort(port);
    server.addConnector(connector);
    server.setHandler(ContainerFactory.createContainer(JettyHttpContainer.class, api));
    server.start();
    return server;
  }

  public static int port(Server server) {
    return ((ServerConnector) server.getConnectors()[0]).getLocalPort();
  }

  /** The baseline resource. */
  @Path("/")
  public static final class PaymentEcho {
    @POST
    @Path("api/process")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response process(InputStream body) throws IOException {
      Map<String, Object> fields = parse(body);
      return Response.status(201).entity(answer(fields)).build();
    }

    @POST
    @Path("createuser")
    @Produces(MediaType.APPLICATION_JSON)
    public Response createUser(InputStream body) throws IOException {
      body.readAllBytes();
      return Response.status(201).entity("{\"id\":\"" + UUID.randomUUID() + "\"}").build();
    }

    /** The load generator lifts its merchants' rate limits before a run, as on the gateway. */
    @PUT
    @Path("admin/merchants/{id}/limits")
    @Produces(MediaType.APPLICATION_JSON)
    public String limits(InputStream body) throws IOException {
      body.readAllBytes();
      return "{\"readsPerSecond\":0,\"writesPerSecond\":0}";
    }

    @POST
    @Path("login")
    @Produces(MediaType.APPLICATION_JSON)
    public String login(InputStream body) throws IOException {
      body.readAllBytes();
      return "{\"token\":\"baseline\"}";
    }

    @GET
    @Path("api/history")
    @Produces(MediaType.APPLICATION_JSON)
    public String history() {
      return "[]";
    }

    @GET
    @Path("health")
    @Produces(MediaType.APPLICATION_JSON)
    public String health() {
      return "{\"status\":\"UP\"}";
    }
  }

  static Map<String, Object> parse(InputStream in) throws IOException {
    Map<String, Object> fields = new HashMap<>();
    try (JsonReader reader = JsonReader.of(new Buffer().readFrom(in))) {
      reader.beginObject();
      while (reader.hasNext()) {
        String name = reader.nextName();
        fields.put(name, reader.peek() == JsonReader.Token.NUMBER ? reader.nextDouble()
            : reader.readJsonValue());
      }
      reader.endObject();
    }
    return fields;
  }

  /** A payment resource of the gateway's size, made from the request. */
  static byte[] answer(Map<String, Object> fields) throws IOException {
    Buffer out = new Buffer();
    try (JsonWriter w = JsonWriter.of(out)) {
      String card = String.valueOf(fields.get("cardnumber"));
      w.beginObject()
          .name("id").value(UUID.randomUUID().toString())
          .name("merchantId").value("00000000-0000-0000-0000-000000000000")
          // As Piggy Bank: an odd last digit is authorised.
          .name("status").value((card.charAt(card.length() - 1) - '0') % 2 == 1 ? "Authorised"
              : "Declined")
          .name("cardHolderName").value(String.valueOf(fields.get("cardholdername")))
          .name("cardNumber").value(card.length() > 10
              ? card.substring(0, 6) + "******" + card.substring(card.length() - 4) : "")
          .name("expiryMonth").value(((Number) fields.get("expirymonth")).longValue())
          .name("expiryYear").value(((Number) fields.get("expiryyear")).longValue())
          .name("amount").value(java.math.BigDecimal.valueOf(((Number) fields.get("amount"))
              .doubleValue()).setScale(2, java.math.RoundingMode.HALF_EVEN))
          .name("currency").value(String.valueOf(fields.get("currency")))
          .name("createdAt").value("2026-11-25T22:00:00.000000Z")
          .name("processedAt").value("2026-11-25T22:00:00.001000Z")
          .name("processed").value(true)
          .name("acquirer").value("PiggyBank")
          .name("acquirerStatus").value("APPROVED")
          .name("acquirerReference").value(UUID.randomUUID().toString())
          .name("errorCode").nullValue()
          .endObject();
    }
    return out.readByteArray();
  }
}
