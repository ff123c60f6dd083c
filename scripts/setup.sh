#!/usr/bin/env bash
# Set up everything the project needs on a Debian 12 machine; idempotent and fast when nothing
# changed: Debian packages when missing, the Python virtualenv (.venv), the Odoo source, and the
# project's own PostgreSQL cluster (started). Usage: scripts/setup.sh [--dev] [--prod]
# (--dev: linters too; --prod: nginx and logrotate for scripts/serve.sh --prod).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

WITH_DEV= WITH_PROD=
for arg in "$@"; do
    case $arg in
        --dev) WITH_DEV=1 ;;
        --prod) WITH_PROD=1 ;;
        *) die "unknown option $arg" ;;
    esac
done

# --- Debian packages --------------------------------------------------------------------------
# The report fonts (Lato, Odoo's default, and the layout's Roboto and Open Sans) are installed
# fonts: tourism_base makes the PDF reports embed them as text (see its manifest).
DEB_PACKAGES=(libldap2-dev libsasl2-dev libpq-dev chromium fonts-dejavu-core wkhtmltopdf
    fonts-lato fonts-roboto fonts-open-sans poppler-utils "postgresql-$PG_VERSION")
# The linters need node and npm; any install of them will do.
[ -n "$WITH_DEV" ] && ! command -v npm >/dev/null && DEB_PACKAGES+=(nodejs npm)
# The production server: nginx (the light flavour has proxy, gzip, TLS, HTTP/2, limit_req),
# logrotate, envsubst (renders config/prod/*.tmpl), curl (health checks).
[ -n "$WITH_PROD" ] && DEB_PACKAGES+=(nginx-light logrotate gettext-base curl)
missing=()
for pkg in "${DEB_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
    log "Installing Debian packages: ${missing[*]}"
    [ "$(id -u)" = 0 ] || SUDO=sudo
    ${SUDO:-} apt-get update -qq
    DEBIAN_FRONTEND=noninteractive ${SUDO:-} apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# --- Odoo source --------------------------------------------------------------------------------
find_odoo
log "Odoo 18.0 source: $ODOO_SRC"

# --- Python virtualenv --------------------------------------------------------------------------
PYTHON=$(command -v python3.11 || command -v python3)
"$PYTHON" -c 'import sys; sys.exit(not (3, 10) <= sys.version_info[:2] <= (3, 12))' \
    || die "Odoo 18.0 needs Python 3.10 to 3.12; $PYTHON is $("$PYTHON" --version)"
req_files=("$ROOT/requirements.txt" "$ROOT/requirements-build.txt")
[ -n "$WITH_DEV" ] && req_files+=("$ROOT/requirements-dev.txt")
stamp=$( (cat "${req_files[@]}"; "$PYTHON" --version; echo "$ODOO_SRC") | sha256sum | cut -c1-16)
if [ ! -x "$PY" ]; then
    log "Creating the virtualenv $VENV"
    "$PYTHON" -m venv "$VENV"
fi
if [ "$(cat "$VENV/.tourism-stamp" 2>/dev/null)" != "$stamp" ]; then
    log "Installing Python requirements into $VENV"
    export PIP_CONSTRAINT=$ROOT/requirements-build.txt PIP_DISABLE_PIP_VERSION_CHECK=1
    "$PY" -m pip install -q --upgrade "pip<25" wheel "setuptools<80"
    # Odoo itself, so that OCA wheels (which require the 'odoo' distribution) resolve;
    # compat mode keeps 'import odoo' working once OCA wheels add site-packages/odoo/addons.
    "$PY" -m pip install -q --no-deps -e "$ODOO_SRC" --config-settings editable_mode=compat
    req_args=()
    for f in "${req_files[@]}"; do req_args+=(-r "$f"); done
    "$PY" -m pip install -q "${req_args[@]}"
    echo "$stamp" >"$VENV/.tourism-stamp"
fi

# --- Linters (node) -----------------------------------------------------------------------------
if [ -n "$WITH_DEV" ] && [ ! -x "$LOCAL_DIR/node/node_modules/.bin/prettier" ]; then
    log "Installing prettier into $LOCAL_DIR/node"
    mkdir -p "$LOCAL_DIR/node"
    npm install --silent --no-audit --no-fund --prefix "$LOCAL_DIR/node" \
        prettier@3.3.3 @prettier/plugin-xml@3.4.1 >/dev/null
fi

# --- PostgreSQL ---------------------------------------------------------------------------------
pg_start
log "PostgreSQL cluster running on 127.0.0.1:$PGPORT (data in $PGDIR)"
