#!/usr/bin/env bash
# Runs every benchmark in bench/ and writes bench/RESULTS.md. Starts its own throwaway PostgreSQL cluster with the
# durability defaults (fsync, synchronous_commit and full_page_writes on, as in reference/peer-baselines.md), so the
# figures are durable commits; stops and removes it on exit. Needs the .NET SDK and PostgreSQL's server binaries
# (./test.sh installs them). Extra arguments go to the reading store benchmark (e.g. --seconds 60 --runs 1);
# TIANSHAN_BENCH_INGEST_ARGS goes to the ingest benchmark (e.g. "--seconds 15 --clients 4"). TIANSHAN_BENCH_ONLY=store, rules,
# routing or ingest runs that benchmark alone (the other sections of RESULTS.md are kept from their last run). For a quick look at one store:
# TIANSHAN_BENCH_ONLY=ingest TIANSHAN_BENCH_INGEST_ARGS="--providers Sqlite --no-peers" (prints, writes nothing).
set -euo pipefail
cd "$(dirname "$0")/.."

pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
# The routing benchmark's peer is pgRouting (Debian's postgresql-NN-pgrouting, for the server version in use).
pgmajor=$(basename "$(dirname "$pgbin")")
if [ ! -f "/usr/share/postgresql/$pgmajor/extension/pgrouting.control" ]; then
  echo "==> installing postgresql-$pgmajor-pgrouting"
  if [ "$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi
  $sudo apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "postgresql-$pgmajor-pgrouting" >/dev/null
fi
pgport=${TIANSHAN_BENCH_PG_PORT:-55442}
work=$(mktemp -d /tmp/tianshan-bench.XXXXXX)   # /tmp is on the same disk as everything else here, not a tmpfs
pgdata="$work/pg"
chmod 755 "$work"; mkdir -p "$pgdata"
as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[ "$(id -u)" -eq 0 ] && chown postgres:postgres "$pgdata"
stop() {
  as_pg "$pgbin/pg_ctl" -D "$pgdata" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap stop EXIT

echo "==> PostgreSQL on 127.0.0.1:$pgport (durable defaults)"
as_pg "$pgbin/initdb" -D "$pgdata" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
as_pg "$pgbin/pg_ctl" -D "$pgdata" -l "$pgdata/server.log" -w -t 60 \
  -o "-p $pgport -k $pgdata -c listen_addresses=127.0.0.1" start >/dev/null

only=${TIANSHAN_BENCH_ONLY:-}
runs() { [ -z "$only" ] || [ "$only" = "$1" ]; }
build() { dotnet build "$1" -c Release -nologo -v quiet 2>&1 | grep -E " error |rror\(s\)" | grep -v " 0 Error" || true; }

echo "==> building"
runs store && build bench/ReadingStore
runs rules && build bench/Rules
runs routing && build bench/Routing
runs ingest && build bench/Ingest   # also builds src/Web (Release)

if runs store; then
  echo "==> reading store"
  dotnet bench/ReadingStore/bin/Release/net10.0/Tianshan.Bench.ReadingStore.dll \
    --postgres "Host=127.0.0.1;Port=$pgport;Username=postgres" --dir "$work" --out bench/RESULTS.md "$@"
fi

if runs rules; then
  echo "==> rule evaluation (BenchmarkDotNet)"
  dotnet bench/Rules/bin/Release/net10.0/Tianshan.Bench.Rules.dll --out bench/RESULTS.md
fi

if runs routing; then
  echo "==> routing (generated city; pgRouting in the same PostgreSQL)"
  dotnet bench/Routing/bin/Release/net10.0/Tianshan.Bench.Routing.dll \
    --postgres "Host=127.0.0.1;Port=$pgport;Username=postgres" --out bench/RESULTS.md
fi

if runs ingest; then
  echo "==> ingest end to end (the real host on SQLite and PostgreSQL, alarm latency, mosquitto and the zero-code pipe)"
  dotnet bench/Ingest/bin/Release/net10.0/Tianshan.Bench.Ingest.dll \
    --postgres "Host=127.0.0.1;Port=$pgport;Username=postgres" --dir "$work" --out bench/RESULTS.md ${TIANSHAN_BENCH_INGEST_ARGS:-}
fi
echo "==> done: bench/RESULTS.md"
