-- delayed_job's table on MariaDB/MySQL, as `rails generate delayed_job:active_record` creates it with the
-- mysql2 adapter (delayed_job_active_record 4.1; ActiveRecord 6.1's MySQL types: text -> TEXT, string ->
-- VARCHAR(255), InnoDB). A Rails app already has it; this file is for apps without Rails, the example worker
-- and Bugle's tests. Times are UTC wall time, as ActiveRecord stores them. Deviation: every time column is
-- DATETIME(6); ActiveRecord 6.1 gives `t.timestamps` precision 6 but plain DATETIME (whole seconds, the
-- fraction cut off) to run_at, locked_at and failed_at, which Bugle and the worker handle just as well.
-- TEXT holds 64 KiB: a longer handler is refused (a permanent error); use MEDIUMTEXT if jobs carry more.
CREATE TABLE IF NOT EXISTS delayed_jobs (
  id         BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  priority   INT NOT NULL DEFAULT 0,
  attempts   INT NOT NULL DEFAULT 0,
  handler    TEXT NOT NULL,
  last_error TEXT,
  run_at     DATETIME(6),
  locked_at  DATETIME(6),
  failed_at  DATETIME(6),
  locked_by  VARCHAR(255),
  queue      VARCHAR(255),
  created_at DATETIME(6),
  updated_at DATETIME(6),
  INDEX delayed_jobs_priority (priority, run_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
