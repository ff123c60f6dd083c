#!/usr/bin/env bash
# Past one machine, on one machine: a PostgreSQL primary (the project's cluster) with a
# streaming replica (pg_basebackup -R into .local/pg-replica), two Odoo nodes sharing the
# database and the data directory, behind one nginx upstream; read-only requests go to the
# replica through Odoo 18's db_replica_host / db_replica_port.
#
#   scripts/cluster_demo.sh start          start it all (the database must exist: make prod)
#   scripts/cluster_demo.sh check          show that read-only requests reach the replica
#   scripts/cluster_demo.sh load [ARGS]    scripts/load_portal.py through nginx, then check
#   scripts/cluster_demo.sh load-failover  the same, stopping node 2 five seconds into the load
#   scripts/cluster_demo.sh stop-node N    stop Odoo node N (1 or 2)
#   scripts/stop.sh                        stop everything (nginx, nodes, both clusters)
#
# Ports: nginx ${TOURISM_PROXY_PORT:-8080}; node 1 ${TOURISM_HTTP_PORT:-8069} (gevent +3);
# node 2 ${TOURISM_NODE2_HTTP_PORT:-18110} (gevent +1); replica ${TOURISM_REPLICA_PGPORT:-PGPORT+9}.
# Workers per node: TOURISM_WORKERS (default 3 here: two nodes share 2 cores).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
source "$ROOT/scripts/prod_lib.sh"

REPLICA_DIR=$LOCAL_DIR/pg-replica
REPLICA_PORT=${TOURISM_REPLICA_PGPORT:-$((PGPORT + 9))}
NODE1_HTTP=${TOURISM_HTTP_PORT:-8069}
NODE1_GEVENT=$((NODE1_HTTP + 3))
NODE2_HTTP=${TOURISM_NODE2_HTTP_PORT:-18110}
NODE2_GEVENT=$((NODE2_HTTP + 1))
export TOURISM_WORKERS=${TOURISM_WORKERS:-3}

psql_replica() {
    as_pg "$PG_BIN/psql" -h "$PGDIR/run" -p "$REPLICA_PORT" -U postgres -d postgres -tAq "$@"
}

# Whether the primary streams to the replica (waits up to 30 s for it to connect).
replica_streaming() {
    local i
    for i in $(seq 30); do
        [ "$(psql_admin -c "SELECT count(*) FROM pg_stat_replication
            WHERE usename = 'replicator' AND state = 'streaming'")" -gt 0 ] && return 0
        sleep 1
    done
    return 1
}

start_replica() {
    local password_file=$RUN_DIR/replication_password password
    if [ ! -s "$password_file" ]; then
        (umask 077 && "$PY" -c 'import secrets; print(secrets.token_urlsafe(24))' >"$password_file")
    fi
    password=$(cat "$password_file")
    psql_admin -c "DO \$\$BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'replicator')
        THEN CREATE ROLE replicator REPLICATION LOGIN; END IF; END\$\$" \
        -c "ALTER ROLE replicator PASSWORD '$password'" >/dev/null
    local attempt
    for attempt in 1 2; do
        if [ ! -f "$REPLICA_DIR/data/PG_VERSION" ]; then
            log "Streaming replica: pg_basebackup -R from 127.0.0.1:$PGPORT into $REPLICA_DIR"
            mkdir -p "$REPLICA_DIR"
            [ "$(id -u)" = 0 ] && chown postgres: "$REPLICA_DIR"
            as_pg env PGPASSWORD="$password" "$PG_BIN/pg_basebackup" -h 127.0.0.1 -p "$PGPORT" \
                -U replicator -D "$REPLICA_DIR/data" -R -X stream -c fast
        fi
        if ! as_pg "$PG_BIN/pg_ctl" -D "$REPLICA_DIR/data" status >/dev/null 2>&1; then
            as_pg "$PG_BIN/pg_ctl" -D "$REPLICA_DIR/data" -l "$REPLICA_DIR/server.log" -w -t 60 \
                -o "-p $REPLICA_PORT" start >/dev/null || die "replica did not start, see $REPLICA_DIR/server.log"
        fi
        [ "$(psql_replica -c 'SELECT pg_is_in_recovery()')" = t ] || die "the replica is not in recovery"
        if replica_streaming; then
            break
        fi
        # A replica left stopped for long cannot catch up: the primary has recycled
        # the WAL it needs ("requested WAL segment ... has already been removed").
        # It holds nothing of its own: take a new copy of the primary.
        [ "$attempt" = 1 ] || die "the replica does not stream, see $REPLICA_DIR/server.log"
        log "The replica does not stream (too far behind the primary): copying it again"
        as_pg "$PG_BIN/pg_ctl" -D "$REPLICA_DIR/data" -m fast -w stop >/dev/null || true
        rm -rf "$REPLICA_DIR/data"
    done
    # Odoo connects to the replica with the same role and password as to the primary.
    log "Replica on 127.0.0.1:$REPLICA_PORT streaming from the primary: $(psql_admin -c \
        "SELECT state || ' (' || client_addr || ', sync ' || sync_state || ')' FROM pg_stat_replication
         WHERE usename = 'replicator'")"
}

