#!/usr/bin/env bash
# Checks the files under deploy/ with the programs that read them, so a typo
# fails here and not at 3 a.m. on a server. Each check runs when its program
# is on PATH and is reported as skipped otherwise; any failure makes the
# script exit non-zero, after all checks have run.
#
#   deploy/check.sh            (or: make check-deploy)
#
# Programs used, when present:
#   promtool      Debian: apt-get install prometheus
#   nats-server   go install github.com/nats-io/nats-server/v2@v2.15.2
#   nats          go install github.com/nats-io/natscli/nats@v0.5.0
#   systemd-analyze
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")"

failures=()
skipped=()
passed=0

# run NAME CMD...: runs one check, records its result, never exits.
run() {
	local name=$1
	shift
	local out
	if out=$("$@" 2>&1); then
		passed=$((passed + 1))
		echo "ok    $name"
	else
		failures+=("$name")
		echo "FAIL  $name"
		# shellcheck disable=SC2001 # indents every line, not one substitution
		sed 's/^/      /' <<<"$out"
	fi
}

skip() {
	skipped+=("$1")
	echo "skip  $1"
}

have() { command -v "$1" >/dev/null 2>&1; }

# --- Prometheus -------------------------------------------------------------
if have promtool; then
	run "promtool check rules prometheus/alerts.yml" promtool check rules prometheus/alerts.yml
	run "promtool test rules prometheus/alerts_test.yml" promtool test rules prometheus/alerts_test.yml
	run "promtool check config prometheus/prometheus.yml" promtool check config prometheus/prometheus.yml
else
	skip "prometheus/*.yml: promtool not on PATH"
fi

# --- nats-server configuration ----------------------------------------------
if have nats-server; then
	for f in nats/*.conf; do
		run "nats-server -t -c $f" nats-server -c "$f" -t
	done
else
	skip "nats/*.conf: nats-server not on PATH"
fi

# --- stream and consumer definitions ----------------------------------------
# Loads them into a throwaway server on a random loopback port, exactly as an
# operator would with `nats stream add --config`.
check_streams() {
	local tmp pid port
	tmp=$(mktemp -d)
	nats-server -js -a 127.0.0.1 -p -1 -sd "$tmp/store" --ports_file_dir "$tmp" >"$tmp/server.log" 2>&1 &
	pid=$!
	# shellcheck disable=SC2064 # expand now: the trap must kill this server
	trap "kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf '$tmp'" RETURN
	port=""
	for _ in $(seq 50); do
		if compgen -G "$tmp/*.ports" >/dev/null; then
			port=$(grep -o '127\.0\.0\.1:[0-9]*' "$tmp"/*.ports | head -1 | cut -d: -f2)
			[ -n "$port" ] && break
		fi
		sleep 0.1
	done
	if [ -z "$port" ]; then
		echo "nats-server did not start:"
		cat "$tmp/server.log"
		return 1
	fi
	local nats=(nats --no-context --server "nats://127.0.0.1:$port" --timeout 5s)
	local s
	for s in articles events dlq; do
		"${nats[@]}" stream add --config "streams/$s.json" >/dev/null || {
			echo "stream add --config streams/$s.json failed"
			return 1
		}
	done
	"${nats[@]}" consumer add ARTICLES --config streams/consumer-newsflow.json >/dev/null || {
		echo "consumer add ARTICLES --config streams/consumer-newsflow.json failed"
		return 1
	}
	# The server echoes back what it stored: one spot check per file. (Output
	# captured first: grep -q closing the pipe early would fail it.)
	expect() {
		local info
		info=$("${nats[@]}" "${@:3}" --json) || return 1
		grep -q "\"$1\": $2\b" <<<"$info" || {
			echo "${*:3}: want $1 $2"
			return 1
		}
	}
	expect duplicate_window 600000000000 stream info ARTICLES || return 1
	expect max_age 259200000000000 stream info ARTICLES || return 1
	expect duplicate_window 480000000000 stream info EVENTS || return 1
	expect max_age 2592000000000000 stream info DLQ || return 1
	expect max_deliver -1 consumer info ARTICLES newsflow || return 1
	expect max_ack_pending 4096 consumer info ARTICLES newsflow || return 1
}
if have nats-server && have nats; then
	run "streams/*.json load into nats-server" check_streams
else
	skip "streams/*.json: needs both nats-server and nats on PATH"
fi

# --- Go checks ----------------------------------------------------------------
# The deploy module (deploy/go.mod) renders the Helm chart and decodes it
# into the Kubernetes API types, and parses the alert rules as Prometheus
# does; the main module's TestDeploy* run the renders, the stream files and
# the server configs through newsflow's own code.
if have go; then
	run "go test ./... (deploy module)" go test -count=1 ./...
	run "go test -run TestDeploy (newsflow)" bash -c 'cd .. && go test -count=1 -run "^TestDeploy" ./cmd/newsflow/ ./cmd/newsflow/internal/config/ ./pipeline/natsjs/'
else
	skip "deploy module and TestDeploy*: go not on PATH"
fi

# --- systemd unit -----------------------------------------------------------
# verify insists that ExecStart exists; check a copy pointing at /bin/true.
check_unit() {
	local tmp
	tmp=$(mktemp -d)
	# shellcheck disable=SC2064
	trap "rm -rf '$tmp'" RETURN
	sed 's#^ExecStart=/usr/local/bin/newsflow#ExecStart=/bin/true#' systemd/newsflow.service >"$tmp/newsflow.service"
	local out
	out=$(systemd-analyze verify "$tmp/newsflow.service" 2>&1) || {
		echo "$out"
		return 1
	}
	# verify reports unknown keys as warnings and still succeeds.
	if [ -n "$out" ]; then
		echo "$out"
		return 1
	fi
}
if have systemd-analyze; then
	run "systemd-analyze verify systemd/newsflow.service" check_unit
else
	skip "systemd/newsflow.service: systemd-analyze not on PATH"
fi

echo
echo "deploy checks: ${passed} ok, ${#failures[@]} failed, ${#skipped[@]} skipped"
if [ "${#failures[@]}" -gt 0 ]; then
	printf '  failed: %s\n' "${failures[@]}"
	exit 1
fi
