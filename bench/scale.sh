#!/usr/bin/env bash
# How cost grows with the size of an agenda. Starts a system of its own as ./run does (Azurite, the schedule service
# seeded with Netconf 2015, the feeds worker under our local Functions host), but with Azurite in memory and every
# server on a free port of 127.0.0.1, so that it neither needs nor touches ./run or its .data/. Then
# bench/NetconfCloud.Bench.Scale:
#
#   1. builds synthetic agendas of SIZES sessions (1,000 and 10,000: Europe/Brussels across the switch to summer time,
#      30 rooms, tracks, speakers with 1-3 talks, abstracts of a few hundred characters, no clashes) and applies each
#      with ImportAgenda (client stream) to its own conference, scale-1000 and scale-10000, timed;
#   2. reads each whole through gRPC: ReadAgenda (the whole stream), and ListSessions 100 a page to the end; each
#      cold (the first read after the import, or after an edit of the conference's details) and warm (median of 5);
#   3. GET /api/{conference}/calendar.ics on the Functions host: the first request (the worker reads the agenda over
#      gRPC and renders it), then a second;
#   4. UpdateSession of a title, and a move, in netconf-2015 (30 sessions) and in scale-10000: median of WRITES each (after 3 rounds not measured);
#   5. VmRSS of the schedule service and of the feeds worker process, at the start and after step 3;
#   6. prints a table and the ratios against the targets.
#
# Before measuring, one small agenda (scale-warmup, 200 sessions) goes through steps 1-3 unmeasured, so that the
# first size does not pay for compiling code paths. A wrong answer (a count, a status) fails the run (exit 1); a
# missed target is reported, not a failure. Bounded: each server has 90 s to start, the bench TIME_LIMIT_MINUTES in
# all (and every call a deadline). Needs .NET 10, Node.js (Azurite from package-lock.json), python3 and pgrep.
source "$(dirname "$0")/../scripts/common.sh"
cd "$repo_root"
ensure_dotnet
ensure_npm_tools
need python3 "for free ports"
need pgrep "to find the feeds worker (procps)"

: "${CONFIGURATION:=Release}"
: "${SIZES:=1000,10000}"
: "${WRITES:=10}"
: "${TIME_LIMIT_MINUTES:=20}"
bin="bin/${CONFIGURATION}/net10.0"

if [[ "${NETCONF_SKIP_BUILD:-}" != 1 ]]; then
  say "Building"
  dotnet build NetconfCloud.sln -c "$CONFIGURATION" -nologo -v quiet -clp:ErrorsOnly
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/netconf-scale.XXXXXX")
pids=()
keep_logs="${KEEP_LOGS:-}"
cleanup() {
  local status=$?
  trap - EXIT INT TERM
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  if [[ "$status" -ne 0 || "$keep_logs" == 1 ]]; then
    echo "Logs kept in $work" >&2
  else
    rm -rf "$work"
  fi
  exit "$status"
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

read -r table_port schedule_port feeds_port < <(python3 -c '
import socket
sockets = [socket.socket() for _ in range(3)]
for s in sockets: s.bind(("127.0.0.1", 0))
print(*(s.getsockname()[1] for s in sockets))')
schedule="http://127.0.0.1:${schedule_port}"
feeds="http://127.0.0.1:${feeds_port}/api"

say "Starting Azurite (tables, in memory) on 127.0.0.1:${table_port}"
node node_modules/azurite/dist/src/table/main.js --tableHost 127.0.0.1 --tablePort "$table_port" --inMemoryPersistence \
  --skipApiVersionCheck --disableProductStyleUrl >"$work/azurite.log" 2>&1 &
pids+=($!)
wait_for_line "${pids[-1]}" "$work/azurite.log" "successfully started" 60 "Azurite"

storage="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;TableEndpoint=http://127.0.0.1:${table_port}/devstoreaccount1;"

say "Starting the schedule service on ${schedule}"
ASPNETCORE_ENVIRONMENT=Development Storage__ConnectionString="$storage" \
  dotnet src/NetconfCloud.ScheduleService/$bin/NetconfCloud.ScheduleService.dll --urls "$schedule" \
    --contentRoot "$repo_root/src/NetconfCloud.ScheduleService/$bin" \
  >"$work/schedule-service.log" 2>&1 &
pids+=($!)
service_pid=$!
wait_for_line "$service_pid" "$work/schedule-service.log" "Seeded conference|in storage already" 90 "The schedule service"

say "Starting the feeds (Functions worker under the local host) on http://127.0.0.1:${feeds_port}"
ScheduleService__Address="$schedule" Feeds__PublicBaseUrl="$feeds" AZURE_FUNCTIONS_ENVIRONMENT=Development \
  dotnet src/NetconfCloud.FunctionsHost/$bin/functions-host.dll \
  --app "$repo_root/src/NetconfCloud.FeedFunctions/$bin" --port "$feeds_port" \
  >"$work/feeds.log" 2>&1 &
pids+=($!)
host_pid=$!
wait_for_line "$host_pid" "$work/feeds.log" "Functions host ready" 90 "The feeds"

# The worker is the host's child process running the Functions app.
worker_pid=""
for child in $(pgrep -P "$host_pid"); do
  if tr '\0' ' ' <"/proc/$child/cmdline" | grep -q "NetconfCloud.FeedFunctions.dll"; then worker_pid=$child; fi
done
[[ -n "$worker_pid" ]] || { echo "error: no feeds worker process under the Functions host (pid $host_pid)" >&2; exit 1; }
pids+=("$worker_pid")

say "Measuring (sizes ${SIZES}; at most ${TIME_LIMIT_MINUTES} min)"
timeout $((TIME_LIMIT_MINUTES * 60 + 30)) dotnet "bench/NetconfCloud.Bench.Scale/$bin/NetconfCloud.Bench.Scale.dll" \
  --schedule "$schedule" --feeds "$feeds" --service-pid "$service_pid" --worker-pid "$worker_pid" \
  --sizes "$SIZES" --writes "$WRITES" --time-limit-minutes "$TIME_LIMIT_MINUTES"
