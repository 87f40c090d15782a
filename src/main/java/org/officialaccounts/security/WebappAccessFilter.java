package org.officialaccounts.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps the Cockpit, Admin and Tasklist plugin APIs to people who may use that webapp. Camunda
 * checks only that the caller is logged in there, so a unit coordinator logged into Tasklist
 * could read Cockpit's statistics of every unit's requests.
 */
public class WebappAccessFilter extends OncePerRequestFilter {

  /** /camunda/api/{app}/plugin/{plugin}/{engine}/..., but not a plugin's static files. */
  private static final Pattern PLUGIN_API =
      Pattern.compile("^/api/(cockpit|admin|tasklist)/plugin/([^/]+)/([^/]+)/.*");

  private final String applicationPath;

  public WebappAccessFilter(String applicationPath) {
    this.applicationPath = applicationPath;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = RequestPaths.of(request);
    Matcher api = path.startsWith(applicationPath)
        ? PLUGIN_API.matcher(path.substring(applicationPath.length()))
        : null;
    if (api != null && api.matches() && !"static".equals(api.group(3)) && !mayUse(request, api.group(1), api.group(3))) {
      response.setStatus(HttpServletResponse.SC_FORBIDDEN);
      response.setContentType(MediaType.APPLICATION_JSON_VALUE);
      response.getWriter().write(
          "{\"type\":\"Forbidden\",\"message\":\"Not authorized for the " + api.group(1) + " application\"}");
      return;
    }
    chain.doFilter(request, response);
  }

  /** Anonymous callers pass on: Camunda answers them 401 itself. */
  private static boolean mayUse(HttpServletRequest request, String app, String engine) {
    UserAuthentication user = WebappLogins.of(request, engine);
    return user == null || user.isAuthorizedForApp(app);
  }
}
