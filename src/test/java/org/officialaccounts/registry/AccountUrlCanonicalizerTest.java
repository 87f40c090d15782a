package org.officialaccounts.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Specifies how account addresses and handles entered for each platform are canonicalized or
 * rejected.
 */
class AccountUrlCanonicalizerTest {

  private static final String CHANNEL_ID = "UCx1Y2z3A4b5C6d7E8f9G0hI";

  private final AccountUrlCanonicalizer canonicalizer = new AccountUrlCanonicalizer();

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://twitter.com/MOE_KW?lang=ar",
        "x.com/moe_kw",
        "@moe_kw",
        "moe_kw",
        "MOE_KW",
        "https://x.com/moe_kw",
        "http://x.com/moe_kw",
        "HTTPS://X.COM/MOE_KW",
        "https://www.twitter.com/moe_kw/",
        "https://mobile.twitter.com/moe_kw",
        "https://mobile.x.com/moe_kw#top",
        "www.x.com/moe_kw",
        "//x.com/moe_kw",
        "https://x.com./moe_kw",
        "https://x.com//moe_kw",
        "https://x.com/moe_kw?s=20&t=abc",
        "https://x.com/moe_kw/media",
        "https://x.com/moe_kw/with_replies",
        "https://x.com/moe_kw/likes/",
        "  @moe_kw  ",
        "https://x.com/moe_kw\n",
        // Arabic interfaces wrap copied text in direction marks.
        "\u200Fhttps://x.com/moe_kw\u200F",
        "%40moe_kw",
        "x.com/%6Doe_kw",
        "https%3A%2F%2Fx.com%2Fmoe_kw"
      })
  void acceptsEveryFormOfTheSameXAccount(String input) {
    assertThat(canonicalizer.canonicalize(Platform.X, input))
        .isEqualTo(new CanonicalAccount(Platform.X, "moe_kw", "https://x.com/moe_kw"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://www.instagram.com/moe.kw/",
        "instagram.com/Moe.Kw",
        "https://m.instagram.com/moe.kw?igsh=abc123",
        "INSTAGRAM.COM/moe.kw#bio",
        "@moe.kw",
        "moe.kw"
      })
  void acceptsEveryFormOfTheSameInstagramAccount(String input) {
    assertThat(canonicalizer.canonicalize(Platform.INSTAGRAM, input))
        .isEqualTo(
            new CanonicalAccount(Platform.INSTAGRAM, "moe.kw", "https://www.instagram.com/moe.kw"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://www.snapchat.com/add/moe-kw",
        "snapchat.com/add/MOE-KW?share_id=xyz&locale=ar",
        "https://snapchat.com/ADD/moe-kw/",
        "@moe-kw",
        "moe-kw"
      })
  void acceptsEveryFormOfTheSameSnapchatAccount(String input) {
    assertThat(canonicalizer.canonicalize(Platform.SNAPCHAT, input))
        .isEqualTo(
            new CanonicalAccount(
                Platform.SNAPCHAT, "moe-kw", "https://www.snapchat.com/add/moe-kw"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://www.youtube.com/@MoeKuwait",
        "youtube.com/@moekuwait/videos",
        "https://m.youtube.com/@moekuwait/",
        "https://www.youtube.com/@moekuwait/featured?si=abc",
        "%40MoeKuwait",
        "@moekuwait",
        "moekuwait"
      })
  void acceptsEveryFormOfTheSameYouTubeHandle(String input) {
    assertThat(canonicalizer.canonicalize(Platform.YOUTUBE, input))
        .isEqualTo(
            new CanonicalAccount(
                Platform.YOUTUBE, "moekuwait", "https://www.youtube.com/@moekuwait"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://www.youtube.com/channel/" + CHANNEL_ID,
        "youtube.com/channel/" + CHANNEL_ID + "/",
        "https://m.youtube.com/channel/" + CHANNEL_ID + "/videos?view=0",
        "HTTPS://WWW.YOUTUBE.COM/CHANNEL/" + CHANNEL_ID
      })
  void acceptsYouTubeChannelIdsKeepingTheirCase(String input) {
    assertThat(CHANNEL_ID).hasSize(24);
    assertThat(canonicalizer.canonicalize(Platform.YOUTUBE, input))
        .isEqualTo(
            new CanonicalAccount(
                Platform.YOUTUBE, CHANNEL_ID, "https://www.youtube.com/channel/" + CHANNEL_ID));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "youtube.com/channel/" + "uc" + "x1Y2z3A4b5C6d7E8f9G0hI",
        "youtube.com/channel/UCshort",
        "youtube.com/channel/" + CHANNEL_ID + "x",
        "youtube.com/channel/"
      })
  void rejectsMalformedYouTubeChannelIds(String input) {
    assertRejected(
        Platform.YOUTUBE, input, "A YouTube channel ID has 24 characters, starts with UC");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://www.facebook.com/MOE.KW",
        "fb.com/moe.kw",
        "https://www.fb.com/moe.kw",
        "m.facebook.com/moe.kw/",
        "https://web.facebook.com/moe.kw?ref=bookmarks",
        "@moe.kw",
        "moe.kw",
        "moekw",
        "facebook.com/Moe.K.W"
      })
  void acceptsEveryFormOfTheSameFacebookPageIgnoringPeriodsAsFacebookDoes(String input) {
    assertThat(canonicalizer.canonicalize(Platform.FACEBOOK, input))
        .isEqualTo(
            new CanonicalAccount(Platform.FACEBOOK, "moekw", "https://www.facebook.com/moekw"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://www.facebook.com/profile.php?id=100064123456789",
        "facebook.com/profile.php?id=100064123456789&sk=about",
        "m.facebook.com/profile.php?sk=about&id=100064123456789#posts"
      })
  void acceptsFacebookNumericProfileIds(String input) {
    assertThat(canonicalizer.canonicalize(Platform.FACEBOOK, input))
        .isEqualTo(
            new CanonicalAccount(
                Platform.FACEBOOK,
                "100064123456789",
                "https://www.facebook.com/profile.php?id=100064123456789"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "facebook.com/profile.php",
        "facebook.com/profile.php?id=",
        "facebook.com/profile.php?id=moe.kw",
        "facebook.com/profile.php?id=0123",
        "facebook.com/profile.php?fbid=100064123456789"
      })
  void rejectsFacebookProfileAddressesWithoutANumericId(String input) {
    assertRejected(Platform.FACEBOOK, input, "must end with a numeric id");
  }

  static Stream<Arguments> pagesOfThePlatforms() {
    return Stream.of(
        arguments(
            Platform.X, "https://x.com/home", "'home' is a page of X (Twitter), not an account"),
        arguments(
            Platform.X, "x.com/explore", "'explore' is a page of X (Twitter), not an account"),
        arguments(Platform.X, "x.com/search?q=moe", "'search'"),
        arguments(Platform.X, "x.com/i/lists/123", "'i'"),
        arguments(Platform.X, "twitter.com/intent/tweet?text=hi", "'intent'"),
        arguments(Platform.X, "x.com/hashtag/kuwait", "'hashtag'"),
        arguments(Platform.X, "x.com/HOME", "'home'"),
        arguments(Platform.X, "@explore", "'explore' is a page of X (Twitter)"),
        arguments(Platform.X, "settings", "'settings'"),
        arguments(
            Platform.INSTAGRAM,
            "instagram.com/explore/tags/kuwait",
            "'explore' is a page of Instagram"),
        arguments(Platform.INSTAGRAM, "instagram.com/accounts/login", "'accounts'"),
        arguments(Platform.INSTAGRAM, "@direct", "'direct'"),
        arguments(Platform.SNAPCHAT, "snapchat.com/discover", "'discover' is a page of Snapchat"),
        arguments(Platform.SNAPCHAT, "snapchat.com/spotlight/abc", "'spotlight'"),
        arguments(Platform.SNAPCHAT, "https://www.snapchat.com/lens/abc", "'lens'"),
        arguments(
            Platform.YOUTUBE,
            "youtube.com/results?search_query=moe",
            "'results' is a page of YouTube"),
        arguments(Platform.YOUTUBE, "youtube.com/feed/trending", "'feed'"),
        arguments(Platform.YOUTUBE, "youtube.com/playlist?list=PL123", "'playlist'"),
        arguments(Platform.FACEBOOK, "facebook.com/groups/123", "'groups' is a page of Facebook"),
        arguments(Platform.FACEBOOK, "facebook.com/sharer.php?u=x", "'sharer.php'"),
        arguments(Platform.FACEBOOK, "facebook.com/marketplace", "'marketplace'"),
        arguments(Platform.FACEBOOK, "events", "'events'"),
        arguments(Platform.FACEBOOK, "profile.php", "'profile.php'"));
  }

  @ParameterizedTest
  @MethodSource("pagesOfThePlatforms")
  void rejectsPagesOfThePlatformThatAreNotAccounts(
      Platform platform, String input, String message) {
    assertRejected(platform, input, message);
  }

  static Stream<Arguments> addressesOfPostsAndVideos() {
    return Stream.of(
        arguments(Platform.X, "x.com/moe_kw/status/1234567890"),
        arguments(Platform.X, "https://twitter.com/moe_kw/status/1234567890?s=20"),
        arguments(Platform.INSTAGRAM, "instagram.com/p/xyz"),
        arguments(Platform.INSTAGRAM, "https://www.instagram.com/reel/Cxyz/"),
        arguments(Platform.INSTAGRAM, "instagram.com/moe.kw/p/xyz"),
        arguments(Platform.FACEBOOK, "facebook.com/moe.kw/posts/123"),
        arguments(Platform.FACEBOOK, "facebook.com/photo.php?fbid=1"),
        arguments(Platform.FACEBOOK, "facebook.com/permalink.php?story_fbid=1&id=2"));
  }

  @ParameterizedTest
  @MethodSource("addressesOfPostsAndVideos")
  void rejectsAddressesOfPosts(Platform platform, String input) {
    assertRejected(platform, input, "This is the address of a post, not of an account");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "youtube.com/watch?v=abc",
        "https://www.youtube.com/watch?v=abc&t=10s",
        "youtube.com/shorts/abc",
        "youtube.com/embed/abc",
        "youtube.com/live/abc",
        "youtube.com/channel/" + CHANNEL_ID + "/live"
      })
  void rejectsAddressesOfYouTubeVideos(String input) {
    assertRejected(Platform.YOUTUBE, input, "This is the address of a video, not of an account");
  }

  static Stream<Arguments> shortLinks() {
    return Stream.of(
        arguments(Platform.YOUTUBE, "youtu.be/xyz"),
        arguments(Platform.YOUTUBE, "https://youtu.be/xyz?t=10"),
        arguments(Platform.X, "https://t.co/abc"),
        arguments(Platform.FACEBOOK, "fb.watch/abc"));
  }

  @ParameterizedTest
  @MethodSource("shortLinks")
  void rejectsShortLinksBecauseTheyDoNotNameAnAccount(Platform platform, String input) {
    assertRejected(platform, input, "are short links, not the address of an account");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "youtube.com/c/MoeKuwait",
        "youtube.com/user/moekuwait",
        "https://www.youtube.com/moekuwait"
      })
  void rejectsLegacyYouTubeAddressesAskingForTheHandleOrChannel(String input) {
    assertRejected(Platform.YOUTUBE, input, "enter the channel's @handle or its address");
  }

  @ParameterizedTest
  @ValueSource(strings = {"snapchat.com/moe-kw", "https://www.snapchat.com/u/moe-kw"})
  void rejectsSnapchatAddressesWithoutTheAddPrefix(String input) {
    assertRejected(
        Platform.SNAPCHAT,
        input,
        "On Snapchat the address of an account has the form https://www.snapchat.com/add/name");
  }

  static Stream<Arguments> addressesOfOtherPlatforms() {
    return Stream.of(
        arguments(
            Platform.X,
            "https://www.instagram.com/moe_kw",
            "This address is on Instagram, but the platform chosen is X (Twitter)"),
        arguments(
            Platform.INSTAGRAM,
            "x.com/moe_kw",
            "This address is on X (Twitter), but the platform chosen is Instagram"),
        arguments(
            Platform.YOUTUBE,
            "facebook.com/moe.kw",
            "This address is on Facebook, but the platform chosen is YouTube"),
        arguments(
            Platform.SNAPCHAT,
            "youtube.com/@moekuwait",
            "This address is on YouTube, but the platform chosen is Snapchat"),
        arguments(
            Platform.FACEBOOK,
            "twitter.com/moe_kw",
            "This address is on X (Twitter), but the platform chosen is Facebook"),
        arguments(
            Platform.X,
            "youtu.be/abc",
            "This address is on YouTube, but the platform chosen is X (Twitter)"),
        arguments(
            Platform.X,
            "instagram.com",
            "This address is on Instagram, but the platform chosen is X (Twitter)"));
  }

  @ParameterizedTest
  @MethodSource("addressesOfOtherPlatforms")
  void rejectsAnAddressOfAnotherPlatformNamingThatPlatform(
      Platform platform, String input, String message) {
    assertRejected(platform, input, message);
  }

  static Stream<Arguments> unknownHosts() {
    String expectedX = "This is not an address on X (Twitter): expected x.com or twitter.com";
    return Stream.of(
        arguments(Platform.X, "https://evil.com/moe_kw", expectedX),
        arguments(Platform.X, "https://x.com.evil.com/moe_kw", expectedX),
        arguments(Platform.X, "https://evilx.com/moe_kw", expectedX),
        arguments(Platform.X, "https://ar.x.com/moe_kw", expectedX),
        // Cyrillic "х" in the host: a homograph of x.com.
        arguments(Platform.X, "https://\u0445.com/moe_kw", expectedX),
        arguments(Platform.X, "https://x.com\\evil.com/moe_kw", expectedX),
        arguments(Platform.X, "moe_kw/", expectedX),
        arguments(
            Platform.FACEBOOK,
            "https://facebook.co/moe.kw",
            "This is not an address on Facebook: expected facebook.com or fb.com"),
        arguments(
            Platform.SNAPCHAT,
            "https://story.snapchat.com/add/moe-kw",
            "This is not an address on Snapchat: expected snapchat.com"));
  }

  @ParameterizedTest
  @MethodSource("unknownHosts")
  void rejectsUnknownHostsSayingWhichHostsAreExpected(
      Platform platform, String input, String message) {
    assertRejected(platform, input, message);
  }

  static Stream<Arguments> malformedInput() {
    return Stream.of(
        arguments(null, "Enter the account's address or handle"),
        arguments("", "Enter the account's address or handle"),
        arguments(" ", "Enter the account's address or handle"),
        arguments("\t\n\u00A0", "Enter the account's address or handle"),
        arguments("\u200F", "Enter the account's address or handle"),
        arguments("http://", "The address has no domain name after //"),
        arguments("https://:443/moe_kw", "must not contain a port number"),
        arguments(
            "https://x.com/",
            "The address does not include the account name (for example https://x.com/name)"),
        arguments("https://x.com", "does not include the account name"),
        arguments("x.com", "does not include the account name"),
        arguments("x.com?lang=ar", "does not include the account name"),
        arguments("https://twitter.com/#!/moe_kw", "does not include the account name"),
        arguments("@", "Write the handle after @"),
        arguments("x.com/moe kw", "must not contain spaces"),
        arguments("x.com/moe%20kw", "must not contain spaces"),
        arguments("x.com/moe\u00A0kw", "must not contain spaces"),
        arguments(
            "javascript:alert(1)",
            "Only web addresses starting with http:// or https:// are accepted"),
        arguments(
            "ftp://x.com/moe_kw",
            "Only web addresses starting with http:// or https:// are accepted"),
        arguments("data:text/html,moe_kw", "(this one starts with 'data:')"),
        arguments("https:x.com/moe_kw", "'https:' must be followed by //"),
        arguments("https:/x.com/moe_kw", "'https:' must be followed by //"),
        arguments("x".repeat(10_000), "The address is too long (at most 500 characters)"),
        arguments("x.com/" + "a".repeat(495), "The address is too long (at most 500 characters)"),
        arguments("x.com/moe_kw\u0000", "invisible or control character (U+0000)"),
        arguments("x.com/moe_kw%00", "invisible or control character (U+0000)"),
        arguments("x.com/moe_kw%1B", "invisible or control character (U+001B)"),
        arguments("x.com/moe\u200Bkw", "invisible or control character (U+200B)"),
        arguments("x.com/moe_kw%zz", "invalid percent-encoded sequence"),
        arguments("x.com/moe_kw%4", "invalid percent-encoded sequence"),
        arguments("x.com/moe_kw%C3", "invalid percent-encoded sequence"),
        arguments("x.com/moe_kw%\u0663\u0663", "invalid percent-encoded sequence"),
        arguments("https://user:pass@x.com/moe_kw", "must not contain a user name or password"),
        arguments("https://x.com@evil.com/moe_kw", "must not contain a user name or password"),
        arguments("https://x.com:8443/moe_kw", "must not contain a port number"),
        arguments("x.com:443/moe_kw", "must not contain a port number"),
        arguments("https://127.0.0.1/moe_kw", "not an IP address"),
        arguments("https://[::1]/moe_kw", "not an IP address"),
        arguments(
            "x.com/moe_kw/followers",
            "The address continues after the account name; enter only the account's address, for"
                + " example https://x.com/moe_kw"),
        arguments("x.com/moe_kw/media/extra", "The address continues after the account name"),
        arguments("@@moe_kw", "'@' (U+0040 COMMERCIAL AT) is not allowed"),
        arguments("%2540moe_kw", "'%' (U+0025 PERCENT SIGN) is not allowed"));
  }

  @ParameterizedTest
  @MethodSource("malformedInput")
  void rejectsMalformedInputWithAMessageSayingWhatIsWrong(String input, String message) {
    assertRejected(Platform.X, input, message);
  }

  static Stream<Arguments> handlesBreakingThePlatformRules() {
    return Stream.of(
        arguments(
            Platform.X,
            "moe_kw.",
            "The handle may only contain Latin letters, digits and underscores (_) on X (Twitter);"
                + " '.'"),
        arguments(Platform.X, "https://x.com/moe_kw.", "'.' (U+002E FULL STOP) is not allowed"),
        arguments(Platform.X, "moe-kw", "'-' (U+002D HYPHEN-MINUS) is not allowed"),
        arguments(
            Platform.X,
            "a_handle_too_long",
            "On X (Twitter) a handle must be 1 to 15 characters long (this one has 17)"),
        arguments(
            Platform.INSTAGRAM,
            "moe..kw",
            "must not start or end with a period or contain two periods in a row"),
        arguments(Platform.INSTAGRAM, ".moekw", "must not start or end with a period"),
        arguments(
            Platform.INSTAGRAM, "instagram.com/moekw.", "must not start or end with a period"),
        arguments(Platform.INSTAGRAM, "m".repeat(31), "1 to 30 characters long (this one has 31)"),
        arguments(Platform.INSTAGRAM, "moe-kw", "'-' (U+002D HYPHEN-MINUS) is not allowed"),
        arguments(
            Platform.SNAPCHAT, "1moekw", "On Snapchat a handle must start with a Latin letter"),
        arguments(Platform.SNAPCHAT, "snapchat.com/add/moekw_", "end with a letter or a digit"),
        arguments(Platform.SNAPCHAT, "mo", "3 to 15 characters long (this one has 2)"),
        arguments(Platform.YOUTUBE, "@ab", "On YouTube a handle must be 3 to 30 characters long"),
        arguments(
            Platform.YOUTUBE,
            "youtube.com/@moe!kw",
            "'!' (U+0021 EXCLAMATION MARK) is not allowed"),
        arguments(Platform.YOUTUBE, "youtube.com/@", "does not include the account name"),
        arguments(Platform.FACEBOOK, "moe_kw", "'_' (U+005F LOW LINE) is not allowed"),
        arguments(
            Platform.FACEBOOK, "moek", "On Facebook a handle must be 5 to 50 characters long"));
  }

  @ParameterizedTest
  @MethodSource("handlesBreakingThePlatformRules")
  void rejectsHandlesThatBreakThePlatformRulesSayingWhatIsAllowed(
      Platform platform, String input, String message) {
    assertRejected(platform, input, message);
  }

  @Test
  void treatsAHandleWithADoubledUnderscoreAsADifferentAccount() {
    CanonicalAccount single = canonicalizer.canonicalize(Platform.X, "moe_kw");
    CanonicalAccount doubled = canonicalizer.canonicalize(Platform.X, "x.com/moe__kw");

    assertThat(doubled.handle()).isEqualTo("moe__kw");
    assertThat(doubled.canonicalUrl()).isEqualTo("https://x.com/moe__kw");
    assertThat(doubled).isNotEqualTo(single);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "m\u043E\u0435_kw", // Cyrillic о and е
        "@m\u043E\u0435_kw",
        "https://x.com/m\u043Ee_kw",
        "x.com/m%D0%BEe_kw", // the same Cyrillic о, percent-encoded
        "\uFF4D\uFF4F\uFF45_kw", // full-width Latin letters
        "moe_kw\u0663", // Arabic-Indic digit three
        "mo\u0065\u0301_kw" // e followed by a combining acute accent
      })
  void rejectsLookAlikeHandlesWithNonLatinCharacters(String input) {
    InvalidAccountUrlException rejection = rejection(Platform.X, input);

    assertThat(rejection.messageEn())
        .startsWith(
            "The handle may only contain Latin letters, digits and underscores (_) on X (Twitter)")
        .containsPattern("U\\+[0-9A-F]{4}");
  }

  @Test
  void namesTheConfusableCharacterSoTheUserCanSeeIt() {
    assertThat(rejection(Platform.X, "m\u043Ee_kw").messageEn())
        .contains("'\u043E' (U+043E CYRILLIC SMALL LETTER O) is not allowed");
  }

  static Stream<Arguments> everyRejection() {
    List<Arguments> all = new ArrayList<>();
    malformedInput().forEach(a -> all.add(arguments(Platform.X, a.get()[0])));
    Stream.of(
            pagesOfThePlatforms(),
            addressesOfOtherPlatforms(),
            unknownHosts(),
            handlesBreakingThePlatformRules())
        .flatMap(s -> s)
        .forEach(a -> all.add(arguments(a.get()[0], a.get()[1])));
    addressesOfPostsAndVideos().forEach(all::add);
    shortLinks().forEach(all::add);
    all.add(arguments(Platform.YOUTUBE, "youtube.com/watch?v=abc"));
    all.add(arguments(Platform.YOUTUBE, "youtube.com/c/MoeKuwait"));
    all.add(arguments(Platform.YOUTUBE, "youtube.com/channel/UCshort"));
    all.add(arguments(Platform.FACEBOOK, "facebook.com/profile.php"));
    all.add(arguments(Platform.SNAPCHAT, "snapchat.com/moe-kw"));
    all.add(arguments(null, "moe_kw"));
    return all.stream();
  }

  @ParameterizedTest
  @MethodSource("everyRejection")
  void explainsEveryRejectionInEnglishAndArabic(Platform platform, String input) {
    InvalidAccountUrlException rejection = rejection(platform, input);

    assertThat(rejection.messageEn()).isNotBlank().doesNotContainPattern("[\\u0600-\\u06FF]");
    assertThat(rejection.messageAr()).containsPattern("[\\u0600-\\u06FF]{3}");
    assertThat(rejection.getMessage())
        .isEqualTo(rejection.messageEn() + " / " + rejection.messageAr());
  }

  @Test
  void explainsWrongPlatformInArabicWithBothPlatformNames() {
    assertThat(rejection(Platform.X, "instagram.com/moe_kw").messageAr())
        .isEqualTo("هذا رابط على منصة إنستغرام، لكن المنصة المختارة هي إكس (تويتر)");
  }

  static Stream<Arguments> acceptedExamples() {
    return Stream.of(
        arguments(Platform.X, "https://twitter.com/MOE_KW?lang=ar"),
        arguments(Platform.X, "@moe__kw"),
        arguments(Platform.INSTAGRAM, "instagram.com/Moe.Kw"),
        arguments(Platform.SNAPCHAT, "snapchat.com/add/MOE-KW"),
        arguments(Platform.YOUTUBE, "@MoeKuwait"),
        arguments(Platform.YOUTUBE, "youtube.com/channel/" + CHANNEL_ID + "/videos"),
        arguments(Platform.FACEBOOK, "fb.com/Moe.Kw"),
        arguments(Platform.FACEBOOK, "facebook.com/profile.php?id=100064123456789&sk=about"));
  }

  @ParameterizedTest
  @MethodSource("acceptedExamples")
  void givesTheSameAccountBackForItsOwnCanonicalUrl(Platform platform, String input) {
    CanonicalAccount account = canonicalizer.canonicalize(platform, input);

    assertThat(canonicalizer.canonicalize(platform, account.canonicalUrl())).isEqualTo(account);
    assertThat(account.handle()).doesNotStartWith("@");
    assertThat(account.canonicalUrl()).startsWith("https://");
  }

  @ParameterizedTest
  @EnumSource(Platform.class)
  void neverThrowsAnythingButItsOwnExceptionForArbitraryInput(Platform platform) {
    String[] pieces = {
      "https://",
      "http://",
      "//",
      "x.com",
      "twitter.com",
      "www.youtube.com",
      "youtu.be",
      "facebook.com",
      "instagram.com",
      "snapchat.com",
      "/",
      "/",
      "@",
      "@",
      "%",
      "%4",
      "%40",
      "%C3%A9",
      "%E0%A4",
      "%00",
      "?",
      "?id=",
      "&",
      "#",
      ":",
      ":80",
      "[",
      "]",
      ".",
      "..",
      "moe_kw",
      "moe.kw",
      "moe-kw",
      "add",
      "channel",
      "profile.php",
      "UC",
      CHANNEL_ID,
      "status",
      "watch",
      "1",
      "\u043E",
      "\u0000",
      "\u200F",
      " ",
      "\t",
      "\uD800",
      "\uD83D\uDE00",
      "\\",
      "javascript:",
      "a"
    };
    Random random = new Random(20240601L + platform.ordinal());
    for (int i = 0; i < 20_000; i++) {
      StringBuilder input = new StringBuilder();
      int count = random.nextInt(8);
      for (int j = 0; j < count; j++) {
        input.append(pieces[random.nextInt(pieces.length)]);
      }
      String value = input.toString();

      Throwable thrown = catchThrowable(() -> canonicalizer.canonicalize(platform, value));

      if (thrown == null) {
        CanonicalAccount account = canonicalizer.canonicalize(platform, value);
        assertThat(canonicalizer.canonicalize(platform, account.canonicalUrl()))
            .as("canonical URL of %s", value)
            .isEqualTo(account);
        assertThat(account.canonicalUrl()).matches("https://[\\x21-\\x7E]+");
      } else {
        assertThat(thrown).as("input %s", value).isInstanceOf(InvalidAccountUrlException.class);
      }
    }
  }

  @Test
  void rejectsAMissingPlatformWithItsOwnException() {
    assertThatThrownBy(() -> canonicalizer.canonicalize(null, "moe_kw"))
        .isInstanceOf(InvalidAccountUrlException.class)
        .hasMessageStartingWith("Choose the account's platform");
  }

  @ParameterizedTest
  @ValueSource(strings = {"x", "X", " Instagram ", "snapchat", "YouTube", "\tFACEBOOK\n"})
  void findsPlatformsByCodeIgnoringCaseAndSurroundingSpace(String code) {
    assertThat(Platform.fromCode(code).code()).isEqualTo(code.trim().toUpperCase(Locale.ROOT));
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"TIKTOK", "", "X (Twitter)", "twitter", "INSTA GRAM"})
  void rejectsUnknownPlatformCodesListingTheAllowedOnes(String code) {
    assertThatThrownBy(() -> Platform.fromCode(code))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("allowed codes: X, INSTAGRAM, SNAPCHAT, YOUTUBE, FACEBOOK");
  }

  @Test
  void describesEachPlatformInBothLanguages() {
    assertThat(Platform.values())
        .extracting(Platform::displayNameEn)
        .containsExactly("X (Twitter)", "Instagram", "Snapchat", "YouTube", "Facebook");
    assertThat(Platform.values())
        .extracting(Platform::displayNameAr)
        .containsExactly("إكس (تويتر)", "إنستغرام", "سناب شات", "يوتيوب", "فيسبوك");
  }

  @ParameterizedTest
  @EnumSource(Platform.class)
  void keepsEachPlatformsRulesConsistent(Platform platform) {
    assertThat(platform.canonicalUrlPrefix()).startsWith("https://");
    assertThat(platform.hosts()).isNotEmpty().allMatch(h -> h.equals(h.toLowerCase(Locale.ROOT)));
    assertThat(platform.reservedSegments())
        .allMatch(s -> s.equals(s.toLowerCase(Locale.ROOT)))
        .doesNotContain("add", "channel");
    assertThat(platform.primaryHosts()).isNotEmpty();
    assertThat(platform.handleMinLength())
        .isPositive()
        .isLessThanOrEqualTo(platform.handleMaxLength());
  }

  @Test
  void givesEveryHostToExactlyOnePlatform() {
    Set<String> seen = new HashSet<>();
    for (Platform platform : Platform.values()) {
      for (String host : platform.hosts()) {
        assertThat(seen.add(host)).as("host %s", host).isTrue();
      }
      for (String host : platform.linkOnlyHosts()) {
        assertThat(seen.add(host)).as("host %s", host).isTrue();
      }
    }
  }

  private void assertRejected(Platform platform, String input, String expectedMessagePart) {
    assertThat(rejection(platform, input).messageEn()).contains(expectedMessagePart);
  }

  private InvalidAccountUrlException rejection(Platform platform, String input) {
    Throwable thrown = catchThrowable(() -> canonicalizer.canonicalize(platform, input));
    assertThat(thrown).as("rejection of %s", input).isInstanceOf(InvalidAccountUrlException.class);
    return (InvalidAccountUrlException) thrown;
  }
}
