#!/usr/bin/env bash
# Watcher load: the storage requests per second that the schedule service makes while N WatchSchedule streams are
# held open, for the build before the bounded watchers (BEFORE_REF: every stream polled storage every 250 ms) and for
# this checkout (one poller per conference, backing off to 4 s), each with an idle baseline. Each build gets an
# in-memory Azurite of its own, behind a counting proxy (bench/storage-counter.mjs). Loopback only, bounded in time.
# See bench/README.md, "Watchers".
#   bench/watchers.sh                          300 streams, 30 s window, before and after
#   STREAMS=500 WINDOW=60 bench/watchers.sh
#   ONLY=after bench/watchers.sh               this checkout only (ONLY=before: the old build only)
source "$(dirname "$0")/../scripts/common.sh"
cd "$repo_root"
ensure_dotnet
ensure_npm_tools

: "${STREAMS:=300}"
: "${PER_CALLER:=10}"
: "${WINDOW:=30}"
: "${IDLE:=30}"
: "${WRITES:=3}"
: "${WRITE_GAP:=2}"
: "${OPEN_TIMEOUT:=60}"
: "${BEFORE_REF:=0788d6c^}"
: "${ONLY:=}"
bin="bin/Release/net10.0"
client="bench/NetconfCloud.Bench.Watchers/$bin/NetconfCloud.Bench.Watchers.dll"
# Every run is bounded: the client by this, the counting proxy by the same, Azurite and the service by the trap below.
budget=$((IDLE + WINDOW + OPEN_TIMEOUT + WRITES * WRITE_GAP + 120))
logs="$repo_root/.artifacts/bench-watchers"
work="$(mktemp -d "${TMPDIR:-/tmp}/netconf-watchers.XXXXXX")"
before_tree="$work/before"
rm -rf "$logs"
mkdir -p "$logs"

