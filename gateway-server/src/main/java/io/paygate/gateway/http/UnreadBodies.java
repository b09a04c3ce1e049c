package io.paygate.gateway.http;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * An answer given before its request's body was read (a 401 from an authentication filter, a 403,
 * 404, 405, 415 or 429) keeps the connection usable, or says that it does not.
 *
 * <p>Why: when an exchange ends with request content still unread, Jetty 12 reads what has
 * already arrived ({@code HttpStream.consumeAvailable}); if the body is not all there yet, it
 * closes the connection. By then the answer has gone out without {@code Connection: close}, so a
 * client that pooled the connection sends its next request into a closed socket and sees a POST
 * fail ("header parser received no bytes") that it may not safely retry.
 *
 * <p>So, when an answer is about to be committed while its request's body is unread: what has
 * already arrived is read and dropped; if that was the whole body, nothing more is needed. Else,
 * when the body declared a length of at most {@code maxDrainBytes} (the body limit), the answer
 * goes out at once and the rest of the body is read and dropped, without holding a thread, before
 * the exchange ends and the connection takes its next request. Otherwise (a larger or chunked
 * body, or a client waiting for {@code 100 Continue}) the answer says {@code Connection: close},
 * and Jetty closes the connection after it.
 *
 * <p>This assumes, as every handler here does, that nobody reads a request's body after starting
 * to answer it.
 */
public final class UnreadBodies extends Handler.Wrapper {
  private final long maxDrainBytes;

  /** @param maxDrainBytes the largest rest of a body read and dropped to keep its connection */
  public UnreadBodies(long maxDrainBytes, Handler handler) {
    super(handler);
    this.maxDrainBytes = maxDrainBytes;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    if (!hasBody(request.getHeaders())) {
      return super.handle(request, response, callback);
    }
    Exchange exchange = new Exchange(request, response, callback);
    return super.handle(request, exchange.response, exchange);
  }

  private static boolean hasBody(HttpFields headers) {
    return headers.contains(HttpHeader.TRANSFER_ENCODING)
        || headers.getLongField(HttpHeader.CONTENT_LENGTH) > 0;
  }

  /** What reading the body's available content found. */
  private enum Available { ALL_READ, MORE_TO_COME, FAILED }

  /** One exchange with a body: decides before its answer is committed, drains after it. */
  private final class Exchange extends Callback.Nested {
    private final Request request;
    private final Response original;
    private final Response response;
    private final AtomicBoolean decided = new AtomicBoolean();
    private volatile boolean drainAfter;
    private long drained;

    Exchange(Request request, Response original, Callback callback) {
      super(callback);
      this.request = request;
      this.original = original;
      this.response = new Response.Wrapper(request, original) {
        @Override
        public void write(boolean last, ByteBuffer content, Callback written) {
          beforeCommit();
          super.write(last, content, written);
        }
      };
    }

    /** Runs once, before the answer's headers are written (by a write or by the exchange's end). */
    private void beforeCommit() {
      if (!decided.compareAndSet(false, true) || original.isCommitted()) {
        return;
      }
      Available available = readAvailable();
      if (available == Available.ALL_READ) {
        return;
      }
      long length = request.getHeaders().getLongField(HttpHeader.CONTENT_LENGTH);
      boolean awaitsContinue = request.getHeaders().contains(HttpHeader.EXPECT,
          HttpHeaderValue.CONTINUE.asString());
      if (available == Available.MORE_TO_COME && !awaitsContinue
          && length > 0 && length <= maxDrainBytes) {
        drainAfter = true;
      } else {
        original.getHeaders().put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());
      }
    }

    /** Reads and drops what has arrived of the body, without waiting for more. */
    private Available readAvailable() {
      while (true) {
        Content.Chunk chunk = request.read();
        if (chunk == null) {
          return Available.MORE_TO_COME;
        }
        if (Content.Chunk.isFailure(chunk)) {
          return Available.FAILED;
        }
        drained += chunk.remaining();
        boolean last = chunk.isLast();
        chunk.release();
        if (last) {
          return Available.ALL_READ;
        }
      }
    }

    @Override
    public void succeeded() {
      beforeCommit(); // answered without a write: the headers go out when the exchange ends
      if (drainAfter) {
        drain();
      } else {
        super.succeeded();
      }
    }

    /** Reads the rest of the body as it arrives, then ends the exchange. */
    private void drain() {
      while (true) {
        Content.Chunk chunk = request.read();
        if (chunk == null) {
          request.demand(this::drain);
          return;
        }
        if (Content.Chunk.isFailure(chunk)) {
          // The client stopped sending the body it announced: the connection cannot go on.
          getCallback().failed(chunk.getFailure());
          return;
        }
        drained += chunk.remaining();
        boolean last = chunk.isLast();
        chunk.release();
        if (last) {
          getCallback().succeeded();
          return;
        }
        if (drained > maxDrainBytes) {
          getCallback().failed(new IOException("the request body is longer than it declared"));
          return;
        }
      }
    }
  }
}
