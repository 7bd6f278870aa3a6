package dev.bugle.examples.spring;

import jakarta.annotation.PostConstruct;
import java.time.Instant;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The job the schedule names ({@code dev.bugle.examples.spring.RunRecorder#record}): JobRunr's worker finds this
 * bean through its Spring job activator. Each run inserts (the fire's scheduled instant, this node, now) into
 * {@code example.runs-table}, so the fleet's runs can be counted: each instant once.
 */
@Component
public class RunRecorder {
  private static final Logger LOG = LoggerFactory.getLogger(RunRecorder.class);
  private static final Pattern TABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

  private final JdbcTemplate jdbc;
  private final String node;
  private final String table;

  public RunRecorder(JdbcTemplate jdbc, @Value("${example.node}") String node,
      @Value("${example.runs-table}") String table) {
    if (!TABLE.matcher(table).matches()) {
      throw new IllegalArgumentException("example.runs-table: not a plain table name: " + table);
    }
    this.jdbc = jdbc;
    this.node = node;
    this.table = table;
  }

  @PostConstruct
  void createTable() {
    String ddl = "CREATE TABLE IF NOT EXISTS " + table
        + " (scheduled_at TEXT NOT NULL, node TEXT NOT NULL, ran_at TIMESTAMPTZ NOT NULL DEFAULT now())";
    try {
      jdbc.execute(ddl);
    } catch (DataAccessException raced) { // copies starting together: another one created it just now
      jdbc.execute(ddl);
    }
  }

  /** The job: {@code args=["{{scheduled_at}}"]}, {@code option.arg-types=String}. */
  public void record(String scheduledAt) {
    Instant instant = Instant.parse(scheduledAt);
    jdbc.update("INSERT INTO " + table + " (scheduled_at, node) VALUES (?, ?)", instant.toString(), node);
    LOG.info("ran the fire of {} on {}", instant, node);
  }
}
