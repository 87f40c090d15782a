package org.officialaccounts.publicverify;

import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.officialaccounts.api.ApiProblems.InvalidInputException;
import org.officialaccounts.api.PageView;
import org.officialaccounts.registry.Platform;
import org.officialaccounts.registry.UnitType;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The public, login-free questions: is this account official, and which accounts are. */
@RestController
@RequestMapping("/api/public")
public class PublicVerificationController {

  static final int MAX_QUERY = 2000;
  static final int MAX_PAGE_SIZE = 100;

  private final PublicVerificationService verification;
  private final PublicRegistry registry;
  private final CacheControl cacheControl;

  public PublicVerificationController(
      PublicVerificationService verification, PublicRegistry registry, PublicProperties properties) {
    this.verification = verification;
    this.registry = registry;
    this.cacheControl = CacheControl.maxAge(properties.cacheSeconds(), TimeUnit.SECONDS).cachePublic();
  }

  /** Checks a pasted address or handle; {@code platform} narrows a bare handle to one platform. */
  @GetMapping("/verify")
  public ResponseEntity<VerifyResponse> verify(
      @RequestParam(required = false) String url, @RequestParam(required = false) String platform) {
    if (url == null || url.isBlank()) {
      throw new InvalidInputException("url", "Paste the address or @handle of the account to check",
          "الصق رابط الحساب أو معرّفه للتحقق منه");
    }
    if (url.length() > MAX_QUERY) {
      throw new InvalidInputException("url", "At most " + MAX_QUERY + " characters",
          MAX_QUERY + " حرف على الأكثر");
    }
    Platform chosen = platform == null || platform.isBlank() ? null : platform(platform);
    return ResponseEntity.ok().cacheControl(cacheControl).body(verification.verify(url, chosen));
  }

  /** Official accounts, searchable by the unit's name or code, or the handle. */
  @GetMapping("/accounts")
  public ResponseEntity<PageView<PublicAccount>> accounts(
      @RequestParam(required = false) String q,
      @RequestParam(required = false) String platform,
      @RequestParam(required = false) String unitType,
      @RequestParam(defaultValue = "0") String page,
      @RequestParam(defaultValue = "20") String size) {
    String text = q == null || q.isBlank() ? null : q.strip();
    if (text != null && text.length() > 100) {
      throw new InvalidInputException("q", "At most 100 characters", "100 حرف على الأكثر");
    }
    String p = platform == null || platform.isBlank() ? null : platform(platform).name();
    String type = unitType == null || unitType.isBlank() ? null : unitType(unitType);
    int pageNumber = number("page", page, 0, 100_000);
    int pageSize = number("size", size, 1, MAX_PAGE_SIZE);
    PageView<PublicAccount> result =
        new PageView<>(
            registry.officialAccounts(text, p, type, pageNumber * pageSize, pageSize),
            pageNumber,
            pageSize,
            registry.countOfficialAccounts(text, p, type));
    return ResponseEntity.ok().cacheControl(cacheControl).body(result);
  }

  private static Platform platform(String code) {
    try {
      return Platform.fromCode(code);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("platform", e.getMessage(),
          "منصة غير معروفة؛ المنصات: X, INSTAGRAM, SNAPCHAT, YOUTUBE, FACEBOOK");
    }
  }

  private static String unitType(String value) {
    try {
      return UnitType.valueOf(value.strip().toUpperCase(Locale.ROOT)).name();
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("unitType", "one of " + java.util.Arrays.toString(UnitType.values()),
          "نوع جهة غير معروف");
    }
  }

  private static int number(String name, String value, int min, int max) {
    try {
      int n = Integer.parseInt(value.strip());
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new InvalidInputException(name, "a whole number from " + min + " to " + max,
        "عدد صحيح من " + min + " إلى " + max);
  }
}
