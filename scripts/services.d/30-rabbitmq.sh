# RabbitMQ on 127.0.0.1:5672 (guest/guest) for backend-rabbitmq, and Debian's Celery for its interop test
# (run as /usr/bin/python3 -m celery; Debian ships no /usr/bin/celery).
apt_install rabbitmq-server python3-celery
if ! port_open 5672; then
  log "starting rabbitmq-server"
  if [ "$(id -u)" -eq 0 ]; then rabbitmq-server -detached; else sudo rabbitmq-server -detached; fi
  wait_port 5672 rabbitmq-server 120
fi
