package org.officialaccounts.guide;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.officialaccounts.request.FieldError;
import org.officialaccounts.verification.GuideVersion;
import org.springframework.stereotype.Component;

/** What a new version of the guide must carry before it is published. */
@Component
public class GuideVersionRules {

  static final int MAX_VERSION = 20;
  static final int MAX_SUMMARY = 2000;
  static final int MAX_LINK = 500;
  /** Letters and digits in groups joined by dots or hyphens: 1.1, 2.0.3, 2026-1. */
  static final Pattern VERSION = Pattern.compile("[A-Za-z0-9]+([.-][A-Za-z0-9]+)*");
  private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\n\\r\\t]]");

  /** The outcome: the version to publish, or what to fix. */
  public record Result(GuideVersion version, List<FieldError> errors) {}

  public Result check(Map<String, Object> submitted) {
    List<FieldError> errors = new ArrayList<>();

    String version = version(submitted.get("version"));
    if (version == null) {
      errors.add(versionError("version"));
    }

    LocalDate effective = null;
    Object date = submitted.get("effectiveDate");
    try {
      effective = date instanceof String s ? LocalDate.parse(s.strip()) : null;
    } catch (DateTimeParseException e) {
      // reported below
    }
    if (effective == null) {
      errors.add(new FieldError("effectiveDate", "Give the date the version takes effect (YYYY-MM-DD)",
          "اذكر تاريخ نفاذ الإصدار (YYYY-MM-DD)"));
    }

    Object summaryValue = submitted.get("summary");
    String summary = summaryValue instanceof String s ? s.strip() : null;
    if (summary == null || summary.isEmpty() || summary.length() > MAX_SUMMARY || CONTROL.matcher(summary).find()) {
      errors.add(new FieldError("summary", "Summarise what changed, in at most " + MAX_SUMMARY + " characters of text",
          "لخّص ما تغيّر في " + MAX_SUMMARY + " حرف على الأكثر"));
      summary = null;
    }

    Object linkValue = submitted.get("link");
    String link = null;
    if (linkValue != null && !(linkValue instanceof String s && s.isBlank())) {
      link = linkValue instanceof String s ? httpsLink(s.strip()) : null;
      if (link == null) {
        errors.add(new FieldError("link", "Give the address of the guide as an https:// link (at most " + MAX_LINK
            + " characters), or leave it out", "اذكر رابط الدليل بصيغة https:// (" + MAX_LINK
            + " حرف على الأكثر)، أو اتركه فارغًا"));
      }
    }

    if (!errors.isEmpty()) {
      return new Result(null, List.copyOf(errors));
    }
    return new Result(new GuideVersion(version, effective, summary, link), List.of());
  }

  /** The version as written, or null when it is not a version number. */
  public static String version(Object value) {
    if (!(value instanceof String s)) {
      return null;
    }
    String v = s.strip();
    return v.length() <= MAX_VERSION && VERSION.matcher(v).matches() ? v : null;
  }

  public static FieldError versionError(String field) {
    return new FieldError(field, "A version such as 1.1 or 2.0.3: letters and digits joined by '.' or '-', at most "
        + MAX_VERSION + " characters", "رقم إصدار مثل 1.1 أو 2.0.3: حروف وأرقام بينها '.' أو '-'، "
        + MAX_VERSION + " حرفًا على الأكثر");
  }

  private static String httpsLink(String value) {
    if (value.length() > MAX_LINK || CONTROL.matcher(value).find() || value.chars().anyMatch(Character::isWhitespace)) {
      return null;
    }
    try {
      URI uri = new URI(value);
      boolean https = "https".equals(uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT));
      return https && uri.getHost() != null && !uri.getHost().isBlank() && uri.getUserInfo() == null ? value : null;
    } catch (URISyntaxException e) {
      return null;
    }
  }
}
