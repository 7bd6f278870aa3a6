package dev.bugle.examples.spring;

import dev.bugle.core.event.BugleListener;
import dev.bugle.core.event.FireEvent;
import dev.bugle.core.event.FireOutcome;
import java.sql.Timestamp;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A {@link BugleListener} bean, which the starter registers on the node as it does every one (the same seam a
 * metrics listener plugs into): each fire this node enqueued goes into {@code example.fires-table}
 * (first and last scheduled instant, how many, the outcome, this node, when the backend acknowledged it), so that
 * a test sees who fired what, and when.
 */
@Component
public class FireJournal implements BugleListener {
  private static final Pattern TABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

  private final JdbcTemplate jdbc;
  private final String node;
  private final String table;

  public FireJournal(JdbcTemplate jdbc, @Value("${example.node}") String node,
      @Value("${example.fires-table}") String table) {
    if (!TABLE.matcher(table).matches()) {
      throw new IllegalArgumentException("example.fires-table: not a plain table name: " + table);
    }
    this.jdbc = jdbc;
    this.node = node;
    this.table = table;
    String ddl = "CREATE TABLE IF NOT EXISTS " + table + " (first_at TEXT NOT NULL, last_at TEXT NOT NULL,"
        + " count INT NOT NULL, outcome TEXT NOT NULL, node TEXT NOT NULL, acked_at TIMESTAMPTZ NOT NULL)";
    try {
      jdbc.execute(ddl);
    } catch (RuntimeException raced) {
      jdbc.execute(ddl);
    }
  }

  @Override
  public void onFire(FireEvent fire) {
    if (fire.outcome() == FireOutcome.ENQUEUED || fire.outcome() == FireOutcome.DEDUPLICATED) {
      jdbc.update("INSERT INTO " + table + " VALUES (?, ?, ?, ?, ?, ?)", fire.first().toString(),
          fire.last().toString(), fire.count(), fire.outcome().label(), node, Timestamp.from(fire.at()));
    }
  }
}
