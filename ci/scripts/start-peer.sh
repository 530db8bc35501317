#!/usr/bin/env bash
# Starts the WebSocket peer under test in the background and waits until it
# accepts TCP connections, so the conformance run that follows does not race it.
#
#   start-peer.sh --port PORT --pid-file FILE [--host 127.0.0.1] [--timeout 30]
#                 [--log FILE] -- COMMAND [ARGS...]
#
# The command runs in its own session (setsid), so stop-peer.sh can end it and
# every process it started with one signal to the group. Exit 0 once the port
# answers; 1 if the command exits first or the port stays closed past --timeout
# (the command is stopped then, and its log is printed); 2 on bad usage.
set -euo pipefail

host=127.0.0.1 port= pid_file= timeout=30 log=
usage() { sed -n '5,6p' "$0" >&2; exit 2; }
while [[ $# -gt 0 ]]; do
  case $1 in
    --host) host=$2; shift 2 ;;
    --port) port=$2; shift 2 ;;
    --pid-file) pid_file=$2; shift 2 ;;
    --timeout) timeout=$2; shift 2 ;;
    --log) log=$2; shift 2 ;;
    --) shift; break ;;
    *) echo "start-peer.sh: unknown option $1" >&2; usage ;;
  esac
done
[[ -n $port && -n $pid_file && $# -gt 0 ]] || usage
[[ $port =~ ^[0-9]+$ && $timeout =~ ^[0-9]+$ ]] || usage
[[ -n $log ]] || log="${pid_file%.pid}.log"

port_open() { (exec 3<>"/dev/tcp/$host/$port") 2>/dev/null; }

if port_open; then
  echo "start-peer.sh: something already listens on $host:$port" >&2
  exit 1
fi

setsid "$@" >"$log" 2>&1 </dev/null &
pid=$!
echo "$pid" >"$pid_file"

deadline=$((SECONDS + timeout))
until port_open; do
  if ! kill -0 "$pid" 2>/dev/null; then
    wait "$pid" && status=0 || status=$?
    echo "start-peer.sh: '$*' exited with status $status before listening on $host:$port; its output:" >&2
    cat "$log" >&2 || true
    rm -f "$pid_file"
    exit 1
  fi
  if ((SECONDS >= deadline)); then
    echo "start-peer.sh: nothing listens on $host:$port after ${timeout}s; stopping '$*'; its output:" >&2
    cat "$log" >&2 || true
    "$(dirname "$0")/stop-peer.sh" "$pid_file" >/dev/null 2>&1 || true
    exit 1
  fi
  sleep 0.2
done
echo "start-peer.sh: '$*' listens on $host:$port (pid $pid, log $log)"
