#!/usr/bin/env bash
# Load on a running NetconfCloud (./run in another terminal), on loopback only, bounded in time.
#   feeds: wrk against the Thursday feed (warm, unchanged agenda: the rendering is reused) and a 304 revalidation
#   gRPC:  h2load against ListSessions (Thursday talks) on the schedule service
# Needs wrk and h2load (Debian: apt-get install wrk nghttp2-client).
set -euo pipefail
: "${FEEDS:=http://127.0.0.1:7071}"
: "${SCHEDULE:=http://127.0.0.1:5100}"
: "${SECONDS_PER_RUN:=10}"
: "${CONNECTIONS:=32}"
case "$FEEDS$SCHEDULE" in *127.0.0.1*127.0.0.1*) ;; *) echo "load goes to 127.0.0.1 only" >&2; exit 2 ;; esac
for tool in wrk h2load curl; do command -v "$tool" >/dev/null || { echo "error: $tool is needed" >&2; exit 1; }; done

day="$FEEDS/api/netconf-2015/days/2015-02-12.ics"
etag=$(curl -sfI "$day" | tr -d '\r' | awk -F': ' 'tolower($1)=="etag"{print $2}')
echo "== feeds: GET $day (${SECONDS_PER_RUN}s, $CONNECTIONS connections, 2 threads)"
wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_PER_RUN}s" --latency "$day"
echo "== feeds: conditional GET (If-None-Match) -> 304"
wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_PER_RUN}s" --latency -H "If-None-Match: $etag" "$day"

# ListSessionsRequest{conference_id:"netconf-2015", day:"2015-02-12", kind:TALK}, in a gRPC frame.
body=$(mktemp)
trap 'rm -f "$body"' EXIT
printf '\x00\x00\x00\x00\x1c\x0a\x0cnetconf-2015\x12\x0a2015-02-12\x20\x01' >"$body"
echo "== gRPC: ListSessions (${SECONDS_PER_RUN}s, $CONNECTIONS streams over 4 connections)"
h2load -D "$SECONDS_PER_RUN" -c4 -m8 -d "$body" \
  -H 'content-type: application/grpc' -H 'te: trailers' \
  "$SCHEDULE/netconf.schedule.v1.ScheduleService/ListSessions"
