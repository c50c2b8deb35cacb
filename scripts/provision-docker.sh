#!/usr/bin/env bash
# Makes sure a Docker Engine answers `docker info`, and that Debian's static busybox (used to build
# the test images without any registry) is installed. Safe to run again: it only does what is missing.
# As root on Debian/Ubuntu it installs docker.io and busybox-static and starts dockerd; otherwise it
# prints one line saying what the user must do and exits 1.
set -euo pipefail

HELP='Docker Engine is required: install it (e.g. sudo apt-get install docker.io) and make sure `docker info` works for this user.'
DOCKERD_LOG=/var/log/slipway-dockerd.log

is_root() { [ "$(id -u)" -eq 0 ]; }
is_debian() { [ -f /etc/debian_version ] && command -v apt-get >/dev/null 2>&1; }
docker_ok() { command -v docker >/dev/null 2>&1 && docker info >/dev/null 2>&1; }
installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }

# apt-get update only when a wanted package has no install candidate (empty or stale lists).
apt_install() {
  local missing=()
  for pkg in "$@"; do installed "$pkg" || missing+=("$pkg"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  for pkg in "${missing[@]}"; do
    if apt-cache policy "$pkg" 2>/dev/null | grep -q 'Candidate: (none)' || ! apt-cache show "$pkg" >/dev/null 2>&1; then
      apt-get update -qq
      break
    fi
  done
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
}

start_dockerd() {
  # With systemd running, let it manage the daemon; otherwise run dockerd ourselves.
  if [ -d /run/systemd/system ] && command -v systemctl >/dev/null 2>&1; then
    systemctl start docker
  elif ! pgrep -x dockerd >/dev/null 2>&1; then
    nohup dockerd >>"$DOCKERD_LOG" 2>&1 &
  fi
  for _ in $(seq 1 60); do
    docker_ok && return 0
    sleep 1
  done
  echo "dockerd did not answer within 60 s; see $DOCKERD_LOG" >&2
  return 1
}

if docker_ok; then
  # Tests still need the static busybox; install it when we can, never fail over it here.
  if is_root && is_debian && ! installed busybox-static; then apt_install busybox-static || true; fi
  exit 0
fi

if ! is_root || ! is_debian; then
  echo "$HELP" >&2
  exit 1
fi

apt_install docker.io busybox-static
start_dockerd
