package org.officialaccounts.security;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Rejects request bodies that the engine and the API could only fail on, before they are
 * parsed: bodies over a size limit (413), and JSON nested too deep, with control characters in
 * it, or with text values too long to be stored as a process variable (400). The engine would
 * answer these with a server error, PostgreSQL cannot store a NUL character at all; the client
 * gets an answer that names the problem instead.
 */
public class RequestBodyGuardFilter extends OncePerRequestFilter {

  /** The engine stores text variables of at most 4,000 characters. */
  public static final int MAX_TEXT = 4000;

  /** JSON nested deeper than this is not a request but an attack on the parser. */
  static final int MAX_NESTING = 32;

  /** Tabs and line breaks are text; every other control character is not. */
  private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\n\\r\\t]]");

  private final int maxJsonBytes;
  private final int maxUploadBytes;
  private final Set<String> ownLimits;
  private final JsonFactory json;

  /**
   * @param maxJsonBytes the largest JSON body
   * @param maxUploadBytes the largest body of any other type (models deployed as multipart, files)
   * @param ownLimits paths whose endpoint reads a file within a limit of its own and says so itself
   */
  public RequestBodyGuardFilter(int maxJsonBytes, int maxUploadBytes, Set<String> ownLimits) {
    this.maxJsonBytes = maxJsonBytes;
    this.maxUploadBytes = maxUploadBytes;
    this.ownLimits = Set.copyOf(ownLimits);
    this.json =
        JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING).build())
            .build();
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String contentType = request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
    boolean isJson = contentType.contains("json");
    if (!isJson && ownLimits.contains(RequestPaths.of(request))) {
      chain.doFilter(request, response);
      return;
    }
    // Models and forms are deployed as multipart, inventories sent as CSV: larger than any JSON.
    int limit = isJson ? maxJsonBytes : maxUploadBytes;
    if (request.getContentLengthLong() > limit) {
      reject(response, 413, tooLarge(limit));
      return;
    }
    boolean unknownLength = request.getContentLengthLong() < 0 && request.getHeader("Transfer-Encoding") != null;
    if (!isJson && !unknownLength) {
      chain.doFilter(request, response);
      return;
    }
    byte[] body = readAtMost(request.getInputStream(), limit + 1);
    if (body.length > limit) {
      reject(response, 413, tooLarge(limit));
      return;
    }
    String problem = isJson ? inspect(body) : null;
    if (problem != null) {
      reject(response, 400, problem);
      return;
    }
    chain.doFilter(new CachedBodyRequest(request, body), response);
  }

  /** What is wrong with the JSON body, or null when the engine can take it. */
  String inspect(byte[] body) {
    try (JsonParser parser = json.createParser(body)) {
      JsonToken token;
      while ((token = parser.nextToken()) != null) {
        if (token == JsonToken.FIELD_NAME && CONTROL.matcher(parser.currentName()).find()) {
          return bilingual("A field name contains control characters",
              "يحتوي اسم أحد الحقول على رموز تحكم");
        }
        if (token != JsonToken.VALUE_STRING) {
          continue;
        }
        String field = field(parser.getParsingContext().pathAsPointer().toString());
        if (parser.getTextLength() > MAX_TEXT) {
          return bilingual("The value of '" + field + "' is longer than " + MAX_TEXT + " characters",
              "قيمة '" + field + "' أطول من " + MAX_TEXT + " حرف");
        }
        if (CONTROL.matcher(parser.getText()).find()) {
          return bilingual("The value of '" + field + "' contains control characters; remove them",
              "تحتوي قيمة '" + field + "' على رموز تحكم؛ احذفها");
        }
      }
      return null;
    } catch (IOException e) {
      return bilingual("The request body is not valid JSON or is nested more than " + MAX_NESTING + " levels deep",
          "نص الطلب ليس JSON صحيحًا أو متداخل لأكثر من " + MAX_NESTING + " مستوى");
    }
  }

  /** The field a person knows: the variable's name in the engine's {"name": {"value": ...}} shape. */
  static String field(String pointer) {
    String path = pointer.endsWith("/value") ? pointer.substring(0, pointer.length() - "/value".length()) : pointer;
    return path.substring(path.lastIndexOf('/') + 1);
  }

  private static String tooLarge(int limit) {
    return bilingual("The request body is larger than " + limit + " bytes",
        "نص الطلب أكبر من " + limit + " بايت");
  }

  private static String bilingual(String english, String arabic) {
    return english + " / " + arabic;
  }

  private static byte[] readAtMost(InputStream in, int limit) throws IOException {
    return in.readNBytes(limit);
  }

  private static void reject(HttpServletResponse response, int status, String detail)
      throws IOException {
    response.setStatus(status);
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setCharacterEncoding("UTF-8");
    String escaped = detail.replace("\\", "\\\\").replace("\"", "\\\"");
    response.getWriter().write(
        "{\"type\":\"about:blank\",\"title\":\"" + (status == 413 ? "Payload Too Large" : "Bad Request")
            + "\",\"status\":" + status + ",\"detail\":\"" + escaped + "\"}");
  }

  /** The request with its body already read, replayed to the servlet behind the filter. */
  private static final class CachedBodyRequest extends HttpServletRequestWrapper {
    private final byte[] body;

    CachedBodyRequest(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public int read() {
          return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
          return in.read(b, off, len);
        }

        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException();
        }
      };
    }

    @Override
    public BufferedReader getReader() {
      return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
    }

    @Override
    public int getContentLength() {
      return body.length;
    }

    @Override
    public long getContentLengthLong() {
      return body.length;
    }
  }
}
