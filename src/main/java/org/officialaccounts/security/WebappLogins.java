package org.officialaccounts.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import java.util.Objects;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;

/** Who is logged into Camunda's webapps in this request's session, as the webapps record it. */
final class WebappLogins {

  private WebappLogins() {}

  /** Every engine's login in the session; none without a session. */
  static List<UserAuthentication> of(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    Authentications authentications = session == null ? null : AuthenticationUtil.getAuthsFromSession(session);
    return authentications == null ? List.of() : authentications.getAuthentications().stream()
        .filter(Objects::nonNull)
        .toList();
  }

  /** The login for one engine, or null. */
  static UserAuthentication of(HttpServletRequest request, String engine) {
    return of(request).stream().filter(user -> engine.equals(user.getProcessEngineName())).findFirst().orElse(null);
  }
}
