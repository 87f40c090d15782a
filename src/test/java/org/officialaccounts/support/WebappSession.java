package org.officialaccounts.support;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * A browser's conversation with Camunda's webapps: session and CSRF cookies kept, the CSRF
 * token echoed in {@code X-XSRF-TOKEN} as the webapps' own scripts do (unless told not to).
 */
public final class WebappSession {

  public static final String LOGIN = "/camunda/api/admin/auth/user/default/login/";

  private final String root;
  private final CookieManager cookies = new CookieManager();
  private final HttpClient client;

  public WebappSession(String root) {
    this.root = root;
    this.client = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
  }

  /**
   * Opens the app's page, which hands out the session and the CSRF token, then logs in and
   * fetches the token of the new session the login starts.
   */
  public HttpResponse<String> login(String app, String user, String password) {
    get("/camunda/app/" + app + "/default/");
    HttpResponse<String> login = post(LOGIN + app, "username=" + encode(user) + "&password=" + encode(password), true);
    if (login.statusCode() == 200) {
      get("/camunda/api/admin/auth/user/default");
    }
    return login;
  }

  public HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(URI.create(root + path)).GET().header("Accept", "application/json, text/html"));
  }

  /** A form POST, with or without the CSRF token header. */
  public HttpResponse<String> post(String path, String form, boolean withToken) {
    return modify("POST", path, form, "application/x-www-form-urlencoded", withToken);
  }

  /** A JSON request that changes something, with the CSRF token header. */
  public HttpResponse<String> json(String method, String path, String body) {
    return modify(method, path, body, "application/json", true);
  }

  /** Any body of any type, with the CSRF token; chunked (no Content-Length) if asked. */
  public HttpResponse<String> raw(String method, String path, String type, String body, boolean chunked) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    return modify(method, path, chunked
        ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes))
        : HttpRequest.BodyPublishers.ofByteArray(bytes), type, true);
  }

  private HttpResponse<String> modify(String method, String path, String body, String type, boolean withToken) {
    return modify(method, path, HttpRequest.BodyPublishers.ofString(body), type, withToken);
  }

  private HttpResponse<String> modify(
      String method, String path, HttpRequest.BodyPublisher body, String type, boolean withToken) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(root + path))
        .method(method, body)
        .header("Content-Type", type)
        .header("Accept", "application/json");
    String token = csrfToken();
    if (withToken && token != null) {
      request.header("X-XSRF-TOKEN", token);
    }
    return send(request);
  }

  /** The current CSRF token from its cookie, or null before the first page. */
  public String csrfToken() {
    return cookie("XSRF-TOKEN");
  }

  public String cookie(String name) {
    return cookies.getCookieStore().getCookies().stream()
        .filter(c -> c.getName().equals(name))
        .map(HttpCookie::getValue)
        .reduce((first, second) -> second)
        .orElse(null);
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
