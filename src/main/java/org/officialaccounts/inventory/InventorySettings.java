package org.officialaccounts.inventory;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/** Limits of one inventory file ({@code official-accounts.inventory.*}). */
@Component
@ConfigurationProperties("official-accounts.inventory")
public class InventorySettings {

  /**
   * Largest file; a multipart upload is also bounded by {@code spring.servlet.multipart.max-file-size}
   * (5 MB as shipped), so raise both together.
   */
  private DataSize maxFileSize = DataSize.ofMegabytes(5);
  /** Most rows in one file, blank lines aside. */
  private int maxRows = 20_000;
  /** Longest line; five legitimate values stay well under it. */
  private int maxLineLength = 2_000;

  public DataSize getMaxFileSize() {
    return maxFileSize;
  }

  public void setMaxFileSize(DataSize maxFileSize) {
    if (maxFileSize.toBytes() < 1024 || maxFileSize.toBytes() > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("official-accounts.inventory.max-file-size must be between 1KB and 2GB");
    }
    this.maxFileSize = maxFileSize;
  }

  public int getMaxRows() {
    return maxRows;
  }

  public void setMaxRows(int maxRows) {
    if (maxRows < 1 || maxRows > 1_000_000) {
      throw new IllegalArgumentException("official-accounts.inventory.max-rows must be between 1 and 1000000");
    }
    this.maxRows = maxRows;
  }

  public int getMaxLineLength() {
    return maxLineLength;
  }

  public void setMaxLineLength(int maxLineLength) {
    if (maxLineLength < 200 || maxLineLength > 100_000) {
      throw new IllegalArgumentException("official-accounts.inventory.max-line-length must be between 200 and 100000");
    }
    this.maxLineLength = maxLineLength;
  }
}
