package org.officialaccounts.operations;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Open directives read from the table {@code consolidation_directive} when it exists: the rows
 * not yet concluded ({@code concluded_at} or {@code closed_at} empty). Without the table, or
 * without either column, there is nothing to count and the figure is 0.
 */
final class DirectiveTable implements OpenDirectives {

  static final String TABLE = "consolidation_directive";
  private static final Logger LOG = LoggerFactory.getLogger(DirectiveTable.class);

  private final DataSource dataSource;
  /** Looked up once: the table comes with a migration, and migrations run at start. */
  private volatile String query;

  DirectiveTable(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public long count() {
    if (query == null) {
      query = lookUp();
    }
    if (query.isEmpty()) {
      return 0;
    }
    Long count = new JdbcTemplate(dataSource).queryForObject(query, Long.class);
    return count == null ? 0 : count;
  }

  private String lookUp() {
    try (Connection connection = dataSource.getConnection()) {
      DatabaseMetaData meta = connection.getMetaData();
      for (String column : new String[] {"concluded_at", "closed_at"}) {
        if (hasColumn(meta, column)) {
          return "SELECT COUNT(*) FROM " + TABLE + " WHERE " + column + " IS NULL";
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not look up " + TABLE, e);
    }
    LOG.info("No {} table with a concluded_at or closed_at column: open directives are reported as 0", TABLE);
    return "";
  }

  private static boolean hasColumn(DatabaseMetaData meta, String column) throws SQLException {
    // PostgreSQL keeps unquoted names in lower case, H2 in upper case.
    for (String[] names : new String[][] {{TABLE, column}, {TABLE.toUpperCase(Locale.ROOT), column.toUpperCase(Locale.ROOT)}}) {
      try (ResultSet columns = meta.getColumns(null, null, names[0], names[1])) {
        if (columns.next()) {
          return true;
        }
      }
    }
    return false;
  }
}
