#!/usr/bin/env bash
# What can be checked of the Docker setup without a Docker daemon, and prints what it checked:
#  1. the requirements the Dockerfile installs (scripts/docker_requirements.py), installed with
#     the Dockerfile's pip command into a fresh virtualenv where Odoo is installed as the image's
#     Debian package provides it (the "odoo" distribution);
#  2. docker-compose.yml: parsed and validated by docker-compose's own schema (docker-compose
#     1.29 from PyPI, in .local/compose-venv) and by our checks (services, health checks,
#     volumes, secrets, order of start);
#  3. the nginx templates rendered as the nginx image does, then `nginx -t`;
#  4. with --init: docker/entrypoint.sh and docker/init.sh run natively against the project's
#     PostgreSQL cluster into a throwaway database (tourisme_docker, dropped at the end).
# Usage: scripts/docker_check.sh [--init] [--keep] [--no-pip]   (--no-pip: skip 1, 4 minutes here)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
RUN_INIT= KEEP= PIP=1
for arg in "$@"; do
    case $arg in
        --init) RUN_INIT=1 ;;
        --no-pip) PIP= ;;
        --keep) KEEP=1 ;;
        *) die "unknown option $arg" ;;
    esac
done
find_odoo
work=$(mktemp -d /tmp/tourism-docker-check.XXXXXX)
trap 'rm -rf "$work"' EXIT
ok() { printf '  ok  %s\n' "$*"; }

# --- 1. pip install of the Dockerfile ----------------------------------------------------------
log "1. The Dockerfile's pip install, in a fresh virtualenv"
"$PY" "$ROOT/scripts/docker_requirements.py" "$ROOT/requirements.txt" >"$work/requirements-docker.txt"
ok "requirements-docker.txt: $(paste -sd' ' "$work/requirements-docker.txt")"
if [ -n "$PIP" ]; then
python3 -m venv "$work/venv"
PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_CONSTRAINT=$ROOT/requirements-build.txt \
    "$work/venv/bin/pip" install -q --no-deps -e "$ODOO_SRC" --config-settings editable_mode=compat
"$work/venv/bin/python" -c 'import importlib.metadata as m; print("  ok  odoo distribution", m.version("odoo"))'
PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_BREAK_SYSTEM_PACKAGES=1 \
    "$work/venv/bin/pip" install -q --no-cache-dir -r "$work/requirements-docker.txt"
"$work/venv/bin/python" -c 'import os, sys
names = ("report_xlsx", "account_reconcile_oca", "account_statement_import_ofx")
found = {n: [p for p in sys.path if os.path.isdir(os.path.join(p, "odoo", "addons", n))] for n in names}
missing = [n for n, paths in found.items() if not paths]
sys.exit(f"missing OCA addons: {missing}") if missing else print("  ok  OCA addons installed:", ", ".join(names))'
fi

# --- 2. docker-compose.yml ---------------------------------------------------------------------
log "2. docker-compose.yml"
CVENV=$LOCAL_DIR/compose-venv
if [ ! -x "$CVENV/bin/docker-compose" ]; then
    python3 -m venv "$CVENV"
    # PyYAML 5.4 (docker-compose 1.29's pin) builds only with Cython < 3.
    echo 'cython<3' >"$work/cython.txt"
    PIP_CONSTRAINT=$work/cython.txt "$CVENV/bin/pip" install -q docker-compose==1.29.2
fi
mkdir -p "$work/project/.local/docker"
cp "$ROOT/docker-compose.yml" "$work/project/"
printf 'x' >"$work/project/.local/docker/db_password"
printf 'x' >"$work/project/.local/docker/odoo_admin_passwd"
printf 'x' >"$work/project/.local/docker/odoo_admin_login_password"
(cd "$work/project" && "$CVENV/bin/docker-compose" config -q)
ok "docker-compose 1.29.2 'config': valid"
(cd "$work/project" && "$CVENV/bin/docker-compose" config) >"$work/compose-resolved.yml"
"$CVENV/bin/python" - "$work/compose-resolved.yml" <<'PY'
import sys
import yaml

