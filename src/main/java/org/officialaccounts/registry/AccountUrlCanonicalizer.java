package org.officialaccounts.registry;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns whatever a user typed or pasted for an account (address, @handle or bare handle) into its
 * canonical form.
 */
public final class AccountUrlCanonicalizer {

  static final int MAX_INPUT_LENGTH = 500;

  private static final Pattern SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*):");
  private static final Pattern ALL_DIGITS_AND_DOTS = Pattern.compile("[0-9.]+");
  private static final Pattern YOUTUBE_CHANNEL_ID = Pattern.compile("UC[A-Za-z0-9_-]{22}");
  // Facebook ids never start with 0; refusing leading zeros keeps one spelling per id.
  private static final Pattern FACEBOOK_NUMERIC_ID = Pattern.compile("[1-9][0-9]{0,19}");
  private static final String YOUTUBE_CHANNEL_PREFIX = "https://www.youtube.com/channel/";
  private static final String FACEBOOK_PROFILE_PREFIX = "https://www.facebook.com/profile.php?id=";

  public AccountUrlCanonicalizer() {}

  /**
   * Canonicalizes an account address or handle entered for the given platform.
   *
   * @throws InvalidAccountUrlException if the input does not name an account on that platform
   */
  public CanonicalAccount canonicalize(Platform platform, String input) {
    if (platform == null) {
      throw reject("Choose the account's platform", "اختر منصة الحساب");
    }
    String value = clean(input);
    if (value.startsWith("@")) {
      return fromBareHandle(platform, value.substring(1), true);
    }
    Matcher scheme = SCHEME.matcher(value);
    // "x.com:443/..." also looks like "scheme:rest", but real schemes never contain a dot.
    if (scheme.find() && scheme.group(1).indexOf('.') < 0) {
      return fromAddress(platform, afterScheme(value, scheme.group(1)));
    }
    if (value.startsWith("//")) {
      return fromAddress(platform, value.substring(2));
    }
    if (looksLikeAddress(value)) {
      return fromAddress(platform, value);
    }
    return fromBareHandle(platform, value, false);
  }

  /**
   * Every platform on which the input names an account: the one platform of an address, or
   * each platform whose rules a bare handle fits.
   *
   * @throws InvalidAccountUrlException if it names an account on none of them
   */
  public List<CanonicalAccount> canonicalizeOnAnyPlatform(String input) {
    List<CanonicalAccount> found = new ArrayList<>();
    InvalidAccountUrlException reason = null;
    for (Platform platform : Platform.values()) {
      try {
        found.add(canonicalize(platform, input));
      } catch (InvalidAccountUrlException e) {
        if (reason == null && !e.otherPlatform()) {
          reason = e;
        }
      }
    }
    if (!found.isEmpty()) {
      return found;
    }
    if (reason != null) {
      throw reason;
    }
    List<String> en = new ArrayList<>();
    List<String> ar = new ArrayList<>();
    for (Platform platform : Platform.values()) {
      en.add(platform.displayNameEn());
      ar.add(platform.displayNameAr());
    }
    throw reject(
        "This is not the address of an account on " + joinAlternatives(en, "or"),
        "هذا ليس رابط حساب على " + joinAlternatives(ar, "أو"));
  }

  private static String clean(String input) {
    if (input == null) {
      throw missingInput();
    }
    String value = stripEdges(input);
    if (value.isEmpty()) {
      throw missingInput();
    }
    if (value.length() > MAX_INPUT_LENGTH) {
      throw reject(
          "The address is too long (at most " + MAX_INPUT_LENGTH + " characters)",
          "الرابط طويل جدًا (الحد الأقصى " + MAX_INPUT_LENGTH + " حرف)");
    }
    // Checked after decoding so that %00 or %20 cannot sneak in what a literal would not.
    value = percentDecodeOnce(value);
    for (int i = 0; i < value.length(); ) {
      int cp = value.codePointAt(i);
      if (isBlank(cp)) {
        throw reject(
            "The address must not contain spaces or line breaks",
            "يجب ألا يحتوي الرابط على مسافات أو فواصل أسطر");
      }
      int type = Character.getType(cp);
      if (type == Character.CONTROL || type == Character.FORMAT || type == Character.SURROGATE) {
        String code = String.format(Locale.ROOT, "U+%04X", cp);
        throw reject(
            "The address contains an invisible or control character (" + code + ")",
            "يحتوي الرابط على حرف غير مرئي أو حرف تحكم (" + code + ")");
      }
      i += Character.charCount(cp);
    }
    return value;
  }

  /**
   * Strips surrounding blanks and the direction marks that Arabic interfaces add to copied text;
   * anything else invisible is left in place so that the control-character check rejects it.
   */
  public static String stripEdges(String input) {
    int start = 0;
    int end = input.length();
    while (start < end && isStrippable(input.charAt(start))) {
      start++;
    }
    while (end > start && isStrippable(input.charAt(end - 1))) {
      end--;
    }
    return input.substring(start, end);
  }

  private static boolean isStrippable(char c) {
    return isBlank(c)
        || c == '\u200E'
        || c == '\u200F'
        || c == '\u061C'
        || c == '\uFEFF'
        || (c >= '\u202A' && c <= '\u202E')
        || (c >= '\u2066' && c <= '\u2069');
  }

  private static boolean isBlank(int cp) {
    return cp == '\t'
        || cp == '\n'
        || cp == '\u000B'
        || cp == '\f'
        || cp == '\r'
        || Character.isSpaceChar(cp);
  }

  private static String percentDecodeOnce(String value) {
    if (value.indexOf('%') < 0) {
      return value;
    }
    StringBuilder decoded = new StringBuilder(value.length());
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int i = 0;
    while (i < value.length()) {
      if (value.charAt(i) != '%') {
        decoded.append(value.charAt(i++));
        continue;
      }
      // Consecutive escapes are decoded together because one UTF-8 character spans several of them.
      bytes.reset();
      while (i < value.length() && value.charAt(i) == '%') {
        int high = i + 1 < value.length() ? hexDigit(value.charAt(i + 1)) : -1;
        int low = i + 2 < value.length() ? hexDigit(value.charAt(i + 2)) : -1;
        if (high < 0 || low < 0) {
          throw invalidPercentEncoding();
        }
        bytes.write(high * 16 + low);
        i += 3;
      }
      try {
        decoded.append(
            StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes.toByteArray())));
      } catch (CharacterCodingException e) {
        throw invalidPercentEncoding();
      }
    }
    return decoded.toString();
  }

  /** ASCII only: Character.digit would also accept Arabic-Indic and full-width digits. */
  private static int hexDigit(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    return -1;
  }

  private static String afterScheme(String value, String scheme) {
    String lower = scheme.toLowerCase(Locale.ROOT);
    if (!lower.equals("http") && !lower.equals("https")) {
      String shown = scheme.length() > 30 ? scheme.substring(0, 30) + "…" : scheme;
      throw reject(
          "Only web addresses starting with http:// or https:// are accepted (this one starts with '%s:')"
              .formatted(shown),
          "تُقبل فقط روابط الويب التي تبدأ بـ http:// أو https:// (هذا الرابط يبدأ بـ '%s:')"
              .formatted(shown));
    }
    String rest = value.substring(scheme.length() + 1);
    if (!rest.startsWith("//")) {
      throw reject(
          "The address is malformed: '" + lower + ":' must be followed by //",
          "الرابط غير صحيح: يجب أن يأتي // بعد '" + lower + ":'");
    }
    return rest.substring(2);
  }

  /**
   * A value without a scheme is an address if it has a path or is exactly a known host; otherwise
   * it is a handle, since Instagram and Facebook handles may contain periods and would otherwise be
   * mistaken for domains.
   */
  private static boolean looksLikeAddress(String value) {
    if (value.indexOf('/') >= 0) {
      return true;
    }
    int end = indexOfAny(value, "?#:");
    String host = normalizeHost(end < 0 ? value : value.substring(0, end));
    return Platform.owningHost(host) != null;
  }

  private static String normalizeHost(String host) {
    String lower = host.toLowerCase(Locale.ROOT);
    // A single trailing dot is the fully-qualified spelling of the same host.
    return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
  }

  private CanonicalAccount fromAddress(Platform platform, String rest) {
    int authorityEnd = indexOfAny(rest, "/?#");
    String authority = authorityEnd < 0 ? rest : rest.substring(0, authorityEnd);
    String tail = authorityEnd < 0 ? "" : rest.substring(authorityEnd);
    int hash = tail.indexOf('#');
    if (hash >= 0) {
      tail = tail.substring(0, hash);
    }
    int question = tail.indexOf('?');
    String path = question < 0 ? tail : tail.substring(0, question);
    String query = question < 0 ? "" : tail.substring(question + 1);

    checkHost(platform, authority);

    List<String> segments = new ArrayList<>();
    for (String segment : path.split("/")) {
      if (!segment.isEmpty()) {
        segments.add(segment);
      }
    }
    return fromPath(platform, segments, query);
  }

  private static void checkHost(Platform platform, String authority) {
    if (authority.isEmpty()) {
      throw reject(
          "The address has no domain name after //", "لا يحتوي الرابط على اسم نطاق بعد //");
    }
    // user@host is the classic trick to make a link seem to go to one site but go to another.
    if (authority.indexOf('@') >= 0) {
      throw reject(
          "The address must not contain a user name or password (the part before '@' in the"
              + " domain)",
          "يجب ألا يحتوي الرابط على اسم مستخدم أو كلمة مرور (الجزء الذي يسبق @ في اسم النطاق)");
    }
    if (authority.startsWith("[")) {
      throw ipAddress();
    }
    if (authority.indexOf(':') >= 0) {
      throw reject(
          "The address must not contain a port number", "يجب ألا يحتوي الرابط على رقم منفذ");
    }
    String host = normalizeHost(authority);
    if (host.isEmpty()) {
      throw reject(
          "The address has no domain name after //", "لا يحتوي الرابط على اسم نطاق بعد //");
    }
    if (ALL_DIGITS_AND_DOTS.matcher(host).matches()) {
      throw ipAddress();
    }
    if (platform.hosts().contains(host)) {
      return;
    }
    if (platform.linkOnlyHosts().contains(host)) {
      throw reject(
          ("Links on %s are short links, not the address of an account; open the account's page on"
                  + " %s and copy its address")
              .formatted(host, platform.displayNameEn()),
          "روابط %s روابط مختصرة وليست رابط حساب؛ افتح صفحة الحساب على منصة %s وانسخ رابطها"
              .formatted(host, platform.displayNameAr()));
    }
    Platform owner = Platform.owningHost(host);
    if (owner != null) {
      throw new InvalidAccountUrlException(
          "This address is on %s, but the platform chosen is %s"
              .formatted(owner.displayNameEn(), platform.displayNameEn()),
          "هذا رابط على منصة %s، لكن المنصة المختارة هي %s"
              .formatted(owner.displayNameAr(), platform.displayNameAr()),
          true);
    }
    List<String> expected = platform.primaryHosts();
    throw new InvalidAccountUrlException(
        "This is not an address on %s: expected %s"
            .formatted(platform.displayNameEn(), joinAlternatives(expected, "or")),
        "هذا ليس رابطًا على منصة %s: المتوقع %s"
            .formatted(platform.displayNameAr(), joinAlternatives(expected, "أو")),
        true);
  }

  private CanonicalAccount fromPath(Platform platform, List<String> segments, String query) {
    if (segments.isEmpty()) {
      throw missingHandle(platform);
    }
    String first = segments.get(0).toLowerCase(Locale.ROOT);
    // Forms outside the prefix-plus-handle shape are recognised before the generic rules.
    if (platform == Platform.YOUTUBE && first.equals("channel")) {
      return youTubeChannel(segments);
    }
    if (platform == Platform.FACEBOOK && first.equals("profile.php")) {
      return facebookProfile(segments, query);
    }
    if (platform.contentSegments().contains(first)) {
      throw contentNotAccount(platform);
    }
    if (platform.reservedSegments().contains(first)) {
      throw reservedPage(platform, first);
    }
    List<String> fixed = platform.accountPathSegments();
    for (int i = 0; i < fixed.size() && i < segments.size(); i++) {
      if (!segments.get(i).equalsIgnoreCase(fixed.get(i))) {
        throw wrongPathForm(platform);
      }
    }
    if (segments.size() <= fixed.size()) {
      throw missingHandle(platform);
    }
    String segment = segments.get(fixed.size());
    if (!segment.startsWith(platform.handleMarker())) {
      throw wrongPathForm(platform);
    }
    String handle = validHandle(platform, segment.substring(platform.handleMarker().length()));
    String canonicalUrl = platform.canonicalUrlPrefix() + handle;
    checkAfterAccount(platform, segments.subList(fixed.size() + 1, segments.size()), canonicalUrl);
    return new CanonicalAccount(platform, handle, canonicalUrl);
  }

  private CanonicalAccount fromBareHandle(Platform platform, String handle, boolean hadAt) {
    if (handle.isEmpty() && hadAt) {
      throw reject("Write the handle after @", "اكتب المعرّف بعد @");
    }
    String lower = handle.toLowerCase(Locale.ROOT);
    // Only a handle that becomes the first path segment can collide with a platform page.
    if (platform.handleIsFirstPathSegment()
        && (platform.reservedSegments().contains(lower)
            || platform.contentSegments().contains(lower))) {
      throw reservedPage(platform, lower);
    }
    String valid = validHandle(platform, handle);
    return new CanonicalAccount(platform, valid, platform.canonicalUrlPrefix() + valid);
  }

  private static void checkAfterAccount(Platform platform, List<String> rest, String canonicalUrl) {
    if (rest.isEmpty()) {
      return;
    }
    String next = rest.get(0).toLowerCase(Locale.ROOT);
    if (rest.size() == 1 && platform.accountSubpages().contains(next)) {
      return;
    }
    if (platform.contentSegments().contains(next)) {
      throw contentNotAccount(platform);
    }
    throw reject(
        "The address continues after the account name; enter only the account's address, for"
            + " example "
            + canonicalUrl,
        "يتضمن الرابط أجزاء بعد اسم الحساب؛ أدخل رابط الحساب فقط، مثل " + canonicalUrl);
  }

  private static CanonicalAccount youTubeChannel(List<String> segments) {
    if (segments.size() < 2 || !YOUTUBE_CHANNEL_ID.matcher(segments.get(1)).matches()) {
      throw reject(
          "A YouTube channel ID has 24 characters, starts with UC and contains only Latin letters,"
              + " digits, hyphens (-) and underscores (_)",
          "يتكوّن معرّف قناة يوتيوب من 24 حرفًا، ويبدأ بـ UC، ولا يحتوي إلا على حروف لاتينية وأرقام"
              + " وشرطات (-) وشرطات سفلية (_)");
    }
    // Channel ids are case-sensitive, so unlike handles they are kept exactly as entered.
    String id = segments.get(1);
    String canonicalUrl = YOUTUBE_CHANNEL_PREFIX + id;
    checkAfterAccount(Platform.YOUTUBE, segments.subList(2, segments.size()), canonicalUrl);
    return new CanonicalAccount(Platform.YOUTUBE, id, canonicalUrl);
  }

  private static CanonicalAccount facebookProfile(List<String> segments, String query) {
    String id = queryParameter(query, "id");
    if (id == null || !FACEBOOK_NUMERIC_ID.matcher(id).matches()) {
      throw reject(
          "A Facebook profile address must end with a numeric id, for example "
              + FACEBOOK_PROFILE_PREFIX
              + "100064123456789",
          "يجب أن ينتهي رابط الملف الشخصي على فيسبوك برقم تعريف، مثل "
              + FACEBOOK_PROFILE_PREFIX
              + "100064123456789");
    }
    String canonicalUrl = FACEBOOK_PROFILE_PREFIX + id;
    checkAfterAccount(Platform.FACEBOOK, segments.subList(1, segments.size()), canonicalUrl);
    return new CanonicalAccount(Platform.FACEBOOK, id, canonicalUrl);
  }

  private static String queryParameter(String query, String name) {
    for (String pair : query.split("&")) {
      int equals = pair.indexOf('=');
      if (equals > 0 && pair.substring(0, equals).equals(name)) {
        return pair.substring(equals + 1);
      }
    }
    return null;
  }

  /** Checks characters, then length, then shape, so the message names the most specific problem. */
  private static String validHandle(Platform platform, String handle) {
    if (handle.isEmpty()) {
      throw missingHandle(platform);
    }
    for (int i = 0; i < handle.length(); ) {
      int cp = handle.codePointAt(i);
      // Non-ASCII is refused outright: Cyrillic or full-width look-alikes must never pass as Latin.
      boolean allowed =
          (cp >= 'a' && cp <= 'z')
              || (cp >= 'A' && cp <= 'Z')
              || (cp >= '0' && cp <= '9')
              || (cp < 0x80 && platform.handlePunctuation().indexOf(cp) >= 0);
      if (!allowed) {
        String shown = describe(cp);
        throw reject(
            "The handle may only contain %s on %s; %s is not allowed"
                .formatted(platform.handleCharactersEn(), platform.displayNameEn(), shown),
            "على منصة %s، لا يجوز أن يحتوي المعرّف إلا على %s؛ والحرف %s غير مسموح به"
                .formatted(platform.displayNameAr(), platform.handleCharactersAr(), shown));
      }
      i += Character.charCount(cp);
    }
    int length = handle.length();
    if (length < platform.handleMinLength() || length > platform.handleMaxLength()) {
      // %s rather than %d: digits must stay ASCII whatever the server's default locale is.
      int min = platform.handleMinLength();
      int max = platform.handleMaxLength();
      throw reject(
          "On %s a handle must be %s to %s characters long (this one has %s)"
              .formatted(platform.displayNameEn(), min, max, length),
          "على منصة %s، يجب أن يتراوح طول المعرّف بين %s و%s حرفًا (طول هذا المعرّف %s)"
              .formatted(platform.displayNameAr(), min, max, length));
    }
    if (!platform.handlePattern().matcher(handle).matches()) {
      throw reject(
          "On " + platform.displayNameEn() + " a handle " + platform.handleShapeEn(),
          "على منصة " + platform.displayNameAr() + "، " + platform.handleShapeAr());
    }
    String canonical = handle.toLowerCase(Locale.ROOT);
    if (platform == Platform.FACEBOOK) {
      // Facebook ignores periods in usernames: moe.kw and moekw are one page, one registry entry.
      canonical = canonical.replace(".", "");
      if (canonical.length() < platform.handleMinLength()) {
        throw reject(
            "On %s a username must have at least %s letters or digits besides periods"
                .formatted(platform.displayNameEn(), platform.handleMinLength()),
            "على منصة %s، يجب أن يضم اسم المستخدم %s من الحروف أو الأرقام على الأقل دون احتساب النقاط"
                .formatted(platform.displayNameAr(), platform.handleMinLength()));
      }
      if (platform.reservedSegments().contains(canonical)
          || platform.contentSegments().contains(canonical)) {
        throw reservedPage(platform, canonical);
      }
    }
    return canonical;
  }

  /**
   * Names the character by code point too, because a confusable looks exactly like the letter it
   * imitates.
   */
  private static String describe(int cp) {
    String code = String.format(Locale.ROOT, "U+%04X", cp);
    String name = Character.getName(cp);
    String character = new String(Character.toChars(cp));
    return "'%s' (%s)".formatted(character, name == null ? code : code + " " + name);
  }

  private static int indexOfAny(String value, String characters) {
    for (int i = 0; i < value.length(); i++) {
      if (characters.indexOf(value.charAt(i)) >= 0) {
        return i;
      }
    }
    return -1;
  }

  private static String joinAlternatives(List<String> values, String or) {
    if (values.size() <= 1) {
      return String.join("", values);
    }
    return String.join(", ", values.subList(0, values.size() - 1))
        + " "
        + or
        + " "
        + values.get(values.size() - 1);
  }

  private static InvalidAccountUrlException reject(String en, String ar) {
    return new InvalidAccountUrlException(en, ar);
  }

  private static InvalidAccountUrlException missingInput() {
    return reject("Enter the account's address or handle", "أدخل رابط الحساب أو معرّفه");
  }

  private static InvalidAccountUrlException invalidPercentEncoding() {
    return reject(
        "The address contains an invalid percent-encoded sequence (%…)",
        "يحتوي الرابط على ترميز غير صالح بعلامة النسبة المئوية (%…)");
  }

  private static InvalidAccountUrlException ipAddress() {
    return reject(
        "The address must use the platform's domain name, not an IP address",
        "يجب أن يستخدم الرابط اسم نطاق المنصة وليس عنوان IP");
  }

  private static InvalidAccountUrlException missingHandle(Platform platform) {
    String example = platform.canonicalUrlPrefix() + "name";
    return reject(
        "The address does not include the account name (for example " + example + ")",
        "لا يتضمن الرابط اسم الحساب (مثال: " + example + ")");
  }

  private static InvalidAccountUrlException contentNotAccount(Platform platform) {
    return reject(
        "This is the address of a " + platform.contentNounEn() + ", not of an account",
        "هذا رابط " + platform.contentNounAr() + " وليس رابط حساب");
  }

  private static InvalidAccountUrlException reservedPage(Platform platform, String segment) {
    return reject(
        "'" + segment + "' is a page of " + platform.displayNameEn() + ", not an account",
        "'" + segment + "' صفحة من صفحات منصة " + platform.displayNameAr() + " وليست حسابًا");
  }

  private static InvalidAccountUrlException wrongPathForm(Platform platform) {
    if (platform == Platform.YOUTUBE) {
      // Custom names (/c/, /user/, /name) are not stable identifiers and may be reassigned.
      return reject(
          "Old-style YouTube addresses (/c/…, /user/… or a name without @) are not accepted; enter"
              + " the channel's @handle or its address in the form "
              + YOUTUBE_CHANNEL_PREFIX
              + "UC…",
          "لا تُقبل روابط يوتيوب القديمة (/c/… أو /user/… أو اسم بلا @)؛ أدخل معرّف القناة الذي"
              + " يبدأ بـ @ أو رابطها بالصيغة "
              + YOUTUBE_CHANNEL_PREFIX
              + "UC…");
    }
    String form = platform.canonicalUrlPrefix() + "name";
    return reject(
        "On " + platform.displayNameEn() + " the address of an account has the form " + form,
        "على منصة " + platform.displayNameAr() + " يكون رابط الحساب بالصيغة " + form);
  }
}
