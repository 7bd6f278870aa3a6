-- Opt-in migration for exactly-once enqueuing into delayed_job on MariaDB/MySQL
-- (bugle.enqueuer.NAME.deduplicate=true with a jdbc:mariadb: URL).
--
-- For each job, in one transaction, Bugle claims the fire's id here (INSERT IGNORE: nothing is inserted when
-- the id is already there) and inserts the job into delayed_jobs only when the claim is new, so a fire sent
-- again after a failover adds no second job. A concurrent claim of the same id waits on the primary key
-- until the first transaction ends, then sees its row.
-- The ids live in their own table, not in a column of delayed_jobs, because delayed_job deletes a job's row
-- once it has run: a column would forget the fire exactly when a re-send is most likely.
-- Bugle deletes ids older than bugle.enqueuer.NAME.guard-retention (default 7d) about once an hour.
-- Rename the table with bugle.enqueuer.NAME.guard-table (default bugle_fires).
CREATE TABLE IF NOT EXISTS bugle_fires (
  fire_id    CHAR(36) NOT NULL PRIMARY KEY,
  created_at DATETIME(6) NOT NULL,
  INDEX bugle_fires_created_at (created_at)
) ENGINE=InnoDB DEFAULT CHARSET=ascii;
