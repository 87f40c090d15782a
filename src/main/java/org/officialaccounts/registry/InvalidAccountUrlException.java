package org.officialaccounts.registry;

import java.util.Objects;

/**
 * Rejection of an account address or handle, explained in English and Arabic so the form can show
 * it to the user.
 */
public class InvalidAccountUrlException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String messageEn;
  private final String messageAr;
  private final boolean otherPlatform;

  public InvalidAccountUrlException(String messageEn, String messageAr) {
    this(messageEn, messageAr, false);
  }

  InvalidAccountUrlException(String messageEn, String messageAr, boolean otherPlatform) {
    // Thrown for every platform a bare handle is tried on and always answered as a 400: a
    // stack trace would be most of the cost of a public check and is never read.
    super(
        Objects.requireNonNull(messageEn, "messageEn")
            + " / "
            + Objects.requireNonNull(messageAr, "messageAr"),
        null,
        false,
        false);
    this.messageEn = messageEn;
    this.messageAr = messageAr;
    this.otherPlatform = otherPlatform;
  }

  /** Whether the input is not wrong as such but belongs to another platform than the one asked. */
  boolean otherPlatform() {
    return otherPlatform;
  }

  public String messageEn() {
    return messageEn;
  }

  public String messageAr() {
    return messageAr;
  }
}
