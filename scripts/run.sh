#!/usr/bin/env bash
# Set up everything, create (or upgrade) the database "tourisme" with every tourism addon, the
# French language and the Chalosse Tursan demo data, then serve http://localhost:8069.
# Usage: scripts/run.sh [--no-serve]   (--no-serve: prepare the database and stop)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

DB=${TOURISM_DB:-tourisme}
HTTP_PORT=${TOURISM_HTTP_PORT:-8069}
"$ROOT/scripts/setup.sh"
find_odoo
mkdir -p "$LOCAL_DIR"

if db_exists "$DB"; then
    # -u upgrades the addons already there, -i installs the ones added since.
    log "Upgrading $TOURISM_ADDONS in the database $DB"
    install_args=()
    NEW_ADDONS=$(addons_to_install "$DB")
    [ -z "$NEW_ADDONS" ] || install_args=(-i "$NEW_ADDONS")
    odoo_bin -d "$DB" -u "$TOURISM_ADDONS" "${install_args[@]}" --stop-after-init \
        --http-port="$HTTP_PORT" --log-level=warn
else
    log "Creating the database $DB (French, demo data)"
    create_db "$DB" 1
    log "Installing $TOURISM_ADDONS"
    odoo_bin -d "$DB" -i "$TOURISM_ADDONS" --stop-after-init --http-port="$HTTP_PORT" \
        --log-level=warn
fi

cat <<INFO

  Odoo Tourisme is ready: http://localhost:$HTTP_PORT  (database "$DB")
  Demo logins (login / password):
    admin / admin                Responsable OT (administrator)
    conseiller / conseiller      Conseillère en séjour, BIT de Hagetmau
    regisseur / regisseur        Régisseur de recettes
    comptable / comptable        Comptable
    prestataire / prestataire    Portal: Hôtel de l'Abbaye, Saint-Sever (prestataire)
    cave / cave                  Portal: Cave des Coteaux du Tursan, Geaune (prestataire)

INFO
[ "${1:-}" = --no-serve ] && exit 0
log "Serving on http://localhost:$HTTP_PORT (Ctrl-C to stop; scripts/stop.sh stops PostgreSQL)"
mapfile -t args < <(odoo_common_args)
exec "$PY" "$ODOO_SRC/odoo-bin" "${args[@]}" -d "$DB" --db-filter="^$DB\$" --http-port="$HTTP_PORT"
