# A plain delayed_job worker (no Rails) for the jobs Bugle inserts into delayed_job's table.
#
#   ruby examples/delayed-job/worker.rb          # work forever, like `rake jobs:work`
#   ruby examples/delayed-job/worker.rb --once   # Delayed::Worker.new.work_off, then exit (1 if a job failed)
#
# Environment:
#   DATABASE_URL  the database Bugle writes to (default postgres://postgres@127.0.0.1:5432/test);
#                 MariaDB/MySQL: mysql2://root@127.0.0.1:3306/test (encoding=utf8mb4 is added when missing)
#   DJ_TABLE      delayed_job's table (default delayed_jobs), as in bugle.enqueuer.NAME.table
#   QUEUES        comma-separated queues to work (default: all)
#   BUGLE_OUT     file the example jobs append one JSON line to per run (default: stdout)
#
# Uses Debian's packages only: ruby-delayed-job-active-record, ruby-pg or ruby-mysql2, ruby-activejob
# (scripts/services delayed-job installs them).
require "json"
require "logger"
require "active_record"
require "active_job"
require "delayed_job"
require "delayed_job_active_record"
require "active_job/queue_adapters/delayed_job_adapter"

database_url = ENV.fetch("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/test")
# Rails' database.yml for MySQL says `encoding: utf8mb4`; without it mysql2 talks 3-byte utf8 and a 4-byte
# character (an emoji) in a handler reaches the job as "?".
if database_url.start_with?("mysql2:") && !database_url.include?("encoding=")
  database_url += (database_url.include?("?") ? "&" : "?") + "encoding=utf8mb4"
end
ActiveRecord::Base.establish_connection(database_url)
Delayed::Job.table_name = ENV.fetch("DJ_TABLE", "delayed_jobs")
Delayed::Worker.logger = Logger.new($stdout)
Delayed::Worker.queues = ENV["QUEUES"].to_s.split(",").map(&:strip).reject(&:empty?)
ActiveJob::Base.queue_adapter = :delayed_job
ActiveJob::Base.logger = Logger.new($stderr, level: :warn)

# Writes what a job received, keeping Ruby types visible: a Symbol, Date or Time (what a badly quoted YAML
# scalar turns into) shows up as {"$Symbol": "..."}, and so on, instead of passing for a String.
module Recorder
  def self.describe(value)
    case value
    when String, Integer, Float, true, false, nil then value
    when Array then value.map { |v| describe(v) }
    when Hash then value.to_h { |k, v| [k.is_a?(String) ? k : "$#{k.class}:#{k}", describe(v)] }
    else { "$#{value.class}" => value.to_s }
    end
  end

  def self.record(kind, job_id, args, kwargs)
    line = JSON.generate({ "kind" => kind, "job_id" => job_id, "args" => describe(args), "kwargs" => describe(kwargs) })
    if ENV["BUGLE_OUT"]
      File.open(ENV["BUGLE_OUT"], "a") { |f| f.flock(File::LOCK_EX); f.puts(line) }
    else
      puts line
    end
  end
end

# handler=active-job (the default): bugle.schedule.NAME.job=RecordJob. kwargs arrive as keywords.
class RecordJob < ActiveJob::Base
  def perform(*args, **kwargs)
    Recorder.record("active-job", job_id, args, kwargs.transform_keys { |k| k.is_a?(Symbol) ? k.to_s : "$#{k.class}:#{k}" })
  end
end

# handler=struct: bugle.schedule.NAME.job=RecordStruct, the kwargs name the struct's fields.
RecordStruct = Struct.new(:label, :payload, :extra) do
  def perform
    Recorder.record("struct", instance_variable_get(:@bugle_fire_id), [], to_h.transform_keys(&:to_s))
  end
end

# handler=object: bugle.schedule.NAME.job=RecordObject, the kwargs become instance variables.
class RecordObject
  def perform
    ivars = (instance_variables - [:@bugle_fire_id]).to_h { |n| [n.to_s.delete_prefix("@"), instance_variable_get(n)] }
    Recorder.record("object", @bugle_fire_id, [], ivars)
  end
end

# handler=method: bugle.schedule.NAME.job=RecordMethod.call, the args are the method's arguments.
class RecordMethod
  def self.call(*args)
    Recorder.record("method", nil, args, {})
  end
end

if ARGV.include?("--once")
  Delayed::Worker.destroy_failed_jobs = false
  success, failure = Delayed::Worker.new.work_off
  puts "work_off: #{success} succeeded, #{failure} failed"
  exit(failure.zero? ? 0 : 1)
else
  Delayed::Worker.new.start
end
