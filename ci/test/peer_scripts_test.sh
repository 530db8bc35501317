#!/usr/bin/env bash
# Runs ci/scripts/start-peer.sh and stop-peer.sh for real: a WebSocket echo
# server (python3-websockets, or `wsconform echo-server` when WSCONFORM names a
# built binary) is started, answers, is stopped by its PID file, and leaves no
# process behind. Exit 77 (skip) when neither peer is available.
source "$(dirname "$0")/lib.sh"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

peers=()
if py=$(ws_python); then peers+=(python); fi
if [[ -n ${WSCONFORM:-} && -x ${WSCONFORM} ]]; then peers+=(wsconform); fi
if ((${#peers[@]} == 0)); then echo "SKIP: no python3-websockets and no wsconform binary"; exit 77; fi

for peer in "${peers[@]}"; do
  port=$(free_port)
  pidf="$tmp/$peer.pid"
  if [[ $peer == python ]]; then
    cmd=("$py" "$here/ws_echo_server.py" "$port")
  else
    cmd=("$WSCONFORM" echo-server --port "$port")
  fi
  if "$scripts/start-peer.sh" --port "$port" --pid-file "$pidf" --timeout 30 -- "${cmd[@]}"; then
    pass "$peer: start-peer.sh returned once port $port listened"
  else
    fail "$peer: start-peer.sh failed"; continue
  fi
  pid=$(<"$pidf")
  [[ -f $tmp/$peer.log ]] && pass "$peer: the log sits next to the PID file" || fail "$peer: no log file"
  kill -0 "$pid" 2>/dev/null && pass "$peer: PID $pid is alive" || fail "$peer: PID $pid is not alive"
  if [[ -n ${py:-} ]]; then
    "$py" "$here/ws_echo_check.py" "$port" && pass "$peer: it echoes a WebSocket message" ||
      fail "$peer: no WebSocket echo"
  fi
  "$scripts/stop-peer.sh" "$pidf" && pass "$peer: stop-peer.sh succeeded" || fail "$peer: stop-peer.sh failed"
  [[ ! -e $pidf ]] && pass "$peer: PID file removed" || fail "$peer: PID file left behind"
  if kill -0 "$pid" 2>/dev/null || kill -0 -- "-$pid" 2>/dev/null; then
    fail "$peer: process (group) $pid survived"
  else
    pass "$peer: no orphan left in process group $pid"
  fi
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then fail "$peer: port $port still open"; else pass "$peer: port $port closed"; fi
done

# A peer that exits at once: start-peer.sh fails fast and cleans up.
port=$(free_port)
start=$SECONDS
if "$scripts/start-peer.sh" --port "$port" --pid-file "$tmp/dead.pid" --timeout 20 -- sh -c 'echo boom; exit 3' 2>"$tmp/dead.err"; then
  fail "a command that exits did not fail start-peer.sh"
else
  ((SECONDS - start < 10)) && pass "a command that exits fails start-peer.sh at once" || fail "start-peer.sh waited for the timeout"
  grep -q boom "$tmp/dead.err" && pass "its output is shown" || fail "its output is not shown"
  [[ ! -e $tmp/dead.pid ]] && pass "no PID file is left" || fail "a PID file is left"
fi

# A peer that never listens: the timeout stops it and its children.
port=$(free_port)
dur="31$$"  # an unusual sleep length marks this test's processes
if "$scripts/start-peer.sh" --port "$port" --pid-file "$tmp/mute.pid" --timeout 2 -- sh -c "sleep $dur & sleep $dur" 2>/dev/null; then
  fail "a command that never listens did not fail start-peer.sh"
else
  pass "a command that never listens fails after --timeout"
  sleep 0.3
  if pgrep -f "sleep $dur" >/dev/null; then fail "its processes survived"; else pass "it and its child were stopped"; fi
  [[ ! -e $tmp/mute.pid ]] && pass "the timed-out peer's PID file is removed" || fail "PID file left after timeout"
fi

# Bad usage.
"$scripts/start-peer.sh" --port x --pid-file "$tmp/p" -- true 2>/dev/null && fail "bad port accepted" || pass "bad usage exits non-zero"
"$scripts/stop-peer.sh" "$tmp/absent.pid" >/dev/null && pass "stopping an absent peer is fine" || fail "stop-peer.sh failed on an absent PID file"
finish
