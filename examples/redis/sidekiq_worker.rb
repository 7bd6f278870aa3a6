# Jobs that Bugle's `sidekiq` enqueuer feeds: a plain Sidekiq job and an ActiveJob job.
# Run (from the repository root), in another terminal than `./bugle run examples/redis/sidekiq.properties`:
#   REDIS_URL=redis://127.0.0.1:6379/0 sidekiq -r ./examples/redis/sidekiq_worker.rb -q default -q mailers -c 1
# Each job prints what it received as one JSON line; with BUGLE_EXAMPLE_OUT=FILE it appends the line to FILE.
require "json"
require "sidekiq"
require "active_job"
require "active_job/queue_adapters/sidekiq_adapter"

ActiveJob::Base.queue_adapter = :sidekiq
ActiveJob::Base.logger = Logger.new($stdout, level: Logger::WARN)

module BugleExample
  def self.record(job, args, kwargs = {})
    line = JSON.generate({ "job" => job, "args" => args, "kwargs" => kwargs })
    out = ENV["BUGLE_EXAMPLE_OUT"]
    if out.nil? || out.empty?
      puts line
    else
      File.open(out, "a") { |f| f.flock(File::LOCK_EX); f.puts(line) }
    end
  end
end

# bugle.schedule.currency-rates.job=CurrencyRatesJob (with type=sidekiq)
class CurrencyRatesJob
  include Sidekiq::Worker

  def perform(*args)
    BugleExample.record(self.class.name, args)
  end
end

# bugle.schedule.weekly-digest.job=WeeklyDigestJob (with type=sidekiq and active-job=true)
class WeeklyDigestJob < ActiveJob::Base
  def perform(*args, **kwargs)
    BugleExample.record(self.class.name, args, kwargs)
  end
end
