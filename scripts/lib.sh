# shellcheck shell=bash
# Helpers shared by the scripts in this folder. Sourced, never run; it sets no shell options,
# so that sourcing it leaves the caller's `set` flags as they were.

# Prints a TCP port on 127.0.0.1 that nothing listens on. Pure bash (no python or ss needed on
# a bare machine): a refused connection means the port is free. The port is taken below the
# kernel's ephemeral range: a port inside it may be the local end of any outgoing connection
# (a test's client, a PostgreSQL session), which no probe sees and which makes our bind fail with
# "Address already in use". Another process may still take the port before we bind; the callers
# then fail loudly instead of silently sharing a port.
free_port() {
  local port _ low=32768 high
  read -r low _ </proc/sys/net/ipv4/ip_local_port_range 2>/dev/null || true
  high=$((low > 12000 ? low : 32768))
  for _ in {1..100}; do
    port=$((10000 + RANDOM % (high - 10000)))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return 0
    fi
  done
  echo "no free port found on 127.0.0.1" >&2
  return 1
}

# wait_ready URL PID LOG [TIMEOUT_SECONDS]: polls URL until it answers 2xx. Fails early when the
# server process has died, and in both failure cases shows the server log's tail, because that is
# where the reason is.
wait_ready() {
  local url=$1 pid=$2 log=$3 timeout=${4:-60}
  local deadline=$((SECONDS + timeout))
  until curl -fs -o /dev/null --max-time 2 "$url"; do
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "error: the server exited before $url answered; last lines of $log:" >&2
      tail -n 40 "$log" >&2
      return 1
    fi
    if ((SECONDS >= deadline)); then
      echo "error: $url did not answer 2xx within ${timeout}s; last lines of $log:" >&2
      tail -n 40 "$log" >&2
      return 1
    fi
    sleep 0.5
  done
}

# stop_process PID: TERM, a grace period for a clean shutdown, then KILL.
stop_process() {
  local pid=$1 _
  kill -TERM "$pid" 2>/dev/null || return 0
  for _ in {1..50}; do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.2
  done
  kill -KILL "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}

# demo_token URL: signs in as the demo curator at the server at URL and prints the access token;
# fails, saying why, when the login or its answer is not what it should be.
demo_token() {
  local response token
  response=$(curl -fsS -H 'Content-Type: application/json' \
    -d '{"email":"curator@demo.nastavnik.ru","password":"demo-password-2026"}' "$1/api/v1/auth/login") ||
    { echo "demo login at $1 failed" >&2; return 1; }
  token=$(sed -n 's/.*"access_token"[[:space:]]*:[[:space:]]*"\([^"]*\)".*/\1/p' <<<"$response")
  [[ -n $token ]] || { echo "no access_token in the login response: $response" >&2; return 1; }
  echo "$token"
}