pids=()
stop_all() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  pids=()
}
cleanup() {
  trap - EXIT INT TERM
  stop_all
  if [[ -d "$before_tree" ]]; then
    git worktree remove --force "$before_tree" >/dev/null 2>&1 || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT INT TERM

# Waits for a line in a log file, or for the process to die.
wait_for_line() { # pid file pattern seconds what
  local deadline=$((SECONDS + $4))
  until grep -qE "$3" "$2" 2>/dev/null; do
    if ! kill -0 "$1" 2>/dev/null; then echo "error: $5 stopped; see $2" >&2; tail -20 "$2" >&2; exit 1; fi
    if ((SECONDS > deadline)); then echo "error: $5 did not start in $4 s; see $2" >&2; exit 1; fi
    sleep 0.2
  done
}

# Three free loopback ports, held together while they are chosen so that they differ.
free_ports() {
  node -e '
    const net = require("net");
    const servers = [0, 1, 2].map(() => net.createServer());
    Promise.all(servers.map(s => new Promise(r => s.listen(0, "127.0.0.1", r)))).then(() => {
      console.log(servers.map(s => s.address().port).join(" "));
      servers.forEach(s => s.close());
    });'
}

# One build: Azurite, the counting proxy in front of it, the service from $2, then the client; all stopped after.
run_one() { # label service-output-directory
  local label="$1" dir="$2" azurite_port proxy_port service_port
  read -r azurite_port proxy_port service_port < <(free_ports)
  say "[$label] Azurite (in memory) on 127.0.0.1:$azurite_port, counted through 127.0.0.1:$proxy_port"
  node node_modules/azurite/dist/src/table/main.js --tableHost 127.0.0.1 --tablePort "$azurite_port" \
    --inMemoryPersistence --skipApiVersionCheck --disableProductStyleUrl >"$logs/$label-azurite.log" 2>&1 &
  pids+=($!)
  wait_for_line "$!" "$logs/$label-azurite.log" "successfully started" 60 "Azurite"
  node bench/storage-counter.mjs --listen "$proxy_port" --target "$azurite_port" --max-seconds $((budget + 120)) \
    >"$logs/$label-counter.log" 2>&1 &
  pids+=($!)
  wait_for_line "$!" "$logs/$label-counter.log" "listening" 30 "The storage counter"

  say "[$label] the schedule service on 127.0.0.1:$service_port"
  local storage="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;TableEndpoint=http://127.0.0.1:${proxy_port}/devstoreaccount1;"
  ASPNETCORE_ENVIRONMENT=Development Storage__ConnectionString="$storage" \
    dotnet "$dir/NetconfCloud.ScheduleService.dll" --urls "http://127.0.0.1:$service_port" --contentRoot "$dir" \
    >"$logs/$label-service.log" 2>&1 &
  pids+=($!)
  wait_for_line "$!" "$logs/$label-service.log" "Seeded conference|in storage already" 90 "The schedule service"

  local status=0
  timeout "$budget" dotnet "$client" --label "$label" --address "http://127.0.0.1:$service_port" \
    --counter "http://127.0.0.1:$proxy_port/_counter" --streams "$STREAMS" --per-caller "$PER_CALLER" \
    --idle "$IDLE" --window "$WINDOW" --writes "$WRITES" --write-gap "$WRITE_GAP" --open-timeout "$OPEN_TIMEOUT" \
    2>&1 | tee "$logs/$label-bench.log" || status=$?
  stop_all
  if ((status != 0)); then
    echo "warning: the $label run did not end clean (exit $status); see $logs/$label-bench.log" >&2
  fi
}

if [[ "${NETCONF_SKIP_BUILD:-}" != 1 ]]; then
  say "Building the bench client and this checkout's schedule service"
  dotnet build bench/NetconfCloud.Bench.Watchers -c Release -nologo -v quiet -clp:ErrorsOnly >/dev/null
  dotnet build src/NetconfCloud.ScheduleService -c Release -nologo -v quiet -clp:ErrorsOnly >/dev/null
fi

if [[ "$ONLY" != after ]]; then
  say "Building the schedule service at $BEFORE_REF ($(git rev-parse --short "$BEFORE_REF")) in $before_tree"
  git worktree add --detach --quiet "$before_tree" "$BEFORE_REF"
  dotnet build "$before_tree/src/NetconfCloud.ScheduleService" -c Release -nologo -v quiet -clp:ErrorsOnly >/dev/null
  run_one before "$before_tree/src/NetconfCloud.ScheduleService/$bin"
fi
if [[ "$ONLY" != before ]]; then
  run_one after "$repo_root/src/NetconfCloud.ScheduleService/$bin"
fi

say "Watchers: $STREAMS streams ($PER_CALLER per caller) held ${WINDOW} s; idle baseline ${IDLE} s; before = $BEFORE_REF, after = $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src || echo ' with local changes')"
cat "$logs"/before-bench.log "$logs"/after-bench.log 2>/dev/null | awk -F'\t' -v streams="$STREAMS" -v writes="$WRITES" '
  $1 == "result" {
    delete r
    for (i = 2; i <= NF; i++) { split($i, kv, "="); r[kv[1]] = kv[2] }
    rows[++n] = sprintf("%-7s %11.2f %17.2f %15.2f %12s %16s %14s  %s", r["label"], r["idle_rps"], r["watch_rps"],
      r["watch_changelog_rps"], r["still_open"] "/" r["streams"], r["streams_with_all"] "/" r["opened"],
      sprintf("%.0f/%.0f", r["delivery_p50_ms"], r["delivery_max_ms"]), r["caller_cap_probe"])
  }
  END {
    printf "%-7s %11s %17s %15s %12s %16s %14s  %s\n", "build", "idle req/s", streams " streams req/s", "change-log q/s",
      "open at end", "got all " writes " writes", "p50/max ms", "a caller'"'"'s 11th stream"
    for (i = 1; i <= n; i++) print rows[i]
  }'
echo "Logs: $logs"
