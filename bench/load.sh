#!/usr/bin/env bash
# Load on a running NetconfCloud (./run in another terminal), on 127.0.0.1 only. One run measures five calls, each
# for DURATION seconds after WARMUP unmeasured seconds, and prints req/s, p50 and p99 for each, then the ratios of
# each call to the cheapest call of its server, with their targets:
#
#   feeds, HTTP/1.1, wrk (THREADS threads, CONNECTIONS connections, the same for all three):
#     day feed       GET /api/netconf-2015/days/2015-02-12.ics                    expects 200 (iCalendar)
#     304            the same with If-None-Match: <its ETag>                      expects 304 (no body)
#     health         GET /api/health, a function that only answers                expects 200 (404 until it exists)
#     page           GET /api/netconf-2015, the attendee page                     expects 200 (HTML)
#     page, br       the same with Accept-Encoding: br                            expects 200 (HTML, Brotli)
#     my agenda      GET /api/netconf-2015/my/<id>/calendar.ics, a personal feed    expects 200 (made before the run
#                    with three talks; each request reads the personal agenda through the schedule service)
#   schedule service, gRPC over HTTP/2 cleartext, h2load (GRPC_CONNECTIONS connections x GRPC_STREAMS streams each):
#     ListSessions   netconf.schedule.v1.ScheduleService/ListSessions, whole conference, page_size 100
#     Check          grpc.health.v1.Health/Check, service "" (the whole server; answered from the health cache)
#
#   ratios (req/s)   day feed / health >= 0.8, 304 / health >= 0.9, ListSessions / Check >= 0.6, page / day feed and
#                    page, br / day feed >= 0.8; page / health and my agenda / health are printed without a target
#
# Bounds: every tool runs under `timeout`; wrk stops each run after MAX_REQUESTS requests at most (a Lua counter),
# h2load after DURATION seconds (in timing mode it has no request cap, so its bound is its time).
# Exits 1 when a call does not answer as expected (GET /api/health included: everything is still measured and
# printed first, and the ratios against health are marked as meaningless), 2 on a bad setting.
# Needs wrk and h2load (Debian packages wrk and nghttp2-client; installed with apt-get when missing and run as root),
# curl and python3.
set -euo pipefail
: "${FEEDS:=http://127.0.0.1:7071}"
: "${SCHEDULE:=http://127.0.0.1:5100}"
: "${DURATION:=10}"
: "${WARMUP:=10}"
: "${THREADS:=2}"
: "${CONNECTIONS:=32}"
: "${GRPC_CONNECTIONS:=4}"
: "${GRPC_STREAMS:=8}"
: "${MAX_REQUESTS:=2000000}"

