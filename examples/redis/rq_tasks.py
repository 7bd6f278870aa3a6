"""Functions that Bugle's `rq` enqueuer feeds (bugle.schedule.NAME.job=rq_tasks.currency_rates).

Run a worker (from the repository root; Debian's python3-rq), in another terminal than `./bugle run`:
    /usr/bin/rq worker -u redis://127.0.0.1:6379/0 -S rq.serializers.JSONSerializer -P examples/redis default
Each job prints what it received as one JSON line; with BUGLE_EXAMPLE_OUT=FILE it appends the line to FILE.
"""
import fcntl
import json
import os


def _record(job, args, kwargs):
    line = json.dumps({"job": job, "args": list(args), "kwargs": kwargs}, ensure_ascii=False)
    out = os.environ.get("BUGLE_EXAMPLE_OUT")
    if not out:
        print(line, flush=True)
        return
    with open(out, "a", encoding="utf-8") as f:
        fcntl.flock(f, fcntl.LOCK_EX)
        f.write(line + "\n")


def currency_rates(*args, **kwargs):
    _record("rq_tasks.currency_rates", args, kwargs)
