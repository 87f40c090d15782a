package org.officialaccounts.request;

/** Thrown when a person asks for something on behalf of a unit that is not theirs. */
public class NotPermittedException extends RuntimeException {

  public NotPermittedException(String message) {
    super(message);
  }
}
