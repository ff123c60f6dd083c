#!/usr/bin/env bash
# Restore a backup of scripts/backup.sh into a NEW database, with its filestore.
# Usage: scripts/restore.sh BACKUP_DIR NEW_DB [--neutralize]
#   --neutralize: a copy that must not act (Odoo's "neutralize": crons, mail servers and
#                 payment providers off), e.g. a test copy of the production database.
# The database must not exist: a restore never overwrites a database.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

[ $# -ge 2 ] || die "usage: scripts/restore.sh BACKUP_DIR NEW_DB [--neutralize]"
SRC=$1 DB=$2 NEUTRALIZE=
[ "${3:-}" = --neutralize ] && NEUTRALIZE=1
[[ $DB =~ ^[A-Za-z0-9_.-]+$ ]] || die "invalid database name: $DB"
[ -f "$SRC/db.dump" ] && [ -f "$SRC/filestore.tar.gz" ] || die "$SRC is not a backup of scripts/backup.sh"
(cd "$SRC" && sha256sum --quiet -c SHA256SUMS) || die "$SRC is damaged (checksums differ)"
db_exists "$DB" && die "database $DB exists already: choose a new name"
filestore=$LOCAL_DIR/filestore/filestore/$DB
[ -e "$filestore" ] && die "$filestore exists already"

cleanup() {
    psql_admin -c "DROP DATABASE IF EXISTS \"$DB\"" >/dev/null 2>&1 || true
    rm -rf "$filestore"
}
trap cleanup ERR

export PGPASSWORD=$DB_PASSWORD
psql_admin -c "CREATE DATABASE \"$DB\" OWNER $DB_USER ENCODING 'UTF8' TEMPLATE template0" >/dev/null
"$PG_BIN/pg_restore" -h 127.0.0.1 -p "$PGPORT" -U "$DB_USER" -d "$DB" \
    --no-owner --role="$DB_USER" --exit-on-error --jobs=2 "$SRC/db.dump"
mkdir -p "$filestore"
tar -C "$filestore" -xzf "$SRC/filestore.tar.gz"

if [ -n "$NEUTRALIZE" ]; then
    find_odoo
    mapfile -t args < <(odoo_common_args)
    "$PY" "$ODOO_SRC/odoo-bin" neutralize "${args[@]}" -d "$DB" --log-level=warn
fi
trap - ERR
log "Restored $SRC into the database $DB (filestore $filestore)"
