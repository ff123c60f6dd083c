#!/usr/bin/env bash
# Run every test of our addons on a fresh throwaway database.
# Usage: scripts/test.sh [addon,addon...]   (default: every addon under addons/)
# Last line: "N passed, N failed". Exit status non-zero on any failed test, test error,
# skipped test (a skipped browser test means chromium or websocket-client is missing),
# ERROR line in the log, or a crash while installing.
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

summary=$(grep -E "odoo\.tests\.result: [0-9]+ failed, [0-9]+ error\(s\) of [0-9]+ tests" "$LOG" | tail -n 1 || true)
if [[ $summary =~ ([0-9]+)\ failed,\ ([0-9]+)\ error\(s\)\ of\ ([0-9]+)\ tests ]]; then
    failures=${BASH_REMATCH[1]} errors=${BASH_REMATCH[2]} total=${BASH_REMATCH[3]}
else
    failures=0 errors=0 total=0
fi
skipped=$(grep -cE "INFO $DB odoo\.addons\.[a-z_.]+: skipped " "$LOG" || true)
# ERROR/CRITICAL lines that are not already counted as a failed test (e.g. a broken view).
log_errors=$(grep -E " (ERROR|CRITICAL) " "$LOG" | grep -vcE "odoo\.tests\.result|FAIL: |ERROR: " || true)

passed=$((total - failures - errors - skipped))
failed=$((failures + errors + skipped))
status=0
[ "$rc" -ne 0 ] && status=1
[ "$failed" -gt 0 ] && status=1
if [ "$skipped" -gt 0 ]; then
    echo "Skipped tests count as failed (a browser test needs chromium and websocket-client):"
    grep -E ": skipped " "$LOG" | sed -E 's/^[0-9-]+ [0-9:,]+ [0-9]+ //'
fi
if [ "$log_errors" -gt 0 ]; then
    echo "The log has $log_errors ERROR line(s) outside test results:"
    grep -E " (ERROR|CRITICAL) " "$LOG" | grep -vE "odoo\.tests\.result|FAIL: |ERROR: " | head -n 20
    status=1
fi
if [ "$total" -eq 0 ]; then
    echo "No test ran (odoo exit status $rc)."
    status=1
fi
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
    failed=1   # the install crashed or the log has errors: never report a green line
fi
echo "Test run took $(($(date +%s) - start)) s (odoo exit status $rc)."
echo "$passed passed, $failed failed"
exit "$status"
