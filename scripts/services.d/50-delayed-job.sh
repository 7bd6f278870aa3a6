# delayed_job: the Ruby worker that runs what backend-delayed-job inserts (examples/delayed-job/worker.rb).
# Debian's packages: delayed_job 4.1 with its ActiveRecord backend, the pg and mysql2 drivers (the worker
# runs against PostgreSQL and MariaDB), and ActiveJob (which the active-job handler kind needs:
# ActiveJob::QueueAdapters::DelayedJobAdapter::JobWrapper lives there, and ruby-delayed-job does not depend
# on it). The databases come from 40-postgresql.sh and 41-mariadb.sh.
apt_install ruby ruby-delayed-job-active-record ruby-pg ruby-mysql2 ruby-activejob
if ! /usr/bin/ruby -e 'require "active_record"; require "active_job"; require "delayed_job"; require "delayed_job_active_record"; require "pg"; require "mysql2"' 2>/dev/null; then
  log "ruby cannot load delayed_job, active_job, pg and mysql2 although their packages are installed"; return 1
fi
if ! port_open 5432; then
  wait_port 5432 "PostgreSQL (the delayed_job worker's database; run scripts/services postgresql)" 30 || return 1
fi
