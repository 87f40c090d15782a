package org.officialaccounts.campaign;

import java.util.List;

/** Starts accounts' periodic reviews for a campaign; the engine's side of the launcher. */
public interface ReviewStarter {

  /** Returns the review's process instance id. */
  String startReview(long accountId, String campaignId);

  /** A chunk's reviews, in the caller's transaction; returns their process instance ids in order. */
  default List<String> startReviews(List<Long> accountIds, String campaignId) {
    return accountIds.stream().map(id -> startReview(id, campaignId)).toList();
  }
}
