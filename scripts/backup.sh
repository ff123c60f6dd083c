#!/usr/bin/env bash
# Back up one database: a consistent dump in PostgreSQL's custom format (pg_dump -Fc, one
# snapshot) and its filestore, in a timestamped directory; older backups beyond the retention
# count are removed.
# Usage: scripts/backup.sh [DB]        (default: $TOURISM_DB or "tourisme")
#   TOURISM_BACKUP_DIR   where backups go (default .local/backups)
#   TOURISM_BACKUP_KEEP  how many backups of this database to keep (default 14)
# Prints the backup's directory on its last line. Restore with scripts/restore.sh.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

DB=${1:-${TOURISM_DB:-tourisme}}
BACKUP_DIR=${TOURISM_BACKUP_DIR:-$LOCAL_DIR/backups}
KEEP=${TOURISM_BACKUP_KEEP:-14}
[[ $KEEP =~ ^[1-9][0-9]*$ ]] || die "TOURISM_BACKUP_KEEP must be a positive number"
db_exists "$DB" || die "no database $DB on port $PGPORT"

stamp=$(date -u +%Y%m%dT%H%M%SZ)
dest=$BACKUP_DIR/$DB-$stamp
[ -e "$dest" ] && die "$dest exists already"
umask 077  # personal data: readable by the owner only
mkdir -p "$dest.partial"
trap 'rm -rf "$dest.partial"' EXIT

# The dump first, the files after: Odoo deletes a file only in its garbage collection, once
# no attachment refers to it, so every file the dump refers to is still there to be copied.
PGPASSWORD=$DB_PASSWORD "$PG_BIN/pg_dump" -h 127.0.0.1 -p "$PGPORT" -U "$DB_USER" \
    --format=custom --compress=6 --file="$dest.partial/db.dump" "$DB"
filestore=$LOCAL_DIR/filestore/filestore/$DB
if [ -d "$filestore" ]; then
    tar -C "$filestore" -czf "$dest.partial/filestore.tar.gz" .
else
    tar -czf "$dest.partial/filestore.tar.gz" -T /dev/null
fi
{
    echo "database=$DB"
    echo "created=$stamp"
    echo "postgresql=$("$PG_BIN/pg_dump" --version)"
    echo "odoo=$(sed -n 's/^version_info = (\([0-9]*\), \([0-9]*\).*/\1.\2/p' "${ODOO_SRC:-/opt/odoo/18.0}/odoo/release.py" 2>/dev/null)"
} >"$dest.partial/MANIFEST"
(cd "$dest.partial" && sha256sum db.dump filestore.tar.gz >SHA256SUMS)
mv "$dest.partial" "$dest"
trap - EXIT

# Retention: the newest $KEEP backups of this database stay.
mapfile -t old < <(find "$BACKUP_DIR" -maxdepth 1 -type d -name "$DB-[0-9]*T[0-9]*Z" | sort | head -n "-$KEEP")
for dir in "${old[@]}"; do
    rm -rf "$dir"
done
log "Backup of $DB: $(du -sh "$dest" | cut -f1) (${#old[@]} old backup(s) removed, $KEEP kept)"
echo "$dest"
