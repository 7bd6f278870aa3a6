// Jobs that Bugle's `resque` enqueuer feeds, run by npm's node-resque (install: npm ci, in this folder).
// Run (from the repository root), in another terminal than `./bugle run examples/redis/resque.properties`:
//   REDIS_URL=redis://127.0.0.1:6379/0 RESQUE_QUEUES=default node examples/redis/resque_worker.js
// Optional: RESQUE_NAMESPACE (default "resque", like the enqueuer's namespace setting), RESQUE_POLL_MS.
// Each job prints what it received as one JSON line; with BUGLE_EXAMPLE_OUT=FILE it appends the line to FILE.
"use strict";
const fs = require("fs");
const Redis = require("ioredis");
const { Worker } = require("node-resque");

function record(job, args) {
  const line = JSON.stringify({ job, args, kwargs: {} });
  const out = process.env.BUGLE_EXAMPLE_OUT;
  if (out) fs.appendFileSync(out, line + "\n");
  else console.log(line);
}

// bugle.schedule.NAME.job=CurrencyRatesJob (with type=resque)
const jobs = {
  CurrencyRatesJob: { perform: async (...args) => record("CurrencyRatesJob", args) },
};

async function main() {
  const redis = new Redis(process.env.REDIS_URL || "redis://127.0.0.1:6379/0");
  const connection = { redis, namespace: process.env.RESQUE_NAMESPACE || "resque" };
  const queues = (process.env.RESQUE_QUEUES || "default").split(",");
  const worker = new Worker({ connection, queues, timeout: Number(process.env.RESQUE_POLL_MS || 500) }, jobs);
  worker.on("start", () => console.log(`node-resque worker started on ${queues.join(",")}`));
  worker.on("failure", (queue, job, failure) => console.error(`job failed on ${queue}: ${failure}`));
  worker.on("error", (error) => console.error(`worker error: ${error}`));
  const stop = async () => {
    await worker.end();
    redis.disconnect();
    process.exit(0);
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
  await worker.connect();
  worker.start();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
