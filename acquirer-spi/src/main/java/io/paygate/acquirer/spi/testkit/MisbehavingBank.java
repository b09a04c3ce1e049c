package io.paygate.acquirer.spi.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A bank that misbehaves in one way, on a raw socket, so that the conformance kit can check what a
 * connector makes of it without the plug-in author having to stage it: it never answers, answers
 * garbage, or is not there at all.
 */
public final class MisbehavingBank implements AutoCloseable {

  /** How the bank misbehaves. */
  public enum Behaviour {
    /** Reads the request, then never answers (until closed). */
    HANG,
    /** Answers {@code 200 OK} with a body no bank API would send. */
    GARBAGE_BODY,
    /** Answers bytes that are not HTTP at all, then closes the connection. */
    GARBAGE_BYTES
  }

  private static final byte[] GARBAGE_BODY =
      "\u0000\u00ff<<not json, not xml, not a form>>}{][\u0007".getBytes(StandardCharsets.ISO_8859_1);

  private final Behaviour behaviour;
  private final ServerSocket server;
  private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "misbehaving-bank");
    t.setDaemon(true);
    return t;
  });
  private final List<Socket> open = new CopyOnWriteArrayList<>();

  private MisbehavingBank(Behaviour behaviour) throws IOException {
    this.behaviour = behaviour;
    this.server = new ServerSocket(0, 512, InetAddress.getLoopbackAddress());
    threads.execute(this::acceptLoop);
  }

  /** Starts a bank on 127.0.0.1 and a free port that behaves as told. */
  public static MisbehavingBank start(Behaviour behaviour) {
    try {
      return new MisbehavingBank(behaviour);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start a misbehaving bank", e);
    }
  }

  /**
   * An address where nothing listens: connecting to it is refused. The port was free a moment ago
   * and is not bound again by the kit.
   */
  public static URI refusingAddress() {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return URI.create("http://127.0.0.1:" + s.getLocalPort());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot find a free port", e);
    }
  }

  /** The bank's address, {@code http://127.0.0.1:<port>}. */
  public URI baseUrl() {
    return URI.create("http://127.0.0.1:" + server.getLocalPort());
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket socket = server.accept();
        open.add(socket);
        threads.execute(() -> serve(socket));
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  private void serve(Socket socket) {
    try (socket) {
      InputStream in = socket.getInputStream();
      readRequest(in);
      OutputStream out = socket.getOutputStream();
      switch (behaviour) {
        case HANG:
          // Hold the connection open, reading whatever comes, until the client or close() ends it.
          while (in.read() >= 0) {
            // discard
          }
          break;
        case GARBAGE_BODY:
          out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\n"
              + "Content-Length: " + GARBAGE_BODY.length + "\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.ISO_8859_1));
          out.write(GARBAGE_BODY);
          out.flush();
          break;
        case GARBAGE_BYTES:
          out.write(GARBAGE_BODY);
          out.flush();
          break;
        default:
          throw new IllegalStateException(behaviour.toString());
      }
    } catch (IOException e) {
      // The client went away: nothing to do.
    } finally {
      open.remove(socket);
    }
  }

  /** Reads an HTTP request's head and, when it declares one, its body. */
  private static void readRequest(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    byte[] end = {'\r', '\n', '\r', '\n'};
    while (matched < end.length) {
      int b = in.read();
      if (b < 0) {
        return;
      }
      head.write(b);
      matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
    }
    long length = 0;
    for (String line : head.toString(StandardCharsets.ISO_8859_1).split("\r\n")) {
      String lower = line.toLowerCase(Locale.ROOT);
      if (lower.startsWith("content-length:")) {
        length = Long.parseLong(lower.substring("content-length:".length()).trim());
      }
    }
    in.skipNBytes(length);
  }

  @Override
  public void close() {
    try {
      server.close();
    } catch (IOException e) {
      // closing anyway
    }
    for (Socket s : open) {
      try {
        s.close();
      } catch (IOException e) {
        // closing anyway
      }
    }
    threads.shutdownNow();
  }

  @Override
  public String toString() {
    return "MisbehavingBank{" + behaviour + ", " + baseUrl() + "}";
  }
}
