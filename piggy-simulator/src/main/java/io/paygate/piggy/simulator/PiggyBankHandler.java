package io.paygate.piggy.simulator;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Promise;
import org.eclipse.jetty.util.URIUtil;
import org.eclipse.jetty.util.thread.Invocable;

/**
 * The Piggy Bank's HTTP API on a plain Jetty core handler.
 *
 * <p>Nothing here blocks: the body is read asynchronously and a response delay is a task on
 * Jetty's scheduler, so thousands of delayed requests in flight hold no thread each. That is also
 * why the handler declares itself non-blocking, letting Jetty run it on the I/O thread.
 *
 * <p>With a delay, a payment is processed and recorded at once and only its answer is late, as at
 * a slow bank: a client that gives up waiting leaves behind a payment the bank did make, which is
 * what reconciliation must cope with. The delay applies to payments and operations and their
 * look-ups ({@code POST /payments}, {@code GET /payments/{reference}},
 * {@code POST /payments/{reference}/captures|voids|refunds|cancels},
 * {@code GET /operations/{reference}}), not to the health check or the ledgers
 * ({@code GET /payments}, {@code GET /operations}), which are test tools.
 */
final class PiggyBankHandler extends Handler.Abstract.NonBlocking {
  /** Far above any real payment request; a bound so that a client cannot exhaust the heap. */
  private static final int MAX_BODY_BYTES = 16 * 1024;
  /**
   * A body over the limit but under this is read to its end before the 413, so the client, still
   * sending, reads the answer instead of a closed connection. A larger one is not worth reading.
   */
  private static final int MAX_DRAINED_BYTES = 1024 * 1024;

  private static final HttpField JSON =
      new PreEncodedHttpField(HttpHeader.CONTENT_TYPE, "application/json");
  private static final String PAYMENTS = "/payments";
  private static final String ONE_PAYMENT = "/payments/";

  private static final String OPERATIONS = "/operations";
  private static final String ONE_OPERATION = "/operations/";
  /** {@code /payments/{reference}/<kind>}: the operation each kind of path asks for. */
  private static final Map<String, String> OPERATION_PATHS = Map.of(
      "captures", OperationDesk.CAPTURE, "voids", OperationDesk.VOID,
      "refunds", OperationDesk.REFUND, "cancels", OperationDesk.CANCEL);

  private final PaymentLedger ledger;
  private final OperationDesk desk;
  private final long delayMillis;
  private final long lookUpDelayMillis;

  PiggyBankHandler(PaymentLedger ledger, OperationDesk desk, Duration responseDelay,
      Duration lookUpDelay) {
    this.ledger = ledger;
    this.desk = desk;
    this.delayMillis = responseDelay.toMillis();
    this.lookUpDelayMillis = lookUpDelay.toMillis();
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    String path = Request.getPathInContext(request);
    String method = request.getMethod();
    if (path.equals(PAYMENTS)) {
      if (HttpMethod.POST.is(method)) {
        authorise(request, response, callback);
      } else if (HttpMethod.GET.is(method)) {
        send(response, callback, 200, SimulatorJson.ledger(ledger.all()));
      } else {
        methodNotAllowed(response, callback, "GET, POST");
      }
    } else if (isOnePayment(path)) {
      if (HttpMethod.GET.is(method)) {
        // The path is still percent-encoded, so an encoded '/' in a reference is not a separator.
        String reference = URIUtil.decodePath(path.substring(ONE_PAYMENT.length()));
        lookUp(reference, request, response, callback);
      } else {
        methodNotAllowed(response, callback, "GET");
      }
    } else if (isOperationPath(path)) {
      if (HttpMethod.POST.is(method)) {
        int slash = path.lastIndexOf('/');
        String reference = URIUtil.decodePath(path.substring(ONE_PAYMENT.length(), slash));
        String type = OPERATION_PATHS.get(path.substring(slash + 1));
        readBody(request, response, callback, body -> operate(type, reference, body));
      } else {
        methodNotAllowed(response, callback, "POST");
      }
    } else if (path.equals(OPERATIONS)) {
      if (HttpMethod.GET.is(method)) {
        send(response, callback, 200, SimulatorJson.operations(desk.all()));
      } else {
        methodNotAllowed(response, callback, "GET");
      }
    } else if (path.startsWith(ONE_OPERATION) && path.length() > ONE_OPERATION.length()
        && path.indexOf('/', ONE_OPERATION.length()) < 0) {
      if (HttpMethod.GET.is(method)) {
        OperationRecord record =
            desk.find(URIUtil.decodePath(path.substring(ONE_OPERATION.length())));
        answer(request, response, callback, lookUpDelayMillis, record == null
            ? new Answer(404, SimulatorJson.NOT_FOUND)
            : new Answer(200, SimulatorJson.operation(record)));
      } else {
        methodNotAllowed(response, callback, "GET");
      }
    } else if (path.equals("/health")) {
      if (HttpMethod.GET.is(method)) {
        send(response, callback, 200, SimulatorJson.HEALTHY);
      } else {
        methodNotAllowed(response, callback, "GET");
      }
    } else {
      send(response, callback, 404, SimulatorJson.UNKNOWN_PATH);
    }
    return true;
  }

