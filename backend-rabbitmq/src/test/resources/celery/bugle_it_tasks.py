"""Celery tasks for Bugle's interop test: each run writes what the worker received to $BUGLE_OUT/<task id>.json."""
import json
import os
import time

from celery import Celery

app = Celery("bugle_it_tasks")
app.conf.update(accept_content=["json"], task_serializer="json")


@app.task(bind=True, name="bugle_it_tasks.record")
def record(self, *args, **kwargs):
    request = self.request
    data = {
        "id": request.id,
        "root_id": request.root_id,
        "args": list(args),
        "kwargs": kwargs,
        "eta": None if request.eta is None else str(request.eta),
        "expires": None if request.expires is None else str(request.expires),
        "ran_at": time.time(),
    }
    out = os.environ["BUGLE_OUT"]
    tmp = os.path.join(out, request.id + ".tmp")
    with open(tmp, "w", encoding="utf-8") as f:
        json.dump(data, f, ensure_ascii=False)
    os.replace(tmp, os.path.join(out, request.id + ".json"))
