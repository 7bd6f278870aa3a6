# PostgreSQL on 127.0.0.1:5432 with a database `test` and trust auth for 127.0.0.1 (users postgres and root):
# JobRunr's SQL storage for backend-jobrunr and its example worker, and delayed_job's database.
apt_install postgresql
pg_as_postgres() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else sudo -u postgres "$@"; fi; }
pg_sudo() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
pg_version="$(ls /usr/lib/postgresql | sort -V | tail -1)"
if [ -z "$(pg_lsclusters -h 2>/dev/null | awk -v v="$pg_version" '$1 == v && $2 == "main"')" ]; then
  log "creating PostgreSQL $pg_version cluster main"
  pg_sudo pg_createcluster "$pg_version" main >/dev/null
fi
pg_hba="/etc/postgresql/$pg_version/main/pg_hba.conf"
pg_changed=""
if ! grep -qE '^host[[:space:]]+all[[:space:]]+all[[:space:]]+127\.0\.0\.1/32[[:space:]]+trust' "$pg_hba"; then
  log "trusting local TCP connections (127.0.0.1) in $pg_hba"
  # The first matching line wins, so the trust line goes first.
  pg_sudo sed -i '1i host all all 127.0.0.1/32 trust' "$pg_hba"
  pg_changed=1
fi
if ! port_open 5432; then
  log "starting PostgreSQL $pg_version"
  pg_sudo pg_ctlcluster --skip-systemctl-redirect "$pg_version" main start
  wait_port 5432 PostgreSQL 60
elif [ -n "$pg_changed" ]; then
  pg_sudo pg_ctlcluster --skip-systemctl-redirect "$pg_version" main reload
fi
if [ "$(pg_as_postgres psql -tAc "select 1 from pg_roles where rolname = 'root'")" != "1" ]; then
  pg_as_postgres psql -qc "create role root superuser login"
fi
if [ "$(pg_as_postgres psql -tAc "select 1 from pg_database where datname = 'test'")" != "1" ]; then
  log "creating PostgreSQL database test"
  pg_as_postgres createdb test
fi