spec = yaml.safe_load(open(sys.argv[1]))
services = spec["services"]
assert set(services) == {"db", "init", "odoo", "nginx"}, services
assert services["odoo"]["build"] and services["init"]["build"], "odoo and init build the Dockerfile"
for name in ("db", "odoo", "nginx"):
    assert services[name].get("healthcheck", {}).get("test"), f"{name} has no health check"
    assert services[name]["restart"] == "unless-stopped", name
assert services["init"]["restart"] == "no"
assert services["init"]["depends_on"]["db"]["condition"] == "service_healthy"
assert services["odoo"]["depends_on"]["init"]["condition"] == "service_completed_successfully"
assert services["nginx"]["depends_on"]["odoo"]["condition"] == "service_healthy"
assert int(services["odoo"]["environment"]["WORKERS"]) > 0, "odoo runs with workers"
assert services["init"]["command"] == ["/opt/tourism/docker/init.sh"]
for name in ("db", "init", "odoo"):
    env = services[name].get("environment", {})
    assert not any("PASSWORD" in k and not k.endswith("_FILE") for k in env), f"{name}: secret in env"
assert {"db-data", "odoo-data"} <= set(spec["volumes"])
mounts = {m["target"] if isinstance(m, dict) else m.split(":")[1] for s in services.values() for m in s.get("volumes", [])}
assert "/var/lib/odoo" in mounts and "/var/lib/postgresql/data" in mounts
ports = services["nginx"]["ports"]
assert all(
    (p.get("host_ip") if isinstance(p, dict) else str(p).split(":")[0]) == "127.0.0.1" for p in ports
), ports
assert not services["odoo"].get("ports"), "odoo is reached through nginx only"
print("  ok  services db, init (one-shot, after db healthy), odoo (workers, after init done),")
print("      nginx (after odoo healthy); health checks; volumes; secrets from files; ports")
PY

# --- 3. nginx templates ------------------------------------------------------------------------
log "3. nginx of docker-compose.yml"
mkdir -p "$work/nginx/conf.d"
# The values of the nginx service's environment, substituted as the image's envsubst does.
eval "$("$CVENV/bin/python" - "$work/compose-resolved.yml" <<'PY'
import shlex, sys, yaml
env = yaml.safe_load(open(sys.argv[1]))["services"]["nginx"]["environment"]
print("\n".join(f"export {k}={shlex.quote(str(v))}" for k, v in env.items()))
PY
)"
names='${CLIENT_MAX_BODY_SIZE} ${PROXY_READ_TIMEOUT} ${LOGIN_RATE} ${LOGIN_BURST} ${PORTAL_RATE} ${PORTAL_BURST} ${RPC_RATE} ${RPC_BURST} ${TEMPLATE_DIR}'
envsubst "$names" <"$ROOT/config/docker/nginx.conf.template" \
    | sed -e 's/server odoo:/server 127.0.0.1:/' -e "s|/etc/nginx/conf.d/|$work/nginx/conf.d/|" \
        -e "s|/var/log/nginx/|$work/nginx/|" >"$work/nginx/conf.d/default.conf"
envsubst "$names" <"$ROOT/config/prod/locations.conf.tmpl" >"$work/nginx/conf.d/locations.inc"
grep -qE '\$\{[A-Z_]+\}' "$work/nginx/conf.d/default.conf" "$work/nginx/conf.d/locations.inc" \
    && die "a \${...} of the nginx templates has no value in docker-compose.yml"
cat >"$work/nginx/nginx.conf" <<EOF
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log;
events {}
http { include /etc/nginx/mime.types; include $work/nginx/conf.d/default.conf; }
EOF
nginx -t -q -c "$work/nginx/nginx.conf"
ok "nginx -t accepts the rendered templates (odoo:8069/8072 as 127.0.0.1)"

