package org.officialaccounts.registry;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A social media platform on which a ministry may hold an official account, with the rules that
 * identify an account there.
 */
public enum Platform {
  X(
      new Spec("X (Twitter)", "إكس (تويتر)")
          // Error messages name the hosts without a www./mobile. prefix in this order.
          .hosts("x.com", "twitter.com", "www.x.com", "www.twitter.com")
          .hosts("mobile.x.com", "mobile.twitter.com")
          .linkOnlyHosts("t.co")
          .canonicalUrlPrefix("https://x.com/")
          // New handles need at least 4 characters, but older and shorter ones still exist.
          .handle("[A-Za-z0-9_]+", 1, 15, "_")
          .handleCharacters(
              "Latin letters, digits and underscores (_)", "حروف لاتينية وأرقام وشرطات سفلية (_)")
          .reservedSegments("home explore search i intent share settings messages notifications")
          .reservedSegments("hashtag login logout signup tos privacy compose about download jobs")
          .contentSegments("status statuses")
          .accountSubpages("with_replies media likes")
          .contentNoun("post", "منشور")),

  INSTAGRAM(
      new Spec("Instagram", "إنستغرام")
          .hosts("instagram.com", "www.instagram.com", "m.instagram.com")
          .canonicalUrlPrefix("https://www.instagram.com/")
          .handle("(?!\\.)(?!.*\\.\\.)(?!.*\\.$)[A-Za-z0-9._]+", 1, 30, "_.")
          .handleCharacters(
              "Latin letters, digits, underscores (_) and periods (.)",
              "حروف لاتينية وأرقام وشرطات سفلية (_) ونقاط (.)")
          .handleShape(
              "must not start or end with a period or contain two periods in a row",
              "لا يجوز أن يبدأ المعرّف بنقطة أو ينتهي بها أو أن يحتوي على نقطتين متتاليتين")
          .reservedSegments("explore p reel reels stories accounts direct about developer legal tv")
          .contentSegments("p reel reels tv stories")
          .contentNoun("post", "منشور")),

  SNAPCHAT(
      new Spec("Snapchat", "سناب شات")
          .hosts("snapchat.com", "www.snapchat.com")
          .linkOnlyHosts("t.snapchat.com")
          // "add" belongs to every account's address, so it is a path prefix, not a reserved page.
          .canonicalUrlPrefix("https://www.snapchat.com/add/")
          .handle("[A-Za-z](?:[A-Za-z0-9._-]*[A-Za-z0-9])?", 3, 15, "-_.")
          .handleCharacters(
              "Latin letters, digits, hyphens (-), underscores (_) and periods (.)",
              "حروف لاتينية وأرقام وشرطات (-) وشرطات سفلية (_) ونقاط (.)")
          .handleShape(
              "must start with a Latin letter and end with a letter or a digit",
              "يجب أن يبدأ المعرّف بحرف لاتيني وأن ينتهي بحرف أو رقم")
          .reservedSegments("discover spotlight lens stories unlock download")
          .contentNoun("post", "منشور")),

  YOUTUBE(
      new Spec("YouTube", "يوتيوب")
          .hosts("youtube.com", "www.youtube.com", "m.youtube.com")
          .linkOnlyHosts("youtu.be")
          // Handles live in the @ namespace, so they never collide with pages such as /watch.
          .canonicalUrlPrefix("https://www.youtube.com/@")
          .handle("[A-Za-z0-9._-]+", 3, 30, "_-.")
          .handleCharacters(
              "Latin letters, digits, underscores (_), hyphens (-) and periods (.)",
              "حروف لاتينية وأرقام وشرطات سفلية (_) وشرطات (-) ونقاط (.)")
          // "channel" is absent on purpose: /channel/UC... is a valid, case-sensitive address.
          .reservedSegments("watch results feed playlist shorts embed live gaming premium")
          .reservedSegments("redirect signin account")
          .contentSegments("watch shorts embed live v")
          .accountSubpages("featured videos shorts streams playlists community posts about")
          .accountSubpages("podcasts releases")
          .contentNoun("video", "فيديو")),

  FACEBOOK(
      new Spec("Facebook", "فيسبوك")
          .hosts("facebook.com", "fb.com", "www.facebook.com", "m.facebook.com")
          .hosts("web.facebook.com", "www.fb.com")
          .linkOnlyHosts("fb.watch")
          .canonicalUrlPrefix("https://www.facebook.com/")
          .handle("[A-Za-z0-9.]+", 5, 50, ".")
          .handleCharacters(
              "Latin letters, digits and periods (.)", "حروف لاتينية وأرقام ونقاط (.)")
          // profile.php names an account only with ?id=<digits>, which is recognised separately.
          .reservedSegments("watch groups events marketplace gaming pages help login sharer")
          .reservedSegments("sharer.php share photo photo.php story.php permalink.php profile.php")
          .reservedSegments("hashtag search settings")
          .contentSegments("posts videos photos photo photo.php story.php permalink.php reel reels")
          .contentNoun("post", "منشور"));

