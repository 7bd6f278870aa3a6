-- delayed_job's table, as `rails generate delayed_job:active_record` creates it (delayed_job_active_record
-- 4.1, PostgreSQL). A Rails app already has it; this file is for apps without Rails, the example worker and
-- Bugle's tests. Times are UTC wall time in `timestamp without time zone`, as ActiveRecord stores them.
CREATE TABLE IF NOT EXISTS delayed_jobs (
  id         bigserial PRIMARY KEY,
  priority   integer NOT NULL DEFAULT 0,
  attempts   integer NOT NULL DEFAULT 0,
  handler    text NOT NULL,
  last_error text,
  run_at     timestamp,
  locked_at  timestamp,
  failed_at  timestamp,
  locked_by  varchar,
  queue      varchar,
  created_at timestamp(6),
  updated_at timestamp(6)
);
CREATE INDEX IF NOT EXISTS delayed_jobs_priority ON delayed_jobs (priority, run_at);
