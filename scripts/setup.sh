#!/usr/bin/env bash
# Everything Slipway and its tests need on a fresh Debian or Ubuntu machine: Docker Engine (and
# busybox-static for the locally built test images), the aws CLI, skopeo, HAProxy, debootstrap (for the
# CodeBuild image), and the npm dependencies.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/provision-docker.sh

if ! command -v aws >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "setup: installing the aws CLI (Debian package awscli)"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq awscli >/dev/null
  else
    echo "setup: the aws CLI is needed by the tests: install it (e.g. sudo apt-get install awscli) and run this again" >&2
    exit 1
  fi
fi

if ! command -v skopeo >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "setup: installing skopeo (Debian package skopeo), which the registry tests drive"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq skopeo >/dev/null
  else
    echo "setup: skopeo is needed by the registry tests: install it (e.g. sudo apt-get install skopeo) and run this again" >&2
    exit 1
  fi
fi

if ! command -v haproxy >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "setup: installing HAProxy (Debian package haproxy), the load balancer data plane"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq haproxy >/dev/null
  else
    echo "setup: HAProxy carries load balancer traffic: install it (e.g. sudo apt-get install haproxy) and run this again" >&2
    exit 1
  fi
fi

if ! command -v debootstrap >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "setup: installing debootstrap (Debian package debootstrap), with which Slipway builds its CodeBuild image"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap >/dev/null
  else
    echo "setup: debootstrap is needed to build Slipway's CodeBuild image: install it (e.g. sudo apt-get install debootstrap) and run this again" >&2
    exit 1
  fi
fi

if [ ! -d node_modules ] || [ package.json -nt node_modules/.package-lock.json ]; then
  echo "setup: installing npm dependencies (better-sqlite3 compiles from source; about a minute)"
  npm install --no-audit --no-fund --loglevel=error
fi
echo "setup: ready"
