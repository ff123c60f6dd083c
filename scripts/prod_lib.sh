# shellcheck shell=bash
# Helpers of the production server (scripts/serve.sh --prod, scripts/cluster_demo.sh,
# scripts/stop.sh): configuration rendered from config/prod/*.tmpl into .local/prod, Odoo in
# prefork mode, nginx, PostgreSQL made durable. Sourced after lib.sh; never executed on its own.

RUN_DIR=$LOCAL_DIR/prod
LOG_DIR=$LOCAL_DIR/log
TEMPLATE_DIR=$ROOT/config/prod
PROXY_PORT=${TOURISM_PROXY_PORT:-8080}
PROXY_HOST=${TOURISM_PROXY_HOST:-127.0.0.1}

# Every setting has a TOURISM_* variable; the defaults are the documented ones
# (docs/deployment.md, "Settings").
prod_defaults() {
    local cores
    cores=$(nproc)
    export DB_NAME=${TOURISM_DB:-tourisme}
    export WORKERS=${TOURISM_WORKERS:-$((2 * cores + 1))}
    export CRON_WORKERS=${TOURISM_CRON_WORKERS:-1}
    export LIMIT_MEMORY_SOFT=${TOURISM_LIMIT_MEMORY_SOFT:-629145600}
    export LIMIT_MEMORY_HARD=${TOURISM_LIMIT_MEMORY_HARD:-1677721600}
    export LIMIT_TIME_CPU=${TOURISM_LIMIT_TIME_CPU:-120}
    export LIMIT_TIME_REAL=${TOURISM_LIMIT_TIME_REAL:-240}
    export LIMIT_TIME_REAL_CRON=${TOURISM_LIMIT_TIME_REAL_CRON:-900}
    export CLIENT_MAX_BODY_SIZE=${TOURISM_CLIENT_MAX_BODY_SIZE:-64m}
    export PROXY_READ_TIMEOUT=${TOURISM_PROXY_READ_TIMEOUT:-300s}
    export LOGIN_RATE=${TOURISM_LOGIN_RATE:-10r/m} LOGIN_BURST=${TOURISM_LOGIN_BURST:-10}
    export PORTAL_RATE=${TOURISM_PORTAL_RATE:-2r/s} PORTAL_BURST=${TOURISM_PORTAL_BURST:-40}
    export RPC_RATE=${TOURISM_RPC_RATE:-20r/s} RPC_BURST=${TOURISM_RPC_BURST:-100}
    export LOG_KEEP_DAYS=${TOURISM_LOG_KEEP_DAYS:-30}
    export RUN_DIR LOG_DIR
    mkdir -p "$RUN_DIR/nginx-tmp" "$LOG_DIR"
}

# render TEMPLATE OUTPUT: replace the ${NAME}s of the template by the exported variables of
# the same name; nginx's own $variables are left alone; a name without a value is an error.
render() {
    local template=$TEMPLATE_DIR/$1 out=$2 names name
    names=$(grep -oE '\$\{[A-Z_]+\}' "$template" | sort -u | tr -d '${}')
    for name in $names; do
        [ -n "${!name+set}" ] || die "$template: no value for \${$name}"
    done
    envsubst "$(printf '${%s} ' $names)" <"$template" >"$out.tmp"
    mv "$out.tmp" "$out"
}

