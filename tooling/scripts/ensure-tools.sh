#!/usr/bin/env bash
# Makes sure the system tools the tests talk to are present: Debian's `prometheus` package gives
# `prometheus` and `promtool` (rule checks, rule unit tests, the parity test against a real Prometheus).
# Installs them with apt-get when missing and this user can (root, or sudo without a password);
# otherwise says what to run and fails, because those tests must not be skipped silently.
set -euo pipefail

if command -v promtool >/dev/null 2>&1 && command -v prometheus >/dev/null 2>&1; then
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "ensure-tools: promtool/prometheus are missing and there is no apt-get here." >&2
  echo "Install Prometheus 2.x so that 'prometheus' and 'promtool' are on PATH, then run the tests again." >&2
  exit 1
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if sudo -n true 2>/dev/null; then SUDO="sudo -n"; else
    echo "ensure-tools: run 'sudo apt-get install -y prometheus' once, then run the tests again." >&2
    exit 1
  fi
fi
echo "ensure-tools: installing Debian's prometheus package (prometheus, promtool)..."
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends prometheus >/dev/null
# Where systemd runs, Debian starts a Prometheus service on :9090; the tests start their own instances.
$SUDO pkill -x prometheus 2>/dev/null || true