start() {
    "$ROOT/scripts/setup.sh" --prod
    find_odoo
    prod_defaults
    db_exists "$DB_NAME" || die "no database $DB_NAME: create it first (make prod)"
    pg_make_durable
    prod_stop_all
    start_replica
    render_odoo_conf -1 "$NODE1_HTTP" "$NODE1_GEVENT" 127.0.0.1 "$REPLICA_PORT"
    render_odoo_conf -2 "$NODE2_HTTP" "$NODE2_GEVENT" 127.0.0.1 "$REPLICA_PORT"
    render_nginx_conf "$NODE1_HTTP $NODE2_HTTP" "$NODE1_GEVENT $NODE2_GEVENT"
    log "Starting two Odoo nodes ($WORKERS workers each) on $NODE1_HTTP and $NODE2_HTTP"
    odoo_start -1
    odoo_start -2
    wait_health "http://127.0.0.1:$NODE1_HTTP/web/health"
    wait_health "http://127.0.0.1:$NODE2_HTTP/web/health"
    nginx_start_or_reload
    wait_health "http://$PROXY_HOST:$PROXY_PORT/web/health" 30
    log "Cluster up: http://$PROXY_HOST:$PROXY_PORT (nodes $NODE1_HTTP, $NODE2_HTTP; replica $REPLICA_PORT)"
}

# What the replica has served: its transactions on the database and Odoo's connections to it.
replica_facts() {
    psql_replica -c "SELECT 'replica: ' || xact_commit || ' transactions committed on ' || datname
        FROM pg_stat_database WHERE datname = '${TOURISM_DB:-tourisme}'"
    psql_replica -c "SELECT 'replica: ' || count(*) || ' Odoo connections (' ||
        coalesce(string_agg(DISTINCT application_name, ', '), '') || ')'
        FROM pg_stat_activity WHERE usename = '$DB_USER' AND datname = '${TOURISM_DB:-tourisme}'"
}

check() {
    local before after
    before=$(psql_replica -c "SELECT xact_commit FROM pg_stat_database WHERE datname = '${TOURISM_DB:-tourisme}'")
    # Read-only routes (auth none/public, or readonly=True): the login page, images, assets.
    for _ in 1 2 3 4 5 6 7 8 9 10; do
        curl -fsS -o /dev/null "http://$PROXY_HOST:$PROXY_PORT/web/login"
        curl -fsS -o /dev/null "http://$PROXY_HOST:$PROXY_PORT/web/image/res.company/1/logo"
    done
    after=$(psql_replica -c "SELECT xact_commit FROM pg_stat_database WHERE datname = '${TOURISM_DB:-tourisme}'")
    echo "replica: 20 read-only requests through nginx -> $((after - before)) transactions on the replica"
    replica_facts
    psql_replica -c "SELECT 'replica: last read-only query: ' || left(regexp_replace(query, '\s+', ' ', 'g'), 100)
        FROM pg_stat_activity WHERE usename = '$DB_USER' AND query ~* '^\s*SELECT' ORDER BY query_start DESC LIMIT 1"
    [ $((after - before)) -gt 0 ] || die "no transaction reached the replica"
}

load() {
    local before after rc=0 lines
    lines=$(cat "$LOG_DIR/nginx-access.log" 2>/dev/null | wc -l)
    before=$(psql_replica -c "SELECT xact_commit FROM pg_stat_database WHERE datname = '${TOURISM_DB:-tourisme}'")
    "$PY" "$ROOT/scripts/load_portal.py" --url "http://$PROXY_HOST:$PROXY_PORT" \
        --db "${TOURISM_DB:-tourisme}" "$@" || rc=$?
    after=$(psql_replica -c "SELECT xact_commit FROM pg_stat_database WHERE datname = '${TOURISM_DB:-tourisme}'")
    echo "replica: $((after - before)) transactions on the replica during the load"
    echo "nginx: requests per node during the run:"
    tail -n "+$((lines + 1))" "$LOG_DIR/nginx-access.log" | grep -oE 'up=[0-9.:, ]+[0-9]' | sort | uniq -c | sed 's/^/  /'
    return $rc
}

case ${1:-} in
    start) start ;;
    check) check ;;
    load) shift; load "$@" ;;
    load-failover)
        shift
        load --during "'$ROOT/scripts/cluster_demo.sh' stop-node 2" "$@" ;;
    stop-node)
        [[ ${2:-} =~ ^[12]$ ]] || die "stop-node 1 or 2"
        stop_pidfile "$RUN_DIR/odoo-$2.pid" TERM
        log "Odoo node $2 stopped" ;;
    *) sed -n '2,17p' "$0"; exit 1 ;;
esac
