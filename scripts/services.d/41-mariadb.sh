# MariaDB on 127.0.0.1:3306 with a database `test`, user root with an empty password over TCP:
# backend-jobrunr runs its enqueuer contract on it too (JobRunr's MariaDB storage).
apt_install mariadb-server mariadb-client
maria_sudo() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
if ! port_open 3306; then
  log "starting MariaDB"
  if [ -x /etc/init.d/mariadb ]; then
    maria_sudo /etc/init.d/mariadb start >/dev/null
  else
    maria_sudo sh -c 'mysqld_safe >/dev/null 2>&1 &'
  fi
  wait_port 3306 MariaDB 60
fi
if ! mysql -h 127.0.0.1 -u root -e 'select 1' >/dev/null 2>&1; then
  # Debian's root logs in by unix socket only; allow root with an empty password from 127.0.0.1.
  log "allowing MariaDB root from 127.0.0.1 with an empty password"
  maria_sudo mysql -u root -e "CREATE USER IF NOT EXISTS 'root'@'127.0.0.1' IDENTIFIED BY '';
    GRANT ALL PRIVILEGES ON *.* TO 'root'@'127.0.0.1' WITH GRANT OPTION; FLUSH PRIVILEGES;"
fi
mysql -h 127.0.0.1 -u root -e 'CREATE DATABASE IF NOT EXISTS test'
