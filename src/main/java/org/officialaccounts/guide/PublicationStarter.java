package org.officialaccounts.guide;

import org.officialaccounts.verification.GuideVersion;

/** Starts the publication of a version: asks its managers to acknowledge it. */
public interface PublicationStarter {

  /** Starts it on behalf of the person publishing; returns the process instance id. */
  String start(GuideVersion version, String publishedBy);
}
