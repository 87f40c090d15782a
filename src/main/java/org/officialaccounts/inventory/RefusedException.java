package org.officialaccounts.inventory;

import org.springframework.http.HttpStatus;

/** A request refused as a whole, with its HTTP status and the reason in English and Arabic. */
public class RefusedException extends RuntimeException {

  private final HttpStatus status;
  private final String reasonAr;

  private RefusedException(HttpStatus status, String reason, String reasonAr) {
    super(reason);
    this.status = status;
    this.reasonAr = reasonAr;
  }

  /** The registry does not allow it now (409). */
  public static RefusedException conflict(String reason, String reasonAr) {
    return new RefusedException(HttpStatus.CONFLICT, reason, reasonAr);
  }

  /** The file is over a size or row limit (413). */
  public static RefusedException tooLarge(String reason, String reasonAr) {
    return new RefusedException(HttpStatus.PAYLOAD_TOO_LARGE, reason, reasonAr);
  }

  public HttpStatus status() {
    return status;
  }

  public String reasonAr() {
    return reasonAr;
  }
}
