#!/usr/bin/env bash
# Everything Slipway and its tests need on a fresh Debian or Ubuntu machine: Docker Engine (and
# busybox-static for the locally built test images), the aws CLI and boto3, skopeo, HAProxy, openssl,
# debootstrap (for the CodeBuild image), Chromium (the console's browser tests), the npm dependencies,
# the web console's front end, and the CodeBuild image itself.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/provision-docker.sh

updated=
# need CHECK PACKAGE WHY: installs the Debian package when CHECK (a command line) fails.
need() {
  bash -c "$1" >/dev/null 2>&1 && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "setup: installing $2 ($3)"
    [ -n "$updated" ] || { apt-get update -qq >/dev/null; updated=1; }
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2" >/dev/null
  else
    echo "setup: $2 is needed ($3): install it (e.g. sudo apt-get install $2) and run this again" >&2
    exit 1
  fi
}

need 'command -v aws' awscli 'the tests drive Slipway with the aws CLI'
need 'python3 -c "import boto3"' python3-boto3 'the tests drive Slipway with boto3'
need 'command -v skopeo' skopeo 'the registry tests copy images with it'
need 'command -v haproxy' haproxy 'the load balancer data plane'
need 'command -v openssl' openssl 'HTTPS certificates for load balancer listeners, the edge'\''s --tls-port and test targets'
need 'command -v chromium' chromium "the web console's browser tests drive Debian's Chromium"
need 'command -v debootstrap' debootstrap 'Slipway builds its CodeBuild image with it'
need 'command -v git' git 'the git server (git http-backend) and pipeline sources'
need 'command -v unzip' unzip 'pipeline artifacts are unpacked with it'

if [ ! -d node_modules ] || [ package.json -nt node_modules/.package-lock.json ]; then
  echo "setup: installing npm dependencies (better-sqlite3 compiles from source; about a minute)"
  npm install --no-audit --no-fund --loglevel=error
fi
echo "setup: building the web console (console/dist)"
npm run --silent build:console >/dev/null
# Slipway's CodeBuild image (aws/codebuild/standard:* and friends), built here rather than by the
# first build that needs it; kept while its recipe's hash is unchanged, so a second run takes a second.
if [ "$(id -u)" != 0 ]; then
  echo "setup: skipping Slipway's CodeBuild image: debootstrap needs root (run this script once as root, or the first build on a standard image builds it when Slipway runs as root)"
else
  echo "setup: preparing Slipway's CodeBuild image (2 to 5 minutes the first time; one line per percent)"
  node --import tsx src/services/codebuild/prepare-image.ts || echo "setup: the first build on a standard image will build it instead" >&2
fi
echo "setup: ready"
