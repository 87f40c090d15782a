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
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Rejects JSON bodies sent to the engine's REST APIs that the engine could only fail on:
 * bodies over a size limit, nesting too deep, and text values too long to be stored as a
 * process variable. The engine would answer these with a server error after writing nothing;
 * the client gets a 400 or 413 that names the problem instead.
 */
public class RequestBodyGuardFilter extends OncePerRequestFilter {

  /** The engine stores text variables of at most 4,000 characters. */
  public static final int MAX_TEXT = 4000;

  private final int maxBodyBytes;
  private final JsonFactory json;

  public RequestBodyGuardFilter(int maxBodyBytes) {
    this.maxBodyBytes = maxBodyBytes;
    this.json =
        JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(32).build())
            .build();
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String contentType = request.getContentType();
    if (contentType == null || !contentType.toLowerCase().contains("json")) {
      chain.doFilter(request, response);
      return;
    }
    if (request.getContentLengthLong() > maxBodyBytes) {
      reject(response, 413, "The request body is larger than " + maxBodyBytes + " bytes");
      return;
    }
    byte[] body = readAtMost(request.getInputStream(), maxBodyBytes + 1);
    if (body.length > maxBodyBytes) {
      reject(response, 413, "The request body is larger than " + maxBodyBytes + " bytes");
      return;
    }
    String problem = inspect(body);
    if (problem != null) {
      reject(response, 400, problem);
      return;
    }
    chain.doFilter(new CachedBodyRequest(request, body), response);
  }

  /** What is wrong with the JSON body, or null when the engine can take it. */
  String inspect(byte[] body) {
    try (JsonParser parser = json.createParser(body)) {
      String field = null;
      JsonToken token;
      while ((token = parser.nextToken()) != null) {
        if (token == JsonToken.FIELD_NAME) {
          field = parser.currentName();
        } else if (token == JsonToken.VALUE_STRING && parser.getTextLength() > MAX_TEXT) {
          return "The value of '" + parser.getParsingContext().pathAsPointer() + "' is longer than "
              + MAX_TEXT + " characters" + (field == null ? "" : " (field " + field + ")");
        }
      }
      return null;
    } catch (IOException e) {
      return "The request body is not valid JSON or is nested too deeply";
    }
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