for url in "$FEEDS" "$SCHEDULE"; do
  [[ "$url" =~ ^http://127\.0\.0\.1:[0-9]+$ ]] || { echo "error: $url: load goes to http://127.0.0.1:PORT only" >&2; exit 2; }
done
for n in "$DURATION" "$WARMUP" "$THREADS" "$CONNECTIONS" "$GRPC_CONNECTIONS" "$GRPC_STREAMS" "$MAX_REQUESTS"; do
  [[ "$n" =~ ^[1-9][0-9]*$ ]] || { echo "error: '$n': the settings are whole numbers above 0" >&2; exit 2; }
done

missing=()
command -v wrk >/dev/null || missing+=(wrk)
command -v h2load >/dev/null || missing+=(nghttp2-client)
if ((${#missing[@]})); then
  if [[ "$(id -u)" -ne 0 ]]; then
    echo "error: needs ${missing[*]} (Debian: sudo apt-get install ${missing[*]})" >&2
    exit 1
  fi
  echo "Installing ${missing[*]}" >&2
  apt-get install -y -qq "${missing[@]}" >/dev/null || { apt-get update -qq && apt-get install -y -qq "${missing[@]}" >/dev/null; }
fi
for tool in curl python3; do command -v "$tool" >/dev/null || { echo "error: $tool is needed" >&2; exit 1; }; done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=()

# gRPC request bodies, each one length-prefixed message: a compressed flag (0), the length (4 bytes, big-endian), and
# the protobuf bytes, written here from the field numbers in protos/ (no protoc needed):
#   netconf.schedule.v1.ListSessionsRequest { conference_id (1, string) = "netconf-2015", page_size (5, int32) = 100 }
#     = 0a 0c "netconf-2015" 28 64: tag 1 length-delimited, 12 bytes; tag 5 varint, 100 (16 bytes in all)
#   grpc.health.v1.HealthCheckRequest { service (1, string) = "" } = no bytes (proto3 leaves a default value out)
python3 - "$work" <<'PY'
import struct, sys
frame = lambda message: b"\0" + struct.pack(">I", len(message)) + message
conference = b"netconf-2015"
list_sessions = bytes([1 << 3 | 2, len(conference)]) + conference + bytes([5 << 3 | 0, 100])
open(f"{sys.argv[1]}/list-sessions.bin", "wb").write(frame(list_sessions))
open(f"{sys.argv[1]}/check.bin", "wb").write(frame(b""))
PY

# One gRPC call with curl: prints the grpc-status and the top-level fields of the reply (number=value, repeated
# fields counted), so that the load is known to be answered as intended before it is measured.
grpc_call() { # path body
  curl -sS --max-time 10 --http2-prior-knowledge -D "$work/headers" -o "$work/reply" --data-binary @"$2" \
    -H 'content-type: application/grpc' -H 'te: trailers' "$SCHEDULE$1"
  python3 - "$work/headers" "$work/reply" <<'PY'
import sys
status = next((l.split(":", 1)[1].strip() for l in open(sys.argv[1], encoding="latin-1") if l.lower().startswith("grpc-status:")), "none")
data = open(sys.argv[2], "rb").read()[5:]
def varint(i):
    v = s = 0
    while True:
        b = data[i]; v |= (b & 0x7F) << s; i += 1; s += 7
        if b < 0x80: return v, i
fields, i = {}, 0
while i < len(data):
    key, i = varint(i)
    if key & 7 == 0: value, i = varint(i)
    elif key & 7 == 2: n, i = varint(i); value, i = data[i:i + n].decode("latin-1"), i + n
    else: raise SystemExit(f"unexpected wire type {key & 7}")
    fields.setdefault(key >> 3, []).append(value)
print(status, " ".join(f"{k}={v[0] if len(v) == 1 else f'[{len(v)}]'}" for k, v in sorted(fields.items())))
PY
}

# wrk: warm-up, then the measured run; a Lua script counts the answers that are not the expected status, stops each
# thread after its share of MAX_REQUESTS, and prints requests, seconds, p50 and p99 (microseconds) on one line.
cat >"$work/count.lua" <<'LUA'
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args) limit, want, done_, unexpected = tonumber(args[1]), tonumber(args[2]), 0, 0 end
function response(status, headers, body)
  done_ = done_ + 1
  if status ~= want then unexpected = unexpected + 1 end
  if done_ >= limit then wrk.thread:stop() end
end
function done(summary, latency, requests)
  local unexpected = 0
  for _, thread in ipairs(threads) do unexpected = unexpected + thread:get("unexpected") end
  local e = summary.errors
  io.write(string.format("RESULT %d %.3f %d %d %d %d\n", summary.requests, summary.duration / 1e6,
    latency:percentile(50), latency:percentile(99), unexpected, e.connect + e.read + e.write + e.timeout))
end
LUA

# Prints a command as it could be typed again (the temporary folder left out of its file names).
show() { local line; line=$(printf '%q ' "$@"); line=${line% }; echo "\$ ${line//$work\//}"; }

declare -A rps p50 p99 remark
names=()
record() { # name req/s p50-us p99-us remark
  names+=("$1"); rps[$1]=$2; p50[$1]=$3; p99[$1]=$4; remark[$1]=$5
}

wrk_run() { # name expected-status url [wrk options...]
  local name=$1 want=$2 url=$3
  shift 3
  local cmd=(wrk -t"$THREADS" -c"$CONNECTIONS" --timeout 5s -s "$work/count.lua" "$@")
  local limit=$(((MAX_REQUESTS + THREADS - 1) / THREADS))
  show "${cmd[@]}" -d"${DURATION}s" "$url" -- "$limit" "$want"
  echo "  (after the same for ${WARMUP}s, unmeasured)"
  timeout $((WARMUP + 15)) "${cmd[@]}" -d"${WARMUP}s" "$url" -- "$limit" "$want" >/dev/null
  local out
  out=$(timeout $((DURATION + 15)) "${cmd[@]}" -d"${DURATION}s" "$url" -- "$limit" "$want" | grep '^RESULT') ||
    { echo "error: wrk against $url failed" >&2; exit 1; }
  read -r _ requests seconds p50us p99us unexpected errors <<<"$out"
  local note=""
  if ((unexpected + errors > 0)); then note="$unexpected of $requests not $want, $errors socket errors"; fi
  record "$name" "$(python3 -c "print(f'{$requests / $seconds:.1f}')")" "$p50us" "$p99us" "$note"
}

h2_run() { # name path body
  local name=$1 path=$2 body=$3
  local cmd=(h2load -t1 -c"$GRPC_CONNECTIONS" -m"$GRPC_STREAMS" --warm-up-time="$WARMUP" -D "$DURATION" -d "$body"
    -H 'content-type: application/grpc' -H 'te: trailers')
  show "${cmd[@]}" "$SCHEDULE$path"
  local out
  out=$(timeout $((WARMUP + DURATION + 15)) "${cmd[@]}" --log-file="$work/h2load.log" "$SCHEDULE$path") ||
    { echo "error: h2load against $SCHEDULE$path failed" >&2; exit 1; }
  local rate ok total
  rate=$(sed -nE 's/^finished in .*, ([0-9.]+) req\/s.*/\1/p' <<<"$out")
  total=$(sed -nE 's/^requests: ([0-9]+) total.*/\1/p' <<<"$out")
  ok=$(sed -nE 's/^status codes: ([0-9]+) 2xx.*/\1/p' <<<"$out")
  # The log has one line per measured request: start (us since the epoch), HTTP status, microseconds to the end.
  read -r p50us p99us < <(cut -f3 "$work/h2load.log" | sort -n | awk '{ v[NR] = $1 } END {
    i50 = int(NR * 0.50); if (i50 < NR * 0.50) i50++; i99 = int(NR * 0.99); if (i99 < NR * 0.99) i99++; print v[i50], v[i99] }')
  local note=""
  if [[ "$ok" != "$total" ]]; then note="$((total - ok)) of $total not 2xx or not done"; fi
  record "$name" "$(python3 -c "print(f'{$rate:.1f}')")" "$p50us" "$p99us" "$note"
}

day="$FEEDS/api/netconf-2015/days/2015-02-12.ics"
health="$FEEDS/api/health"

echo "== Checking each call answers as intended"
read -r day_status etag < <(curl -sS --max-time 10 -o /dev/null -D - "$day" | tr -d '\r' |
  awk -F': ' 'NR == 1 { split($0, s, " "); code = s[2] } tolower($1) == "etag" { tag = $2 } END { print code, tag }')
[[ "$day_status" == 200 && -n "$etag" ]] || { echo "error: GET $day answered ${day_status:-nothing} (ETag '${etag}'), not 200 with an ETag: is ./run up?" >&2; exit 1; }
not_modified=$(curl -sS --max-time 10 -o /dev/null -w '%{http_code}' -H "If-None-Match: $etag" "$day")
[[ "$not_modified" == 304 ]] || { echo "error: GET $day with If-None-Match: $etag answered $not_modified, not 304" >&2; exit 1; }
health_status=$(curl -sS --max-time 10 -o /dev/null -w '%{http_code}' "$health" || true)
if [[ "$health_status" != 200 ]]; then
  failures+=("GET $health answered ${health_status:-nothing}, not 200: the feeds' health function is missing or failing, so its line and the ratios against it measure that answer, not the function")
fi
read -r status fields < <(grpc_call /netconf.schedule.v1.ScheduleService/ListSessions "$work/list-sessions.bin")
# ListSessionsResponse: sessions (1, repeated), next_page_token (2, absent when this is the last page), total_size (3).
sessions=$(sed -nE 's/.*\b1=\[([0-9]+)\].*/\1/p' <<<"$fields")
total_size=$(sed -nE 's/.*\b3=([0-9]+).*/\1/p' <<<"$fields")
[[ "$status" == 0 && -n "$sessions" && "$sessions" == "$total_size" && "$fields" != *" 2="* ]] ||
  { echo "error: ListSessions answered grpc-status $status with fields '$fields', not every session on one page" >&2; exit 1; }
read -r status fields < <(grpc_call /grpc.health.v1.Health/Check "$work/check.bin")
# HealthCheckResponse: status (1) = 1, SERVING.
[[ "$status" == 0 && "$fields" == "1=1" ]] || { echo "error: Check answered grpc-status $status with fields '$fields', not SERVING" >&2; exit 1; }
page="$FEEDS/api/netconf-2015"
page_status=$(curl -sS --max-time 10 -o /dev/null -w '%{http_code}' "$page")
[[ "$page_status" == 200 ]] || { echo "error: GET $page answered $page_status, not 200" >&2; exit 1; }
mine=$(curl -sS --max-time 10 -o /dev/null -w '%{redirect_url}' --data 'session=introduction&session=rhashtable&session=bpf-updates' "$FEEDS/api/netconf-2015/my")
[[ "$mine" == http*"/netconf-2015/my/"* ]] || { echo "error: POST /api/netconf-2015/my did not redirect to a personal agenda ('$mine')" >&2; exit 1; }
my_feed="$FEEDS/api/netconf-2015/my/${mine##*/}/calendar.ics"
my_events=$(curl -sS --max-time 10 "$my_feed" | grep -c '^BEGIN:VEVENT' || true)
[[ "$my_events" == 3 ]] || { echo "error: GET $my_feed gave $my_events events, not 3" >&2; exit 1; }
echo "day feed 200 (ETag $etag), 304 on If-None-Match, /api/health $health_status, page 200, a personal feed of 3 events, ListSessions $sessions of $total_size sessions on one page, Check SERVING"

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
echo "== Measuring: ${DURATION}s each after ${WARMUP}s unmeasured, 127.0.0.1 only"
wrk_run "day feed" 200 "$day"
wrk_run "304" 304 "$day" -H "If-None-Match: $etag"
wrk_run "health" 200 "$health"
wrk_run "page" 200 "$page"
wrk_run "page, br" 200 "$page" -H "Accept-Encoding: br"
wrk_run "my agenda" 200 "$my_feed"
h2_run "ListSessions" /netconf.schedule.v1.ScheduleService/ListSessions "$work/list-sessions.bin"
h2_run "Check" /grpc.health.v1.Health/Check "$work/check.bin"

echo
echo "Load, ${DURATION}s per call after ${WARMUP}s warm-up; feeds: wrk, $THREADS threads, $CONNECTIONS connections; gRPC: h2load, $GRPC_CONNECTIONS connections x $GRPC_STREAMS streams"
echo "Machine: $(nproc) cores shared by the load tools and the servers; load average before the run ${load_before}, after $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-14s %-62s %10s %9s %9s\n' "call" "request" "req/s" "p50 ms" "p99 ms"
describe() {
  case "$1" in
    "day feed") echo "GET /api/netconf-2015/days/2015-02-12.ics" ;;
    "304") echo "the same, If-None-Match: its ETag" ;;
    "health") echo "GET /api/health" ;;
    "page") echo "GET /api/netconf-2015 (the attendee page)" ;;
    "page, br") echo "the same, Accept-Encoding: br (Brotli)" ;;
    "my agenda") echo "GET /api/netconf-2015/my/<id>/calendar.ics (3 talks)" ;;
    "ListSessions") echo "conference netconf-2015, page_size 100 ($sessions sessions)" ;;
    "Check") echo "grpc.health.v1.Health/Check, service \"\"" ;;
  esac
}
for name in "${names[@]}"; do
  note=${remark[$name]}
  if [[ "$name" == health && "$health_status" != 200 ]]; then
    note="answered $health_status, not 200${note:+; $note}"
  elif [[ -n "$note" ]]; then
    failures+=("$name: $note")
  fi
  printf '%-14s %-62s %10s %9.2f %9.2f%s\n' "$name" "$(describe "$name")" "${rps[$name]}" \
    "$(python3 -c "print(${p50[$name]} / 1000)")" "$(python3 -c "print(${p99[$name]} / 1000)")" "${note:+  $note}"
done

echo
printf '%-24s %7s %8s\n' "ratio (req/s)" "value" "target"
ratio() { # name numerator denominator target
  local verdict
  verdict=$(python3 -c "r = ${rps[$2]} / ${rps[$3]}; print(f'{r:.2f} {\"meets\" if r >= $4 else \"below\"}')")
  local note=""
  if [[ "$3" == health && "$health_status" != 200 ]]; then note="  not meaningful: /api/health answered $health_status"; fi
  printf '%-24s %7s %8s  %s%s\n' "$1" "${verdict% *}" ">= $4" "${verdict#* }" "$note"
}
ratio "day feed / health" "day feed" health 0.8
ratio "304 / health" 304 health 0.9
ratio "ListSessions / Check" ListSessions Check 0.6
ratio "page / day feed" page "day feed" 0.8
ratio "page, br / day feed" "page, br" "day feed" 0.8
for name in page "my agenda"; do
  printf '%-24s %7s %8s\n' "$name / health" "$(python3 -c "print(f'{${rps[$name]} / ${rps[health]}:.2f}')")" "-"
done

if ((${#failures[@]})); then
  echo >&2
  for failure in "${failures[@]}"; do echo "error: $failure" >&2; done
  exit 1
fi