# The master password (database manager, closed anyway): generated once, kept in .local only.
prod_master_password() {
    local file=$RUN_DIR/master_password
    if [ ! -s "$file" ]; then
        (umask 077 && "$PY" -c 'import secrets; print(secrets.token_urlsafe(24))' >"$file")
        log "Master password generated into $file (never committed)"
    fi
    # Hashed once (a new salt each time would make every rendering differ).
    if [ ! -s "$file.hash" ] || [ "$file" -nt "$file.hash" ]; then
        (umask 077 && "$PY" -c 'import sys
from passlib.context import CryptContext
print(CryptContext(["pbkdf2_sha512"]).hash(open(sys.argv[1]).read().strip()))' "$file" >"$file.hash")
    fi
    MASTER_PASSWORD_HASH=$(cat "$file.hash")
    export MASTER_PASSWORD_HASH
}

# render_odoo_conf SUFFIX HTTP_PORT GEVENT_PORT [REPLICA_HOST REPLICA_PORT]
# -> $RUN_DIR/odoo$SUFFIX.conf (one per Odoo node; the nodes share database and data dir).
render_odoo_conf() {
    export NODE_SUFFIX=$1 HTTP_PORT=$2 GEVENT_PORT=$3
    export DB_REPLICA_HOST=${4:-False} DB_REPLICA_PORT=${5:-False}
    export ADDONS_PATH DATA_DIR=$LOCAL_DIR/filestore DB_HOST=127.0.0.1 DB_PORT=$PGPORT
    export DB_USER DB_PASSWORD HTTP_INTERFACE=${TOURISM_HTTP_INTERFACE:-127.0.0.1}
    ADDONS_PATH=$(odoo_common_args | sed -n 's/^--addons-path=//p')
    prod_master_password
    render odoo.conf.tmpl "$RUN_DIR/odoo$NODE_SUFFIX.conf"
    chmod 600 "$RUN_DIR/odoo$NODE_SUFFIX.conf"
}

# render_nginx_conf "HTTP_PORT..." "GEVENT_PORT..." -> $RUN_DIR/nginx*.conf, logrotate.conf.
# With TOURISM_TLS_CERT and TOURISM_TLS_KEY, the HTTPS server on TOURISM_TLS_PORT (8443).
render_nginx_conf() {
    local port
    UPSTREAM_HTTP= UPSTREAM_GEVENT=
    for port in $1; do
        UPSTREAM_HTTP+="        server 127.0.0.1:$port max_fails=1 fail_timeout=10s;"$'\n'
    done
    for port in $2; do
        UPSTREAM_GEVENT+="        server 127.0.0.1:$port max_fails=1 fail_timeout=10s;"$'\n'
    done
    export UPSTREAM_HTTP UPSTREAM_GEVENT PROXY_LISTEN=$PROXY_HOST:$PROXY_PORT TEMPLATE_DIR
    NGINX_USER_LINE="# nginx runs as the user that starts it"
    if [ "$(id -u)" = 0 ]; then
        # Started by root: the workers drop to www-data, which must write the temporary files.
        NGINX_USER_LINE="user www-data;"
        chown -R www-data: "$RUN_DIR/nginx-tmp"
    fi
    export NGINX_USER_LINE
    render nginx.conf.tmpl "$RUN_DIR/nginx.conf"
    render locations.conf.tmpl "$RUN_DIR/nginx-locations.conf"
    if [ -n "${TOURISM_TLS_CERT:-}" ]; then
        [ -r "$TOURISM_TLS_CERT" ] && [ -r "${TOURISM_TLS_KEY:-}" ] \
            || die "TOURISM_TLS_CERT and TOURISM_TLS_KEY must be readable files"
        TLS_CERT=$(realpath "$TOURISM_TLS_CERT") TLS_KEY=$(realpath "$TOURISM_TLS_KEY")
        export TLS_CERT TLS_KEY
        export TLS_PORT=${TOURISM_TLS_PORT:-8443} TLS_LISTEN=$PROXY_HOST:${TOURISM_TLS_PORT:-8443}
        render server-tls.conf.tmpl "$RUN_DIR/nginx-servers.conf"
    else
        render server-http.conf.tmpl "$RUN_DIR/nginx-servers.conf"
    fi
    render logrotate.conf.tmpl "$RUN_DIR/logrotate.conf"
    nginx -t -q -c "$RUN_DIR/nginx.conf" -g "error_log $LOG_DIR/nginx-error.log;" \
        || die "nginx refused $RUN_DIR/nginx.conf"
}

nginx_start_or_reload() {
    command -v nginx >/dev/null || die "nginx is missing: scripts/setup.sh --prod installs it"
    if [ -s "$RUN_DIR/nginx.pid" ] && kill -0 "$(cat "$RUN_DIR/nginx.pid")" 2>/dev/null; then
        nginx -c "$RUN_DIR/nginx.conf" -s reload
    else
        nginx -c "$RUN_DIR/nginx.conf"
    fi
}

# odoo_start SUFFIX: start the node of $RUN_DIR/odoo$SUFFIX.conf in the background (prefork
# master, its HTTP workers, cron workers and the gevent process) unless it runs already.
odoo_start() {
    local suffix=$1 pidfile=$RUN_DIR/odoo$1.pid conf=$RUN_DIR/odoo$1.conf
    if [ -s "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; then
        if cmp -s "$conf" "$conf.running"; then
            log "Odoo$suffix runs already (pid $(cat "$pidfile")) with this configuration"
            return
        fi
        log "Configuration changed: restarting Odoo$suffix"
        stop_pidfile "$pidfile" TERM
    fi
    cp -p "$conf" "$conf.running"
    setsid "$PY" "$ODOO_SRC/odoo-bin" -c "$RUN_DIR/odoo$suffix.conf" \
        >>"$LOG_DIR/odoo$suffix.stderr" 2>&1 </dev/null &
}

# wait_health URL [SECONDS]: until /web/health answers 200.
wait_health() {
    local url=$1 limit=${2:-120} i
    for ((i = 0; i < limit; i++)); do
        curl -kfsS -o /dev/null --max-time 5 "$url" 2>/dev/null && return 0
        sleep 1
    done
    die "$url did not answer within $limit s (logs in $LOG_DIR)"
}

# stop_pidfile FILE [SIGNAL]: stop the process of a pid file and wait for it (60 s at most).
stop_pidfile() {
    local file=$1 sig=${2:-TERM} pid i
    [ -s "$file" ] || return 0
    pid=$(cat "$file")
    if kill -0 "$pid" 2>/dev/null; then
        kill "-$sig" "$pid"
        for ((i = 0; i < 60; i++)); do
            kill -0 "$pid" 2>/dev/null || break
            sleep 1
        done
        kill -0 "$pid" 2>/dev/null && kill -KILL "$pid"
    fi
    rm -f "$file"
}

# Everything serve.sh --prod and cluster_demo.sh started: nginx, then the Odoo nodes.
prod_stop_all() {
    local f
    stop_pidfile "$RUN_DIR/nginx.pid" QUIT
    for f in "$RUN_DIR"/odoo*.pid; do
        [ -e "$f" ] && stop_pidfile "$f" TERM
    done
    return 0
}

# A production cluster is durable (the test cluster is created with fsync off for speed) and,
# with TOURISM_WAL_ARCHIVE=DIR, archives every WAL segment there (point-in-time recovery).
pg_make_durable() {
    local restart=
    psql_admin -c "ALTER SYSTEM SET fsync = on" -c "ALTER SYSTEM SET full_page_writes = on" \
        -c "ALTER SYSTEM SET synchronous_commit = on" -c "ALTER SYSTEM SET wal_level = replica" >/dev/null
    if [ -n "${TOURISM_WAL_ARCHIVE:-}" ]; then
        mkdir -p "$TOURISM_WAL_ARCHIVE"
        [ "$(id -u)" = 0 ] && chown postgres: "$TOURISM_WAL_ARCHIVE"
        psql_admin -c "ALTER SYSTEM SET archive_mode = on" \
            -c "ALTER SYSTEM SET archive_command = 'test ! -f $TOURISM_WAL_ARCHIVE/%f && cp %p $TOURISM_WAL_ARCHIVE/%f'" \
            -c "ALTER SYSTEM SET archive_timeout = '60s'" >/dev/null
        [ "$(psql_admin -c 'SHOW archive_mode')" = on ] || restart=1
    fi
    if [ -n "$restart" ]; then
        log "Restarting PostgreSQL to turn WAL archiving on ($TOURISM_WAL_ARCHIVE)"
        pg_stop
        pg_start
    else
        psql_admin -c "SELECT pg_reload_conf()" >/dev/null
    fi
}
