#!/usr/bin/env bash
# Stops a peer started by start-peer.sh: SIGTERM to its process group, SIGKILL
# after --timeout seconds if anything of it is still alive, then removes the PID
# file. Only the processes of that group are signalled.
#
#   stop-peer.sh PID_FILE [--timeout 10]
#
# Exit 0 when nothing of the peer is left (also when it had exited already).
set -euo pipefail

pid_file=${1:-}
[[ -n $pid_file ]] || { echo "usage: stop-peer.sh PID_FILE [--timeout 10]" >&2; exit 2; }
shift
timeout=10
if [[ ${1:-} == --timeout ]]; then timeout=$2; fi
if [[ ! -f $pid_file ]]; then
  echo "stop-peer.sh: no PID file $pid_file; nothing to stop"
  exit 0
fi
pid=$(<"$pid_file")
[[ $pid =~ ^[0-9]+$ ]] || { echo "stop-peer.sh: $pid_file does not hold a PID" >&2; exit 2; }

# start-peer.sh ran the peer with setsid, so its PID is also its process group.
group_alive() { kill -0 -- "-$pid" 2>/dev/null; }

if group_alive; then
  kill -TERM -- "-$pid" 2>/dev/null || true
  deadline=$((SECONDS + timeout))
  while group_alive && ((SECONDS < deadline)); do sleep 0.1; done
  if group_alive; then
    echo "stop-peer.sh: process group $pid ignored SIGTERM for ${timeout}s; sending SIGKILL" >&2
    kill -KILL -- "-$pid" 2>/dev/null || true
    sleep 0.2
  fi
fi
rm -f "$pid_file"
if group_alive; then
  echo "stop-peer.sh: process group $pid is still alive" >&2
  exit 1
fi
echo "stop-peer.sh: stopped $pid"
