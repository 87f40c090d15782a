package org.officialaccounts.verification;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The governance guide's editions. */
@Repository
public class GuideVersionRepository {

  private final JdbcClient jdbc;
  private final Clock clock;

  public GuideVersionRepository(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** The edition in force today: the latest whose effective date has come. */
  public Optional<GuideVersion> inForce() {
    return jdbc.sql(
            """
            SELECT * FROM guide_version WHERE effective_date <= ?
             ORDER BY effective_date DESC, published_at DESC FETCH FIRST 1 ROWS ONLY""")
        .param(LocalDate.now(clock))
        .query(
            (rs, n) ->
                new GuideVersion(
                    rs.getString("version"),
                    rs.getObject("effective_date", LocalDate.class),
                    rs.getString("summary"),
                    rs.getString("link")))
        .optional();
  }

  /** The effective date of an edition, if it is on record. */
  public Optional<LocalDate> effectiveDate(String version) {
    return jdbc.sql("SELECT effective_date FROM guide_version WHERE version = ?")
        .param(version)
        .query((rs, n) -> rs.getObject(1, LocalDate.class))
        .optional();
  }
}
