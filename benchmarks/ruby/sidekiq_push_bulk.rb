# Sidekiq's own client, for scale beside SidekiqEnqueueBenchmark: 10,000 jobs of the same shape (class, queue,
# args ["USD", i, {"currency" => "EUR", "page" => i}, nil]) pushed with Sidekiq::Client.push_bulk (one
# pipeline) and with Sidekiq::Client.push one job at a time. Neither deduplicates.
# Run (Debian's ruby-sidekiq, the local Redis): ruby benchmarks/ruby/sidekiq_push_bulk.rb
require 'sidekiq'
require 'benchmark'

Sidekiq.configure_client { |c| c.redis = { url: 'redis://127.0.0.1:6379/0' } }
queue = "bench-rb-#{Process.pid}"
args = (0...10_000).map { |i| ['USD', i, { 'currency' => 'EUR', 'page' => i }, nil] }

def median(times)
  times.sort[times.size / 2].round(1)
end

def measure(rounds, warmup, queue)
  times = []
  (warmup + rounds).times do |round|
    t = Benchmark.realtime { yield }
    Sidekiq.redis { |r| r.del("queue:#{queue}") }
    times << t * 1000 if round >= warmup
  end
  times
end

begin
  bulk = measure(20, 5, queue) { Sidekiq::Client.push_bulk('class' => 'CurrencyRatesJob', 'queue' => queue, 'args' => args) }
  puts "Sidekiq #{Sidekiq::VERSION} push_bulk, 10,000 jobs: median #{median(bulk)} ms (min #{bulk.min.round(1)})"
  single = measure(4, 1, queue) { args.each { |a| Sidekiq::Client.push('class' => 'CurrencyRatesJob', 'queue' => queue, 'args' => a) } }
  puts "Sidekiq #{Sidekiq::VERSION} push one at a time, 10,000 jobs: median #{median(single)} ms"
ensure
  Sidekiq.redis { |r| r.srem('queues', queue) }
end
