package io.paygate.gateway.http;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.MimeTypes;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ResourceHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.resource.Resource;
import org.eclipse.jetty.util.resource.ResourceFactory;

/**
 * The web console: static files from the jar's {@code console/} folder, the page itself at
 * {@code /} and its scripts, styles and images under {@code /console/}. Any other path is left to
 * the API (so an unknown API path still gets its 404 problem answer), and so is a console file
 * that does not exist.
 *
 * <p>Jetty's {@link ResourceHandler} does the serving (content types, ETags and conditional
 * requests, HEAD, no directory listings). This class only maps the paths and puts the console's
 * own Content-Security-Policy, which lets the page load its own scripts, styles and images and
 * call its own origin, and nothing else: no inline script or style, no eval, no other site.
 */
public final class ConsoleHandler extends Handler.Wrapper {
  /** The prefix of the console's files; {@code /} serves its page. */
  private static final String PREFIX = "/console";
  static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self';"
      + " img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none';"
      + " form-action 'self'";

  public ConsoleHandler() {
    ResourceHandler files = new ConsoleFiles();
    Resource base = ResourceFactory.of(files).newClassLoaderResource("console/");
    if (base == null) {
      throw new IllegalStateException("the console's files (console/ on the class path) are"
          + " missing from this build");
    }
    files.setBaseResource(base);
    files.setDirAllowed(false);
    files.setEtags(true);
    files.setWelcomeFiles();
    setHandler(files);
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    String path = Request.getPathInContext(request);
    String file;
    if (path.equals("/")) {
      file = "/index.html";
    } else if (path.startsWith(PREFIX + "/") && path.length() > PREFIX.length() + 1) {
      file = path.substring(PREFIX.length());
    } else {
      return false;
    }
    if (!HttpMethod.GET.is(request.getMethod()) && !HttpMethod.HEAD.is(request.getMethod())) {
      return false;
    }
    response.getHeaders().put("Content-Security-Policy", POLICY);
    // The page is small and holds nothing secret, but is never cached so that a new version of
    // the gateway serves its new console at once; the files it loads are not fingerprinted, so
    // they are revalidated by ETag on each load instead of trusted for a time.
    response.getHeaders().put(HttpHeader.CACHE_CONTROL,
        file.endsWith(".html") ? "no-store" : "no-cache");
    if (super.handle(Request.serveAs(request, Request.newHttpURIFrom(request, file)), response,
        callback)) {
      return true;
    }
    // No such file: the API's 404 answers it, with the API's headers.
    SecurityHeaders.addTo(response.getHeaders(), request.isSecure());
    return false;
  }

  /**
   * The console's few kinds of file, the text ones with their charset (all are UTF-8). Given by
   * overriding: ResourceHandler replaces any set before its start with the server's.
   */
  private static final class ConsoleFiles extends ResourceHandler {
    private static final MimeTypes TYPES = types();

    @Override
    public MimeTypes getMimeTypes() {
      return TYPES;
    }

    private static MimeTypes types() {
      MimeTypes.Mutable types = new MimeTypes.Mutable(MimeTypes.DEFAULTS);
      types.addMimeMapping("html", "text/html;charset=utf-8");
      types.addMimeMapping("js", "text/javascript;charset=utf-8");
      types.addMimeMapping("css", "text/css;charset=utf-8");
      types.addMimeMapping("svg", "image/svg+xml;charset=utf-8");
      return types;
    }
  }
}
