#!/bin/bash
# One-shot init service of docker-compose.yml (run through docker/entrypoint.sh): creates the
# database as scripts/create_db.py does (French, French company, euro, then the French chart of
# accounts) and installs every tourism addon, with the demo when TOURISM_DEMO=1. On an existing
# database it does nothing, or updates the addons when TOURISM_UPGRADE=1.
set -euo pipefail
TOURISM_HOME=${TOURISM_HOME:-/opt/tourism}
PYTHON=${PYTHON:-python3}
read -r -a ODOO <<<"${ODOO_BIN:-odoo}"
DEMO=${TOURISM_DEMO:-0}
ADDONS=$(cd "$TOURISM_HOME/addons" && ls -d */__manifest__.py | cut -d/ -f1 | sort | paste -sd, -)
# One process, no HTTP: the init never competes with the odoo service for its ports.
RUN=("${ODOO[@]}" -c "$ODOO_RC" -d "$DB_NAME" --workers=0 --max-cron-threads=0 --no-http
    --stop-after-init --log-level=warn)

state=$("$PYTHON" - <<'PY'
import os
import psycopg2
args = dict(host=os.environ["DB_HOST"], port=os.environ["DB_PORT"],
            user=os.environ["DB_USER"], password=os.environ["DB_PASSWORD"])
with psycopg2.connect(dbname="postgres", **args) as cn, cn.cursor() as cr:
    cr.execute("SELECT 1 FROM pg_database WHERE datname = %s", [os.environ["DB_NAME"]])
    exists = cr.fetchone()
if not exists:
    print("missing")
else:
    with psycopg2.connect(dbname=os.environ["DB_NAME"], **args) as cn, cn.cursor() as cr:
        cr.execute("SELECT 1 FROM ir_module_module WHERE name = 'tourism_base'"
                   " AND state = 'installed'")
        print("ready" if cr.fetchone() else "partial")
PY
)
case $state in
    ready)
        if [ "${TOURISM_UPGRADE:-0}" = 1 ]; then
            echo "init: updating $ADDONS in $DB_NAME"
            "${RUN[@]}" -u "$ADDONS"
        else
            echo "init: $DB_NAME is ready, nothing to do"
        fi
        exit 0 ;;
    partial)
        echo "init: $DB_NAME exists without the tourism addons: drop it or finish by hand" >&2
        exit 1 ;;
esac
echo "init: creating $DB_NAME (French, demo: $DEMO)"
odoo_dir=$("$PYTHON" -c 'import os, odoo; print(os.path.dirname(os.path.dirname(odoo.__file__)))')
"$PYTHON" "$TOURISM_HOME/scripts/create_db.py" "$odoo_dir" "$DB_NAME" "$DEMO" -c "$ODOO_RC" \
    --log-level=warn
# The chart of accounts follows the company's country when accounting is installed.
"${RUN[@]}" -i l10n_fr_account
demo_args=()
[ "$DEMO" = 1 ] || demo_args=(--without-demo=all)
echo "init: installing $ADDONS"
"${RUN[@]}" -i "$ADDONS" "${demo_args[@]}"
# The administrator's password: never the "admin" of a new database outside the demo.
if [ -s "${ADMIN_LOGIN_PASSWORD_FILE:-/run/secrets/odoo_admin_login_password}" ]; then
    ADMIN_LOGIN_PASSWORD=$(cat "${ADMIN_LOGIN_PASSWORD_FILE:-/run/secrets/odoo_admin_login_password}")
    export ADMIN_LOGIN_PASSWORD
    echo 'env.ref("base.user_admin").password = __import__("os").environ["ADMIN_LOGIN_PASSWORD"]
env.cr.commit()' | "${ODOO[@]}" shell -c "$ODOO_RC" -d "$DB_NAME" --no-http --log-level=warn
    echo "init: administrator password set"
elif [ "$DEMO" != 1 ]; then
    echo "init: WARNING: the administrator's password is 'admin': give odoo_admin_login_password" >&2
fi
echo "init: done"
