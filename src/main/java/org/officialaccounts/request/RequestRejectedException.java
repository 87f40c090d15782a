package org.officialaccounts.request;

/**
 * Thrown for input that cannot even be kept as a request to correct: wrong types or sizes a
 * form never sends. The caller gets an error instead of a correction task.
 */
public class RequestRejectedException extends RuntimeException {

  public RequestRejectedException(String message) {
    super(message);
  }
}
