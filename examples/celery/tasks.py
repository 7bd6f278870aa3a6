"""Celery tasks that Bugle schedules (see bugle.properties beside this file).

Bugle never runs them: it publishes Celery task messages (protocol 2) to RabbitMQ at the scheduled times, and
this unmodified Celery worker runs them (in another terminal than `./bugle run`, from examples/celery):

    /usr/bin/python3 -m celery -A tasks -b amqp://guest:guest@127.0.0.1:5672// worker -Q celery,reports --pool=solo -l INFO

(Debian's python3-celery has no /usr/bin/celery; use /usr/bin/python3 so that Debian's packages are found.)
"""
from celery import Celery

app = Celery("tasks")
app.conf.update(accept_content=["json"], task_serializer="json", result_serializer="json")


@app.task(bind=True, name="tasks.refresh_rates")
def refresh_rates(self, base, quotes, source="ecb"):
    # self.request.id is Bugle's job id: the same for the same fire on every Bugle copy.
    print(f"[{self.request.id}] refreshing {base} -> {', '.join(quotes)} from {source}")


@app.task(bind=True, name="tasks.weekly_digest")
def weekly_digest(self, audience, dry_run=False):
    print(f"[{self.request.id}] weekly digest for {audience} (dry_run={dry_run})")