  private static final List<String> HOST_VARIANT_PREFIXES =
      List.of("www.", "mobile.", "m.", "web.");

  private final String displayNameEn;
  private final String displayNameAr;
  private final Set<String> hosts;
  private final Set<String> linkOnlyHosts;
  private final String canonicalUrlPrefix;
  private final Pattern handlePattern;
  private final int handleMinLength;
  private final int handleMaxLength;
  private final String handlePunctuation;
  private final String handleCharactersEn;
  private final String handleCharactersAr;
  private final String handleShapeEn;
  private final String handleShapeAr;
  private final Set<String> reservedSegments;
  private final Set<String> contentSegments;
  private final Set<String> accountSubpages;
  private final String contentNounEn;
  private final String contentNounAr;
  private final List<String> accountPathSegments;
  private final String handleMarker;

  Platform(Spec spec) {
    this.displayNameEn = spec.displayNameEn;
    this.displayNameAr = spec.displayNameAr;
    this.hosts = spec.hosts;
    this.linkOnlyHosts = spec.linkOnlyHosts;
    this.canonicalUrlPrefix = spec.canonicalUrlPrefix;
    this.handlePattern = spec.handlePattern;
    this.handleMinLength = spec.handleMinLength;
    this.handleMaxLength = spec.handleMaxLength;
    this.handlePunctuation = spec.handlePunctuation;
    this.handleCharactersEn = spec.handleCharactersEn;
    this.handleCharactersAr = spec.handleCharactersAr;
    this.handleShapeEn =
        spec.handleShapeEn != null
            ? spec.handleShapeEn
            : "may only contain " + spec.handleCharactersEn;
    this.handleShapeAr =
        spec.handleShapeAr != null
            ? spec.handleShapeAr
            : "لا يجوز أن يحتوي المعرّف إلا على " + spec.handleCharactersAr;
    this.reservedSegments = spec.reservedSegments;
    this.contentSegments = spec.contentSegments;
    this.accountSubpages = spec.accountSubpages;
    this.contentNounEn = spec.contentNounEn;
    this.contentNounAr = spec.contentNounAr;

    // The account path is read off the canonical prefix so a new platform declares it only once:
    // ".../add/" means "add/<handle>" and ".../@" means "@<handle>".
    String afterScheme = canonicalUrlPrefix.replaceFirst("^https://", "");
    int slash = afterScheme.indexOf('/');
    String prefixHost = slash < 0 ? afterScheme : afterScheme.substring(0, slash);
    if (afterScheme.equals(canonicalUrlPrefix) || slash < 0 || !hosts.contains(prefixHost)) {
      // Without this a canonical URL could be rejected when fed back in, breaking idempotence.
      throw new IllegalStateException(
          name() + ": canonical prefix must be https:// on an accepted host");
    }
    String[] parts = afterScheme.substring(slash + 1).split("/", -1);
    this.accountPathSegments = List.of(Arrays.copyOf(parts, parts.length - 1));
    this.handleMarker = parts[parts.length - 1];
  }

  /**
   * Looks a platform up by its code, ignoring case and surrounding whitespace.
   *
   * @throws IllegalArgumentException if the code is null or names no platform
   */
  public static Platform fromCode(String code) {
    if (code != null) {
      String normalized = code.trim().toUpperCase(Locale.ROOT);
      for (Platform platform : values()) {
        if (platform.name().equals(normalized)) {
          return platform;
        }
      }
    }
    String shown =
        code == null
            ? "null"
            : "'" + (code.length() > 40 ? code.substring(0, 40) + "…" : code) + "'";
    throw new IllegalArgumentException(
        "Unknown platform code "
            + shown
            + "; allowed codes: "
            + Arrays.stream(values()).map(Platform::code).collect(Collectors.joining(", ")));
  }

  /**
   * The platform owning the host (as an account host or a short-link host), or null for a foreign
   * host.
   */
  static Platform owningHost(String host) {
    for (Platform platform : values()) {
      if (platform.hosts.contains(host) || platform.linkOnlyHosts.contains(host)) {
        return platform;
      }
    }
    return null;
  }

  public String code() {
    return name();
  }

  public String displayNameEn() {
    return displayNameEn;
  }

  public String displayNameAr() {
    return displayNameAr;
  }

  /** Lower-case host names whose pages can be an account's address. */
  public Set<String> hosts() {
    return hosts;
  }

  /** Lower-case hosts of the platform's short links, which never name an account directly. */
  public Set<String> linkOnlyHosts() {
    return linkOnlyHosts;
  }

