package io.paygate.gateway.http;

import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Finishes an exchange whose connection failed while it was being answered (a merchant whose
 * client gave up on a slow bank, say), so that Jetty does not count it as in flight for ever.
 *
 * <p>Jersey's Jetty container finishes an exchange when its answer has been written, or when it
 * fails before anything was sent; when writing fails once the answer is committed (the client
 * has closed its connection: "broken pipe"), it logs at debug level, rethrows, and never finishes
 * the exchange. Jetty then counts it as in flight for ever, and each such exchange held up a
 * graceful stop for its whole timeout, twice over (the gateway's own wait for open exchanges,
 * then Jetty's). Here, a failed write of the answer, or any failure Jetty reports on the request,
 * finishes the exchange; whichever of that or Jersey comes second is ignored.
 */
public final class FinishFailedExchanges extends Handler.Wrapper {
  public FinishFailedExchanges(Handler handler) {
    super(handler);
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    Once once = new Once(callback);
    request.addFailureListener(once::failed);
    return super.handle(request, new WatchedResponse(request, response, once), once);
  }

  /** Finishes the exchange when a write of its answer fails: nothing more can be said on it. */
  private static final class WatchedResponse extends Response.Wrapper {
    private final Once exchange;

    WatchedResponse(Request request, Response response, Once exchange) {
      super(request, response);
      this.exchange = exchange;
    }

    @Override
    public void write(boolean last, ByteBuffer content, Callback callback) {
      super.write(last, content, new Callback.Nested(callback) {
        @Override
        public void failed(Throwable failure) {
          // The writer hears of it first (Jersey's blocked thread goes on), then the exchange ends.
          super.failed(failure);
          exchange.failed(failure);
        }
      });
    }
  }

  /** A callback completed at most once, whoever completes it. */
  private static final class Once extends Callback.Nested {
    private final AtomicBoolean done = new AtomicBoolean();

    Once(Callback callback) {
      super(callback);
    }

    @Override
    public void succeeded() {
      if (done.compareAndSet(false, true)) {
        super.succeeded();
      }
    }

    @Override
    public void failed(Throwable failure) {
      if (done.compareAndSet(false, true)) {
        super.failed(failure);
      }
    }
  }
}
