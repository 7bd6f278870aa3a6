# Redis, and the real workers the backend-redis interop tests start: Sidekiq 6 with ActiveJob (Ruby), RQ
# (Python, run with /usr/bin/python3's packages) and npm's node-resque (into examples/redis/node_modules).
# openssl makes the certificate of the TLS test (cli RedisTlsIT), which starts its own redis-server.
apt_install redis-server redis-tools openssl ruby-sidekiq ruby-activejob python3-rq
command -v node >/dev/null || apt_install nodejs
command -v npm >/dev/null || apt_install npm

if ! port_open 6379; then
  log "starting redis-server on 127.0.0.1:6379"
  redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no
  wait_port 6379 redis-server 30
fi

if [ ! -f "$BUGLE_ROOT/examples/redis/node_modules/node-resque/package.json" ]; then
  log "installing node-resque into examples/redis/node_modules"
  (cd "$BUGLE_ROOT/examples/redis" && npm ci --no-audit --no-fund --loglevel=error)
fi
