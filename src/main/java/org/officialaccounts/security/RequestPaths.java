package org.officialaccounts.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The path a request reaches, as the handlers behind the filters see it, so a guard cannot be
 * walked around by spelling the same resource another way: decoded (the container's servlet path
 * and path info), without trailing slashes (Jersey ignores one), and with the engine REST API's
 * named form {@code /engine-rest/engine/{name}/...} folded into its short form.
 */
final class RequestPaths {

  private static final Pattern NAMED_ENGINE = Pattern.compile("^/engine-rest/engine/[^/]+(/.*)?$");

  private RequestPaths() {}

  static String of(HttpServletRequest request) {
    String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
    while (path.length() > 1 && path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    Matcher named = NAMED_ENGINE.matcher(path);
    if (named.matches()) {
      path = "/engine-rest" + (named.group(1) == null ? "" : named.group(1));
    }
    return path;
  }
}
