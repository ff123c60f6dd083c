#!/usr/bin/env bash
# Serve Odoo Tourisme.
#   scripts/serve.sh            the developer server (scripts/run.sh: one threaded process)
#   scripts/serve.sh --prod     the production server, in the background: Odoo in prefork mode
#                               (HTTP workers, cron worker, gevent port for the websocket), nginx in
#                               front on 127.0.0.1:${TOURISM_PROXY_PORT:-8080}, durable PostgreSQL,
#                               logs in .local/log. Stop it all with scripts/stop.sh (make stop).
# Options with --prod: --upgrade (update the tourism addons first). The database is created
# with the demo unless TOURISM_DEMO=0. Settings: TOURISM_* variables, see docs/deployment.md.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
source "$ROOT/scripts/prod_lib.sh"

[ "${1:-}" = --prod ] || exec "$ROOT/scripts/run.sh" "$@"
shift
UPGRADE= CREATED=
for arg in "$@"; do
    case $arg in
        --upgrade) UPGRADE=1 ;;
        *) die "unknown option $arg" ;;
    esac
done

"$ROOT/scripts/setup.sh" --prod
find_odoo
prod_defaults
pg_make_durable
HTTP_PORT=${TOURISM_HTTP_PORT:-8069}
GEVENT_PORT=${TOURISM_GEVENT_PORT:-$((HTTP_PORT + 3))}
DEMO=${TOURISM_DEMO:-1}

if ! db_exists "$DB_NAME"; then
    log "Creating the database $DB_NAME (French, demo data: $DEMO)"
    create_db "$DB_NAME" "$DEMO"
    UPGRADE=1 CREATED=1
fi
if [ -n "$UPGRADE" ]; then
    # Updates run with the server stopped: a worker must never serve half-updated addons.
    prod_stop_all
    log "Installing / updating $TOURISM_ADDONS in $DB_NAME"
    demo_args=() install_args=()
    [ "$DEMO" = 1 ] || demo_args=(--without-demo=all)
    NEW_ADDONS=$(addons_to_install "$DB_NAME")
    [ -z "$NEW_ADDONS" ] || install_args=(-i "$NEW_ADDONS")
    odoo_bin -d "$DB_NAME" "${install_args[@]}" -u "$TOURISM_ADDONS" "${demo_args[@]}" \
        --stop-after-init --http-port=0 --max-cron-threads=0 --log-level=warn
fi
if [ -n "$CREATED" ] && [ "$DEMO" != 1 ]; then
    # Without the demo, the user "admin" must not keep the password "admin" of a new database.
    (umask 077 && "$PY" -c 'import secrets; print(secrets.token_urlsafe(12))' >"$RUN_DIR/admin_password")
    mapfile -t args < <(odoo_common_args)
    ADMIN_PASSWORD=$(cat "$RUN_DIR/admin_password") "$PY" "$ODOO_SRC/odoo-bin" shell "${args[@]}" \
        -d "$DB_NAME" --no-http --log-level=warn >/dev/null <<'PY'
env.ref("base.user_admin").password = __import__("os").environ["ADMIN_PASSWORD"]
env.cr.commit()
PY
    log "Password of the user admin generated into $RUN_DIR/admin_password"
fi

render_odoo_conf "" "$HTTP_PORT" "$GEVENT_PORT"
render_nginx_conf "$HTTP_PORT" "$GEVENT_PORT"
log "Starting Odoo: $WORKERS workers, $CRON_WORKERS cron worker(s), HTTP 127.0.0.1:$HTTP_PORT, gevent $GEVENT_PORT"
odoo_start ""
wait_health "http://127.0.0.1:$HTTP_PORT/web/health"
nginx_start_or_reload
scheme=http port=$PROXY_PORT
[ -n "${TOURISM_TLS_CERT:-}" ] && scheme=https port=${TOURISM_TLS_PORT:-8443}
wait_health "$scheme://$PROXY_HOST:$port/web/health" 30
# Rotate once now (no-op unless due); the crontab line is in .local/prod/logrotate.conf.
logrotate -s "$RUN_DIR/logrotate.state" "$RUN_DIR/logrotate.conf" || true

cat <<INFO

  Odoo Tourisme (production mode) answers on $scheme://$PROXY_HOST:$port  (database "$DB_NAME")
  Configuration (rendered from config/prod/): $RUN_DIR
  Logs: $LOG_DIR (rotation: $RUN_DIR/logrotate.conf)
  Master password: $RUN_DIR/master_password (database manager closed: list_db = False)
  Stop everything: make stop (scripts/stop.sh)

INFO
