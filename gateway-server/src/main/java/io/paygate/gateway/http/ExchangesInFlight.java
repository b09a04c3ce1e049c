package io.paygate.gateway.http;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The HTTP exchanges being served, each from the moment its request reaches the handlers to the
 * moment its answer has been written, so that a graceful stop can wait for them <em>before</em>
 * Jetty's own graceful stop begins.
 *
 * <p>Why Jetty's {@code GracefulHandler} alone is not enough: the first thing Jetty's stop does is
 * cut every connection's idle timeout to one second ({@code shutdownIdleTimeout}), and a
 * connection that has been quiet for longer expires at once. A payment keeps its connection quiet
 * for as long as its bank takes; when it came back from the bank just as the stop began, the
 * write of its answer failed half-way. The payment was settled and stored, but the merchant got a
 * cut-off body, and since Jersey leaves an exchange whose committed answer failed unfinished,
 * Jetty's stop then waited out its whole timeout. Waiting here first means Jetty only ever stops
 * connections that have nothing left to say.
 */
public final class ExchangesInFlight extends Handler.Wrapper {
  private final Set<Exchange> open = ConcurrentHashMap.newKeySet();
  private volatile boolean awaited;

  /** Wraps nothing yet: give it its handler with {@link #setHandler}. */
  public ExchangesInFlight() {}

  public ExchangesInFlight(Handler handler) {
    super(handler);
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    Exchange exchange = new Exchange(callback);
    open.add(exchange);
    try {
      boolean handled = super.handle(request, response, exchange);
      if (!handled) {
        // Jetty answers it with the original callback: this exchange is over for us.
        exchange.finish();
      }
      return handled;
    } catch (Throwable t) {
      exchange.finish();
      throw t;
    }
  }

  /** How many exchanges are being served right now. */
  public int size() {
    return open.size();
  }

  /**
   * Waits, at most {@code bound}, until every exchange open at the time of the call has written
   * its answer. Exchanges that begin meanwhile are not waited for: under steady traffic the server
   * is never idle, and those are answered by a server that is already refusing new payments.
   *
   * @return how many of them were still open when the bound ran out
   */
  public int awaitOpen(Duration bound) {
    // Set before the snapshot: an exchange that finishes after it either is not in the snapshot
    // or sees `awaited` and wakes this thread up.
    awaited = true;
    List<Exchange> waitingFor = new ArrayList<>(open);
    long end = System.nanoTime() + bound.toNanos();
    synchronized (this) {
      try {
        while (true) {
          waitingFor.removeIf(e -> !open.contains(e));
          long left = end - System.nanoTime();
          if (waitingFor.isEmpty() || left <= 0) {
            break;
          }
          wait(Math.max(1, left / 1_000_000));
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    return waitingFor.size();
  }

  /**
   * Stops the server this handler serves, gracefully: first waits, at most {@code bound}, for the
   * exchanges open now to be answered ({@link #awaitOpen}), then lets Jetty stop, which answers
   * later requests 503 and closes the connections.
   *
   * @return how many exchanges were still open when the bound ran out
   */
  public int stopServer(Duration bound) throws Exception {
    int left = awaitOpen(bound);
    getServer().stop();
    return left;
  }

  /** One exchange: over when its callback completes, whichever way. */
  private final class Exchange extends Callback.Nested {
    Exchange(Callback callback) {
      super(callback);
    }

    @Override
    public void succeeded() {
      try {
        super.succeeded();
      } finally {
        finish();
      }
    }

    @Override
    public void failed(Throwable failure) {
      try {
        super.failed(failure);
      } finally {
        finish();
      }
    }

    void finish() {
      if (open.remove(this) && awaited) {
        synchronized (ExchangesInFlight.this) {
          ExchangesInFlight.this.notifyAll();
        }
      }
    }
  }
}
