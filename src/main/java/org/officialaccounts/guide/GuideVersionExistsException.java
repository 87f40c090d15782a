package org.officialaccounts.guide;

/** Thrown when a version is published a second time. */
public class GuideVersionExistsException extends RuntimeException {

  public GuideVersionExistsException(String version) {
    super("Version " + version + " of the guide is published already");
  }
}
