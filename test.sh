#!/usr/bin/env bash
# Tianshan's one test command. On a fresh Debian machine with the .NET SDK it installs what the suite needs
# (Chromium, CJK fonts, PostgreSQL), starts a throwaway PostgreSQL cluster owned by this script, runs every test
# project (web tests on SQLite and on PostgreSQL, browser tests in headless Chromium), stops what it started, and
# ends with one line: "N passed, N failed" (", N skipped" if any). Exit code non-zero on any failure.
set -uo pipefail
cd "$(dirname "$0")"
root=$(pwd)

say() { printf '==> %s\n' "$*"; }

# --- 1. system packages (only what is missing) ---------------------------------------------------------------
need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
[ -d /usr/share/fonts/opentype/noto ] || need+=(fonts-noto-cjk)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
[ -x /usr/sbin/mosquitto ] || need+=(mosquitto)
command -v mosquitto_pub >/dev/null || need+=(mosquitto-clients)
[ -f /usr/share/fonts/truetype/wqy/wqy-microhei.ttc ] || need+=(fonts-wqy-microhei)   # the PDFs' Chinese font
command -v pdftotext >/dev/null || need+=(poppler-utils)                               # the PDF tests read text back
if [ ${#need[@]} -gt 0 ]; then
  say "installing ${need[*]}"
  if [ "$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi
  $sudo apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null \
    || { echo "apt-get install failed"; echo "0 passed, 1 failed"; exit 1; }
fi

# --- 2. a throwaway PostgreSQL cluster ---------------------------------------------------------------------------
pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
pgport=${TIANSHAN_TEST_PG_PORT:-55432}
pgdata=$(mktemp -d /tmp/tianshan-pg.XXXXXX)
as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[ "$(id -u)" -eq 0 ] && chown postgres:postgres "$pgdata"
mqport=${TIANSHAN_TEST_MQTT_PORT:-18831}
mqdir=$(mktemp -d /tmp/tianshan-mosquitto.XXXXXX)
stop_all() {
  as_pg "$pgbin/pg_ctl" -D "$pgdata" -m immediate -w stop >/dev/null 2>&1
  rm -rf "$pgdata"
  [ -f "$mqdir/pid" ] && kill "$(cat "$mqdir/pid")" 2>/dev/null
  rm -rf "$mqdir"
}
trap stop_all EXIT
say "starting PostgreSQL on 127.0.0.1:$pgport"
as_pg "$pgbin/initdb" -D "$pgdata" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 --no-sync >/dev/null \
  && as_pg "$pgbin/pg_ctl" -D "$pgdata" -l "$pgdata/server.log" -w -t 60 \
       -o "-p $pgport -k $pgdata -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" start >/dev/null \
  || { cat "$pgdata/server.log" 2>/dev/null; echo "0 passed, 1 failed"; exit 1; }
export TIANSHAN_TEST_POSTGRES="Host=127.0.0.1;Port=$pgport;Username=postgres;Pooling=true"

# --- 2b. a throwaway mosquitto broker (the external-broker tests) ---------------------------------------------------
say "starting mosquitto on 127.0.0.1:$mqport"
printf 'listener %s 127.0.0.1\nallow_anonymous true\npersistence false\nmax_queued_messages 100000\n' "$mqport" > "$mqdir/mosquitto.conf"
/usr/sbin/mosquitto -c "$mqdir/mosquitto.conf" > "$mqdir/log" 2>&1 &
echo $! > "$mqdir/pid"
export TIANSHAN_TEST_MOSQUITTO="127.0.0.1:$mqport"

# --- 3. build and run every test project -------------------------------------------------------------------------
results="$root/TestResults"
rm -rf "$results"
say "building"
dotnet build Tianshan.slnx -c Release -nologo -v quiet 2>&1 | grep -E "error|Warn|warn" | grep -v NU1603
build_rc=${PIPESTATUS[0]}
if [ "$build_rc" -ne 0 ]; then echo "build failed"; echo "0 passed, 1 failed"; exit 1; fi
say "testing"
dotnet test --solution Tianshan.slnx -c Release --no-build --results-directory "$results" --report-xunit-trx
rc=$?

# --- 4. one summary line, summed over all projects ----------------------------------------------------------------
summary=$(grep -rhoE --include='*.trx' '<UnitTestResult [^>]*outcome="[A-Za-z]+"' "$results" 2>/dev/null \
  | sed -E 's/.*outcome="([A-Za-z]+)"$/\1/' \
  | awk '{n[$1]++} END {p=n["Passed"]+0; f=n["Failed"]+n["Error"]+n["Timeout"]+n["Aborted"];
         s=n["NotExecuted"]+0; printf "%d passed, %d failed", p, f; if (s) printf ", %d skipped", s; print ""}')
[ -n "$summary" ] || summary="0 passed, 0 failed"
failures=$(find "$results" -name '*.trx' -exec perl tests/failed-tests.pl {} + 2>/dev/null)
if [ -n "$failures" ]; then say "failed tests"; echo "$failures"; fi
failed=$(echo "$summary" | sed -E 's/.* ([0-9]+) failed.*/\1/')
if [ "$rc" -ne 0 ] && [ "$failed" = "0" ]; then
  # A crashed test host leaves no result for its tests: count the run as failed.
  summary=$(echo "$summary" | sed -E 's/ 0 failed/ 1 failed/')
fi
echo "$summary"
[ "$rc" -eq 0 ] || exit 1
