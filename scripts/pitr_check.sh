#!/usr/bin/env bash
# Continuous archiving and point-in-time recovery, played on a throwaway PostgreSQL cluster
# (docs/deployment.md, "Nothing lost"): archive_mode with an archive directory, a base backup,
# receipts written, a mistake (every receipt deleted), then a recovery to the moment before the
# mistake from the base backup and the archived WAL. Prints what it checked; exits non-zero
# when the recovered cluster is not the one of that moment.
# Usage: scripts/pitr_check.sh   (port TOURISM_PITR_PGPORT, default PGPORT+2; nothing kept)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

PORT=${TOURISM_PITR_PGPORT:-$((PGPORT + 2))}
work=$(mktemp -d /tmp/tourism-pitr.XXXXXX)
chmod 755 "$work"
[ "$(id -u)" = 0 ] && chown postgres: "$work"
ARCHIVE=$work/wal-archive
pg() { as_pg "$PG_BIN/$@"; }
sql() { as_pg "$PG_BIN/psql" -h "$work" -p "$PORT" -U postgres -d postgres -tAq -c "$1"; }
cleanup() {
    for dir in "$work/primary" "$work/recovered"; do
        [ -f "$dir/PG_VERSION" ] && pg pg_ctl -D "$dir" -m immediate stop >/dev/null 2>&1 || true
    done
    rm -rf "$work"
}
trap cleanup EXIT
ok() { printf '  ok  %s\n' "$*"; }

log "Throwaway cluster on port $PORT with WAL archiving into $ARCHIVE"
pg initdb -D "$work/primary" -U postgres -A trust >/dev/null
as_pg mkdir -p "$ARCHIVE"
cat <<EOF | as_pg tee -a "$work/primary/postgresql.conf" >/dev/null
listen_addresses = ''
unix_socket_directories = '$work'
wal_level = replica
archive_mode = on
archive_command = 'test ! -f $ARCHIVE/%f && cp %p $ARCHIVE/%f'
EOF
pg pg_ctl -D "$work/primary" -l "$work/primary.log" -o "-p $PORT" -w start >/dev/null
ok "archive_mode = $(sql 'SHOW archive_mode'), archive_command = $(sql 'SHOW archive_command')"

sql "CREATE TABLE receipt (id serial PRIMARY KEY, amount numeric(12, 2) NOT NULL, at timestamptz DEFAULT now())"
sql "INSERT INTO receipt (amount) SELECT 10 * g FROM generate_series(1, 100) g"
pg pg_basebackup -h "$work" -p "$PORT" -U postgres -D "$work/base" -X stream -c fast
ok "base backup taken (pg_basebackup) with 100 receipts"

sql "INSERT INTO receipt (amount) SELECT 5 FROM generate_series(1, 50) g"
expected=$(sql "SELECT count(*) || ' receipts, total ' || sum(amount) FROM receipt")
sleep 1
target=$(sql "SELECT now()")
sleep 1
sql "DELETE FROM receipt"
sql "SELECT pg_switch_wal()" >/dev/null
# Wait until the segment holding the mistake is archived.
for _ in $(seq 30); do
    [ "$(sql "SELECT last_failed_wal IS NULL AND archived_count >= 2 FROM pg_stat_archiver")" = t ] && break
    sleep 1
done
ok "after the base backup: 50 more receipts ($expected at $target), then all deleted"
ok "$(sql "SELECT archived_count || ' WAL segments archived, last ' || last_archived_wal FROM pg_stat_archiver")"
pg pg_ctl -D "$work/primary" -m fast -w stop >/dev/null

log "Point-in-time recovery to $target"
as_pg cp -a "$work/base" "$work/recovered"
cat <<EOF | as_pg tee -a "$work/recovered/postgresql.conf" >/dev/null
restore_command = 'cp $ARCHIVE/%f %p'
recovery_target_time = '$target'
recovery_target_action = 'promote'
archive_mode = off
EOF
as_pg touch "$work/recovered/recovery.signal"
pg pg_ctl -D "$work/recovered" -l "$work/recovered.log" -o "-p $PORT" -w -t 120 start >/dev/null
for _ in $(seq 60); do
    [ "$(sql 'SELECT pg_is_in_recovery()')" = f ] && break
    sleep 1
done
got=$(sql "SELECT count(*) || ' receipts, total ' || sum(amount) FROM receipt")
grep -q "recovery stopping before commit" "$work/recovered.log" \
    && ok "PostgreSQL: $(grep -o 'recovery stopping before commit[^,]*' "$work/recovered.log" | head -1)"
if [ "$got" = "$expected" ]; then
    ok "recovered cluster: $got, as at $target (the deletion is undone)"
else
    die "recovered cluster has $got, expected $expected"
fi
echo "PITR check passed"
