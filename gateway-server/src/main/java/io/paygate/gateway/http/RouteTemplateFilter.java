package io.paygate.gateway.http;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import java.util.List;
import org.glassfish.jersey.server.ExtendedUriInfo;
import org.glassfish.jersey.uri.UriTemplate;

/**
 * Tells the {@link AccessLog} which route template Jersey matched ({@code /api/history/{id}}),
 * for every answer Jersey gives, errors included. An answer to a path no resource matched names
 * no route.
 */
public final class RouteTemplateFilter implements ContainerResponseFilter {
  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if (request.getUriInfo() instanceof ExtendedUriInfo info) {
      String template = template(info.getMatchedTemplates());
      if (template != null) {
        AccessLog.route(template);
      }
    }
  }

  /** The templates, matched last first, joined from the root: {@code /api/history} + {@code {id}}. */
  static String template(List<UriTemplate> matched) {
    if (matched.isEmpty()) {
      return null;
    }
    StringBuilder path = new StringBuilder();
    for (int i = matched.size() - 1; i >= 0; i--) {
      String part = matched.get(i).getTemplate();
      if (part.isEmpty() || part.equals("/")) {
        continue;
      }
      if (path.length() == 0 || path.charAt(path.length() - 1) != '/') {
        path.append(part.startsWith("/") ? "" : "/");
      } else if (part.startsWith("/")) {
        part = part.substring(1);
      }
      path.append(part);
    }
    String out = path.length() == 0 ? "/" : path.toString();
    return out.length() > 1 && out.endsWith("/") ? out.substring(0, out.length() - 1) : out;
  }
}
