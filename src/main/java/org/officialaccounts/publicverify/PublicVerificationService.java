package org.officialaccounts.publicverify;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.officialaccounts.registry.AccountUrlCanonicalizer;
import org.officialaccounts.registry.CanonicalAccount;
import org.officialaccounts.registry.Platform;
import org.springframework.stereotype.Service;

/** Tells the public whether an account is the ministry's, was closed, or is unknown. */
@Service
public class PublicVerificationService {

  private final AccountUrlCanonicalizer canonicalizer;
  private final PublicRegistry registry;
  // A minute of staleness is harmless for the public and spares the database repeated lookups
  // of the same popular (or the same abusive) address.
  private final Cache<String, Optional<PublicAccount>> cache =
      Caffeine.newBuilder().maximumSize(200_000).expireAfterWrite(Duration.ofSeconds(60)).build();

  public PublicVerificationService(AccountUrlCanonicalizer canonicalizer, PublicRegistry registry) {
    this.canonicalizer = canonicalizer;
    this.registry = registry;
  }

  /**
   * Answers for the pasted text. With a platform, or for an address, there is one answer; a
   * bare handle is looked up on every platform and answered where it is known.
   *
   * @throws org.officialaccounts.registry.InvalidAccountUrlException for input that names no account
   */
  public VerifyResponse verify(String input, Platform platform) {
    List<CanonicalAccount> candidates =
        platform != null
            ? List.of(canonicalizer.canonicalize(platform, input))
            : canonicalizer.canonicalizeOnAnyPlatform(input);
    List<Verdict> known = new ArrayList<>();
    List<Verdict> unknown = new ArrayList<>();
    for (CanonicalAccount candidate : candidates) {
      Verdict verdict = verdict(candidate, lookup(candidate.canonicalUrl()));
      (Verdict.UNKNOWN.equals(verdict.status()) ? unknown : known).add(verdict);
    }
    if (!known.isEmpty()) {
      return new VerifyResponse(input, known);
    }
    return new VerifyResponse(input, candidates.size() == 1 ? unknown : List.of(unknownHandle()));
  }

  private Optional<PublicAccount> lookup(String canonicalUrl) {
    return cache.get(canonicalUrl, registry::findByCanonicalUrl);
  }

  static Verdict verdict(CanonicalAccount candidate, Optional<PublicAccount> found) {
    if (found.isPresent()) {
      PublicAccount account = found.get();
      Verdict.Unit unit =
          new Verdict.Unit(account.unitCode(), account.unitType(), account.unitNameAr(), account.unitNameEn());
      if ("CLOSED".equals(account.status())) {
        Verdict.Successor successor =
            account.successorUrl() == null
                ? null
                : new Verdict.Successor(
                    account.successorPlatform(),
                    account.successorUrl(),
                    account.successorUnitNameAr(),
                    account.successorUnitNameEn());
        // Accounts found in the wild and closed by a directive never were official: say so.
        boolean wasOfficial = account.officialSince() != null;
        return new Verdict(Verdict.CLOSED, account.platform(), account.canonicalUrl(), unit, null,
            account.closedSince(), successor,
            (wasOfficial ? "This account was an official account of the ministry and has been closed"
                    : "This account was not an official account of the ministry and has been closed")
                + (successor == null ? "" : "; follow " + successor.canonicalUrl() + " instead"),
            (wasOfficial ? "كان هذا الحساب حسابًا رسميًا للوزارة وقد أُغلق" : "لم يكن هذا الحساب حسابًا رسميًا للوزارة، وقد أُغلق")
                + (successor == null ? "" : "؛ تابع " + successor.canonicalUrl() + " بدلًا منه"));
      }
      if (account.official() && PublicRegistry.LIVE_OFFICIAL.contains(account.status())) {
        return new Verdict(Verdict.OFFICIAL, account.platform(), account.canonicalUrl(), unit,
            account.officialSince(), null, null,
            "This is an official account of " + account.unitNameEn(),
            "هذا حساب رسمي لـ" + account.unitNameAr());
      }
    }
    return new Verdict(Verdict.UNKNOWN, candidate.platform().name(), candidate.canonicalUrl(), null,
        null, null, null,
        "This is not an official account of the ministry",
        "هذا ليس حسابًا رسميًا للوزارة");
  }

  private static Verdict unknownHandle() {
    return new Verdict(Verdict.UNKNOWN, null, null, null, null, null, null,
        "No official account of the ministry has this handle on any platform",
        "لا يوجد حساب رسمي للوزارة بهذا المعرّف على أي منصة");
  }
}
