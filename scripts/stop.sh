#!/usr/bin/env bash
# Stop the project's PostgreSQL cluster.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
pg_stop
log "PostgreSQL stopped"
