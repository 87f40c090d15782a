package org.officialaccounts.registry;

import java.util.Objects;

/**
 * One account on one platform in canonical form, so that equal accounts compare equal whatever way
 * they were entered.
 *
 * @param platform the platform the account is on
 * @param handle the account name without "@", lower case; a YouTube channel id or a Facebook
 *     numeric id as is, because channel ids are case-sensitive
 * @param canonicalUrl the single https address the registry stores and shows for the account
 */
public record CanonicalAccount(Platform platform, String handle, String canonicalUrl) {

  public CanonicalAccount {
    Objects.requireNonNull(platform, "platform");
    Objects.requireNonNull(handle, "handle");
    Objects.requireNonNull(canonicalUrl, "canonicalUrl");
  }
}
