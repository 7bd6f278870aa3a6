-- Opt-in migration for exactly-once enqueuing into delayed_job (bugle.enqueuer.NAME.deduplicate=true).
--
-- Bugle claims each fire's id here in the same INSERT statement that adds the job to delayed_jobs
-- (INSERT ... ON CONFLICT (fire_id) DO NOTHING), so a fire sent again after a failover adds no second job.
-- The ids live in their own table, not in a column of delayed_jobs, because delayed_job deletes a job's row
-- once it has run: a column would forget the fire exactly when a re-send is most likely.
-- Bugle deletes ids older than bugle.enqueuer.NAME.guard-retention (default 7d) about once an hour.
-- Rename the table with bugle.enqueuer.NAME.guard-table (default bugle_fires).
CREATE TABLE IF NOT EXISTS bugle_fires (
  fire_id    uuid PRIMARY KEY,
  created_at timestamp NOT NULL
);
CREATE INDEX IF NOT EXISTS bugle_fires_created_at ON bugle_fires (created_at);