  /**
   * The hosts users know the platform by, without www./mobile./m./web. variants, in order of
   * preference.
   */
  public List<String> primaryHosts() {
    List<String> primary = new ArrayList<>();
    for (String host : hosts) {
      if (HOST_VARIANT_PREFIXES.stream().noneMatch(host::startsWith)) {
        primary.add(host);
      }
    }
    return List.copyOf(primary);
  }

  public String canonicalUrlPrefix() {
    return canonicalUrlPrefix;
  }

  /** The shape a handle must have; length is checked separately against the min and max lengths. */
  public Pattern handlePattern() {
    return handlePattern;
  }

  public int handleMinLength() {
    return handleMinLength;
  }

  public int handleMaxLength() {
    return handleMaxLength;
  }

  /** Lower-case first path segments that are pages of the platform rather than accounts. */
  public Set<String> reservedSegments() {
    return reservedSegments;
  }

  /**
   * Lower-case path segments that mark the address of a post or video rather than of an account.
   */
  public Set<String> contentSegments() {
    return contentSegments;
  }

  /** Lower-case tabs of an account's page (such as X's /media) that still identify the account. */
  public Set<String> accountSubpages() {
    return accountSubpages;
  }

  String handlePunctuation() {
    return handlePunctuation;
  }

  String handleCharactersEn() {
    return handleCharactersEn;
  }

  String handleCharactersAr() {
    return handleCharactersAr;
  }

  String handleShapeEn() {
    return handleShapeEn;
  }

  String handleShapeAr() {
    return handleShapeAr;
  }

  String contentNounEn() {
    return contentNounEn;
  }

  String contentNounAr() {
    return contentNounAr;
  }

  /** Fixed path segments that precede the handle in an account's address ("add" on Snapchat). */
  List<String> accountPathSegments() {
    return accountPathSegments;
  }

  /** Text glued to the front of the handle inside its path segment ("@" on YouTube). */
  String handleMarker() {
    return handleMarker;
  }

  /**
   * Whether the handle is the first path segment, where it could collide with the platform's own
   * pages.
   */
  boolean handleIsFirstPathSegment() {
    return accountPathSegments.isEmpty() && handleMarker.isEmpty();
  }

  /**
   * Collects a platform's rules readably; enum constructors with a dozen positional arguments are
   * unreadable.
   */
  private static final class Spec {
    private final String displayNameEn;
    private final String displayNameAr;
    private Set<String> hosts = Set.of();
    private Set<String> linkOnlyHosts = Set.of();
    private String canonicalUrlPrefix;
    private Pattern handlePattern;
    private int handleMinLength;
    private int handleMaxLength;
    private String handlePunctuation;
    private String handleCharactersEn;
    private String handleCharactersAr;
    private String handleShapeEn;
    private String handleShapeAr;
    private Set<String> reservedSegments = Set.of();
    private Set<String> contentSegments = Set.of();
    private Set<String> accountSubpages = Set.of();
    private String contentNounEn;
    private String contentNounAr;

    Spec(String displayNameEn, String displayNameAr) {
      this.displayNameEn = displayNameEn;
      this.displayNameAr = displayNameAr;
    }

    Spec hosts(String... values) {
      hosts = union(hosts, values);
      return this;
    }

    Spec linkOnlyHosts(String... values) {
      linkOnlyHosts = union(linkOnlyHosts, values);
      return this;
    }

    Spec canonicalUrlPrefix(String value) {
      canonicalUrlPrefix = value;
      return this;
    }

    Spec handle(String regex, int minLength, int maxLength, String punctuation) {
      handlePattern = Pattern.compile(regex);
      handleMinLength = minLength;
      handleMaxLength = maxLength;
      handlePunctuation = punctuation;
      return this;
    }

    Spec handleCharacters(String en, String ar) {
      handleCharactersEn = en;
      handleCharactersAr = ar;
      return this;
    }

    Spec handleShape(String en, String ar) {
      handleShapeEn = en;
      handleShapeAr = ar;
      return this;
    }

    /** Takes space-separated words, which keeps long lists of path segments readable. */
    Spec reservedSegments(String words) {
      reservedSegments = union(reservedSegments, words.trim().split("\\s+"));
      return this;
    }

    Spec contentSegments(String words) {
      contentSegments = union(contentSegments, words.trim().split("\\s+"));
      return this;
    }

    Spec accountSubpages(String words) {
      accountSubpages = union(accountSubpages, words.trim().split("\\s+"));
      return this;
    }

    Spec contentNoun(String en, String ar) {
      contentNounEn = en;
      contentNounAr = ar;
      return this;
    }

    private static Set<String> union(Set<String> existing, String... values) {
      Set<String> set = new LinkedHashSet<>(existing);
      for (String value : values) {
        set.add(value.toLowerCase(Locale.ROOT));
      }
      return Collections.unmodifiableSet(set);
    }
  }
}
