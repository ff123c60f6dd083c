#!/usr/bin/env bash
# Run every test of our addons on a fresh throwaway database.
# Usage: scripts/test.sh [addon,addon...]   (default: every addon under addons/)
# Also runs the tooling tests under tests/ (plain unittest). Last line: "N passed, N failed".
# Exit status non-zero on any failed test, test error, skipped test (a skipped browser test
# means chromium or websocket-client is missing), ERROR line in the log, or a crash while
# installing (scripts/odoo_test_summary.py judges the Odoo log).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

ADDONS=${1:-$TOURISM_ADDONS}
DB=${TOURISM_TEST_DB:-tourisme_test}
HTTP_PORT=${TOURISM_TEST_HTTP_PORT:-18069}
LOG=$LOCAL_DIR/test.log
start=$(date +%s)

"$ROOT/scripts/setup.sh"
find_odoo
mkdir -p "$LOCAL_DIR"

if db_exists "$DB"; then
    psql_admin -c "DROP DATABASE \"$DB\" WITH (FORCE)" >/dev/null
fi
rm -rf "$LOCAL_DIR/filestore/filestore/$DB"
log "Creating the test database $DB"
create_db "$DB" 1 >"$LOG.create" 2>&1 || { tail -n 30 "$LOG.create"; exit 1; }

tags=$(echo "$ADDONS" | tr ',' '\n' | sed 's|^|/|' | paste -sd, -)
log "Installing $ADDONS with tests (log: $LOG)"
set +e
odoo_bin -d "$DB" -i "$ADDONS" --test-tags "$tags" --stop-after-init \
    --http-port="$HTTP_PORT" --gevent-port="$((HTTP_PORT + 1))" --max-cron-threads=0 \
    --log-level=info --logfile= 2>&1 | tee "$LOG" \
    | grep --line-buffered -E "(ERROR|CRITICAL|WARNING) .*(tourism|odoo.tests)|odoo.tests.result|FAIL:|skipped |Loading .* modules|tests .*queries$" \
    | sed -E 's/^[0-9-]+ [0-9:,]+ [0-9]+ //'
rc=${PIPESTATUS[0]}
set -e

# The project's own tooling tests (plain unittest) count in the closing line too. The backup /
# restore test (tests/test_backup_restore.py) uses the test database; only on a full run.
[ "$ADDONS" = "$TOURISM_ADDONS" ] && export TOURISM_TEST_BACKUP=1 TOURISM_TEST_DB=$DB
unit_out=$("$PY" -m unittest discover -s "$ROOT/tests" 2>&1) && unit_rc=0 || unit_rc=$?
unit_total=$(sed -nE 's/^Ran ([0-9]+) tests?.*/\1/p' <<<"$unit_out")
unit_failed=$(grep -oE '(failures|errors)=[0-9]+' <<<"$unit_out" | awk -F= '{n += $2} END {print n + 0}' || true)
unit_total=${unit_total:-0} unit_failed=${unit_failed:-0}
[ "$unit_rc" -ne 0 ] && [ "$unit_failed" -eq 0 ] && unit_failed=1
[ "$unit_rc" -ne 0 ] && echo "$unit_out"

odoo_line=$("$PY" "$ROOT/scripts/odoo_test_summary.py" "$LOG" "$rc") && status=0 || status=1
echo "$odoo_line" | sed '$d'
read -r passed _ failed _ <<<"$(tail -n 1 <<<"$odoo_line")"
passed=$((passed + unit_total - unit_failed))
failed=$((failed + unit_failed))
[ "$unit_rc" -ne 0 ] && status=1
echo "Test run took $(($(date +%s) - start)) s (odoo exit status $rc, $unit_total tooling tests)."
echo "$passed passed, $failed failed"
exit "$status"