# --- 4. entrypoint + init, natively -------------------------------------------------------------
if [ -n "$RUN_INIT" ]; then
    DB=tourisme_docker
    log "4. docker/entrypoint.sh docker/init.sh natively into the throwaway database $DB"
    pg_start
    db_exists "$DB" && psql_admin -c "DROP DATABASE \"$DB\" WITH (FORCE)" >/dev/null
    printf '%s' "$DB_PASSWORD" >"$work/db_password"
    "$PY" -c 'import secrets; print(secrets.token_urlsafe(16), end="")' >"$work/admin_passwd"
    printf 'Admin-login-%s' "$RANDOM" >"$work/admin_login_password"
    start=$(date +%s)
    env TOURISM_HOME="$ROOT" PYTHON="$PY" ODOO_BIN="$PY $ODOO_SRC/odoo-bin" \
        ADDONS_PATH="$(odoo_common_args | sed -n 's/^--addons-path=//p')" \
        ODOO_RC="$work/odoo.conf" DATA_DIR="$LOCAL_DIR/filestore" DB_HOST=127.0.0.1 DB_PORT="$PGPORT" DB_USER="$DB_USER" \
        DB_NAME="$DB" DB_PASSWORD_FILE="$work/db_password" ADMIN_PASSWD_FILE="$work/admin_passwd" \
        ADMIN_LOGIN_PASSWORD_FILE="$work/admin_login_password" TOURISM_DEMO=0 "$ROOT/docker/entrypoint.sh" "$ROOT/docker/init.sh"
    psql_admin -d "$DB" -c "SELECT string_agg(name, ',' ORDER BY name) FROM ir_module_module
        WHERE state = 'installed' AND (name LIKE 'tourism_%' OR name = 'l10n_fr_account')" \
        | sed 's/^/  ok  installed: /'
    psql_admin -d "$DB" -c "SELECT 'company ' || p.name || ', country ' || c.code || ', chart ' || coalesce(co.chart_template, '?') || ', admin lang ' || u_p.lang
        FROM res_company co JOIN res_partner p ON p.id = co.partner_id
        JOIN res_country c ON c.id = p.country_id, res_users u JOIN res_partner u_p ON u_p.id = u.partner_id
        WHERE co.id = 1 AND u.id = 2" | sed 's/^/  ok  /'
    grep -q '^list_db = False' "$work/odoo.conf" && ok "rendered odoo.conf: list_db = False, workers $(sed -n 's/^workers = //p' "$work/odoo.conf")"
    # Run again: an existing database is left alone.
    env TOURISM_HOME="$ROOT" PYTHON="$PY" ODOO_BIN="$PY $ODOO_SRC/odoo-bin" \
        ADDONS_PATH="$(odoo_common_args | sed -n 's/^--addons-path=//p')" \
        ODOO_RC="$work/odoo.conf" DATA_DIR="$LOCAL_DIR/filestore" DB_HOST=127.0.0.1 DB_PORT="$PGPORT" DB_USER="$DB_USER" \
        DB_NAME="$DB" DB_PASSWORD_FILE="$work/db_password" ADMIN_PASSWD_FILE="$work/admin_passwd" \
        "$ROOT/docker/entrypoint.sh" "$ROOT/docker/init.sh" | sed 's/^/  ok  second run: /'
    ok "init took $(($(date +%s) - start)) s"
    if [ -z "$KEEP" ]; then
        psql_admin -c "DROP DATABASE \"$DB\" WITH (FORCE)" >/dev/null
        rm -rf "$LOCAL_DIR/filestore/filestore/$DB"
    fi
fi
log "Not run here (no Docker daemon): building the image (FROM odoo:18.0, its Python and Debian
    packages), the containers themselves, their health checks and the nginx image's entrypoint."
