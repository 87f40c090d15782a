package org.officialaccounts.campaign;

/** Starts one account's periodic review for a campaign; the engine's side of the launcher. */
public interface ReviewStarter {

  /** Returns the review's process instance id. */
  String startReview(long accountId, String campaignId);
}
