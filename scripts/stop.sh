#!/usr/bin/env bash
# Stop what the project's scripts started: nginx and the Odoo nodes of scripts/serve.sh --prod
# and scripts/cluster_demo.sh, the demo's replica cluster, then the project's PostgreSQL cluster.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
source "$ROOT/scripts/prod_lib.sh"
prod_stop_all
# The streaming replica of scripts/cluster_demo.sh, if any.
replica=$LOCAL_DIR/pg-replica/data
if [ -f "$replica/PG_VERSION" ] && as_pg "$PG_BIN/pg_ctl" -D "$replica" status >/dev/null 2>&1; then
    as_pg "$PG_BIN/pg_ctl" -D "$replica" -m fast -w stop >/dev/null
fi
pg_stop
log "Stopped (nginx, Odoo, PostgreSQL)"