  private static boolean isOnePayment(String path) {
    return path.length() > ONE_PAYMENT.length() && path.startsWith(ONE_PAYMENT)
        && path.indexOf('/', ONE_PAYMENT.length()) < 0;
  }

  /** {@code /payments/{reference}/captures} and the like, the reference without a '/'. */
  private static boolean isOperationPath(String path) {
    int slash = path.lastIndexOf('/');
    return path.startsWith(ONE_PAYMENT) && slash > ONE_PAYMENT.length()
        && path.indexOf('/', ONE_PAYMENT.length()) == slash
        && OPERATION_PATHS.containsKey(path.substring(slash + 1));
  }

  private void authorise(Request request, Response response, Callback callback) {
    readBody(request, response, callback, this::pay);
  }

  /** Reads the body without blocking, then answers what {@code process} makes of it. */
  private void readBody(Request request, Response response, Callback callback,
      Function<byte[], Answer> process) {
    if (request.getLength() > MAX_DRAINED_BYTES) {
      send(response, callback, 413, SimulatorJson.TOO_LARGE);
      return;
    }
    Content.Source.asByteArrayAsync(request, MAX_DRAINED_BYTES, Promise.Invocable.from(
        Invocable.InvocationType.NON_BLOCKING,
        (body, failure) -> {
          if (failure instanceof IllegalStateException) {
            // How Jetty says a body without Content-Length (chunked) ran past the drain limit.
            send(response, callback, 413, SimulatorJson.TOO_LARGE);
            return;
          }
          if (failure != null) {
            // A broken connection or bad chunking: Jetty picks the status, if it can still answer.
            Response.writeError(request, response, callback, failure);
            return;
          }
          if (body.length > MAX_BODY_BYTES) {
            send(response, callback, 413, SimulatorJson.TOO_LARGE);
            return;
          }
          try {
            answer(request, response, callback, process.apply(body));
          } catch (RuntimeException e) {
            callback.failed(e);
          }
        }));
  }

  private Answer pay(byte[] body) {
    PaymentSubmission submission;
    try {
      submission = PaymentSubmissionParser.parse(body);
    } catch (RejectedSubmission e) {
      return new Answer(400, SimulatorJson.error(e.error(), e.field()));
    }
    PaymentRecord earlier = ledger.replay(submission.reference());
    if (earlier != null) {
      return new Answer(200, SimulatorJson.answer(earlier));
    }
    if (submission.verdict() == CardVerdict.UNAVAILABLE) {
      return new Answer(503, SimulatorJson.UNAVAILABLE);
    }
    PaymentRecord record = ledger.recordOnce(PaymentRecord.process(submission, Instant.now()));
    return new Answer(200, SimulatorJson.answer(record));
  }

  private Answer operate(String type, String paymentReference, byte[] body) {
    OperationSubmission submission;
    try {
      submission = OperationSubmission.parse(body);
    } catch (RejectedSubmission e) {
      return new Answer(400, SimulatorJson.error(e.error(), e.field()));
    }
    OperationRecord earlier = desk.find(submission.reference());
    if (earlier == null && OperationDesk.unavailable(type, submission.amount())) {
      return new Answer(503, SimulatorJson.UNAVAILABLE);
    }
    return new Answer(200, SimulatorJson.operation(desk.apply(type, paymentReference, submission)));
  }

  private void lookUp(String reference, Request request, Response response, Callback callback) {
    PaymentRecord record = ledger.find(reference);
    answer(request, response, callback, lookUpDelayMillis, record == null
        ? new Answer(404, SimulatorJson.NOT_FOUND)
        : new Answer(200, SimulatorJson.answer(record)));
  }

  /** Sends a payment API answer, after the configured delay. */
  private void answer(Request request, Response response, Callback callback, Answer answer) {
    answer(request, response, callback, delayMillis, answer);
  }

  private static void answer(Request request, Response response, Callback callback,
      long delayMillis, Answer answer) {
    if (delayMillis <= 0) {
      send(response, callback, answer.status, answer.body);
      return;
    }
    request.getComponents().getScheduler().schedule(
        () -> send(response, callback, answer.status, answer.body),
        delayMillis, TimeUnit.MILLISECONDS);
  }

  private static void methodNotAllowed(Response response, Callback callback, String allowed) {
    response.getHeaders().put(HttpHeader.ALLOW, allowed);
    send(response, callback, 405, SimulatorJson.METHOD_NOT_ALLOWED);
  }

  private static void send(Response response, Callback callback, int status, byte[] body) {
    response.setStatus(status);
    HttpFields.Mutable headers = response.getHeaders();
    headers.put(JSON);
    headers.put(HttpHeader.CONTENT_LENGTH, body.length);
    response.write(true, ByteBuffer.wrap(body), callback);
  }

  /** A status and body to send. */
  private record Answer(int status, byte[] body) {}
}
