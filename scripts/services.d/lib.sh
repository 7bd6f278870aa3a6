# Helpers shared by the parts of scripts/services.
log() { printf '[services] %s\n' "$*" >&2; }

apt_updated=""
# apt_install PKG...: installs the Debian packages that are missing.
apt_install() {
  local missing=()
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  local sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  if [ -z "$apt_updated" ]; then $sudo apt-get update -qq; apt_updated=1; fi
  log "installing ${missing[*]}"
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# port_open PORT: true when something listens on 127.0.0.1:PORT.
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# wait_port PORT NAME [SECONDS]: waits for a listener, or fails naming the service.
wait_port() {
  local i
  for ((i = 0; i < ${3:-60} * 4; i++)); do port_open "$1" && return 0; sleep 0.25; done
  log "$2 did not start listening on 127.0.0.1:$1"; return 1
}
