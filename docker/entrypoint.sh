#!/bin/bash
# Entry point of the Odoo Tourisme image: renders config/docker/odoo.conf.tmpl from the
# environment into $ODOO_RC, waits for PostgreSQL, then runs the command ("odoo" by default,
# or docker/init.sh for the one-shot init service).
# The same script runs natively (scripts/docker_check.sh) with PYTHON, ODOO_BIN, ADDONS_PATH,
# ODOO_RC and TOURISM_HOME pointing to the machine's paths.
set -euo pipefail
TOURISM_HOME=${TOURISM_HOME:-/opt/tourism}
PYTHON=${PYTHON:-python3}
export ODOO_RC=${ODOO_RC:-/tmp/odoo.conf}
export DB_HOST=${DB_HOST:-db} DB_PORT=${DB_PORT:-5432} DB_USER=${DB_USER:-odoo}
export DATA_DIR=${DATA_DIR:-/var/lib/odoo} DB_NAME=${DB_NAME:-tourisme} WORKERS=${WORKERS:-5} CRON_WORKERS=${CRON_WORKERS:-1}
# Secrets come from files (compose secrets), never from the image or the command line.
DB_PASSWORD=$(cat "${DB_PASSWORD_FILE:-/run/secrets/db_password}")
ADMIN_PASSWD=$(cat "${ADMIN_PASSWD_FILE:-/run/secrets/odoo_admin_passwd}")
export DB_PASSWORD ADMIN_PASSWD
if [ -z "${ADDONS_PATH:-}" ]; then
    # Ours, then every odoo/addons directory on the Python path: Odoo's own (Debian package)
    # and the OCA wheels' (pip).
    ADDONS_PATH=$TOURISM_HOME/addons,$("$PYTHON" -c 'import os, sys
dirs = (os.path.join(p, "odoo", "addons") for p in sys.path)
print(",".join(dict.fromkeys(d for d in dirs if os.path.isdir(d))))')
fi
export ADDONS_PATH
(umask 077 && "$PYTHON" -c 'import os, string, sys
sys.stdout.write(string.Template(open(sys.argv[1]).read()).substitute(os.environ))' \
    "$TOURISM_HOME/config/docker/odoo.conf.tmpl" >"$ODOO_RC")

# PostgreSQL may still be starting (compose waits for its health check; this is the fallback).
"$PYTHON" - <<'PY'
import os, sys, time
import psycopg2
for _ in range(60):
    try:
        psycopg2.connect(host=os.environ["DB_HOST"], port=os.environ["DB_PORT"],
                         user=os.environ["DB_USER"], password=os.environ["DB_PASSWORD"],
                         dbname="postgres").close()
        sys.exit(0)
    except psycopg2.OperationalError:
        time.sleep(1)
sys.exit("PostgreSQL did not answer within 60 s")
PY

case "${1:-odoo}" in
    odoo) shift || true; exec ${ODOO_BIN:-odoo} -c "$ODOO_RC" "$@" ;;
    *) exec "$@" ;;
esac
