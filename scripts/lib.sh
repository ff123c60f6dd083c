# shellcheck shell=bash
# Shared helpers of the project's scripts: paths, Odoo source, PostgreSQL cluster.
# Sourced by setup.sh, run.sh, test.sh; never executed on its own.

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
LOCAL_DIR=${TOURISM_LOCAL_DIR:-$ROOT/.local}     # git-ignored state: PostgreSQL data, filestore, logs
VENV=${TOURISM_VENV:-$ROOT/.venv}
PY=$VENV/bin/python
PGPORT=${TOURISM_PGPORT:-55432}
PGDIR=$LOCAL_DIR/pg
# PostgreSQL runs as the postgres user, who must be able to walk down to its data
# directory. A clone in a private directory (/root/..., mktemp -d) does not allow that:
# as root, the cluster then lives under /var/lib/postgresql, named after the clone.
if [ "$(id -u)" = 0 ] && [ -z "${TOURISM_PGDIR:-}" ] && id postgres >/dev/null 2>&1 \
    && ! runuser -u postgres -- test -x "$(dirname "$LOCAL_DIR")" 2>/dev/null; then
    PGDIR=/var/lib/postgresql/tourism-$(printf '%s' "$LOCAL_DIR" | sha256sum | cut -c1-12)
fi
PGDIR=${TOURISM_PGDIR:-$PGDIR}
PG_VERSION=15
PG_BIN=/usr/lib/postgresql/$PG_VERSION/bin
DB_USER=odoo
DB_PASSWORD=odoo
# Our addons, in dependency order; tourism_base first.
TOURISM_ADDONS=$(cd "$ROOT/addons" && find . -maxdepth 2 -name __manifest__.py -printf '%h\n' \
    | sed 's|^\./||' | sort | paste -sd, -)

log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
die() { printf 'ERROR: %s\n' "$*" >&2; exit 1; }

# Locate Odoo 18.0: $ODOO_SRC, else /opt/odoo/18.0, else the official upstream source
# (cloned once into .local/odoo when the network allows it), else stop and say what to do.
find_odoo() {
    local candidate=${ODOO_SRC:-/opt/odoo/18.0}
    if [ -f "$candidate/odoo-bin" ]; then
        ODOO_SRC=$(cd "$candidate" && pwd)
    elif [ -f "$LOCAL_DIR/odoo/odoo-bin" ]; then
        ODOO_SRC=$LOCAL_DIR/odoo
    elif timeout 20 git ls-remote --heads https://github.com/odoo/odoo.git 18.0 >/dev/null 2>&1; then
        log "No Odoo at $candidate: cloning the official Odoo 18.0 source into $LOCAL_DIR/odoo"
        mkdir -p "$LOCAL_DIR"
        git clone --depth 1 --branch 18.0 https://github.com/odoo/odoo.git "$LOCAL_DIR/odoo" \
            || die "cloning Odoo 18.0 failed"
        ODOO_SRC=$LOCAL_DIR/odoo
    else
        die "Odoo 18.0 source not found at '$candidate' and the official source is unreachable.
       Put an Odoo 18.0 (Community) tree there, e.g. extract the 18.0 branch of the official
       Odoo repository into /opt/odoo/18.0, or point ODOO_SRC to one: ODOO_SRC=/path/to/odoo make run"
    fi
    grep -q "version_info = (18, 0" "$ODOO_SRC/odoo/release.py" \
        || die "$ODOO_SRC is not Odoo 18.0 (see $ODOO_SRC/odoo/release.py)"
    export ODOO_SRC
}

# Run a command as the OS user that owns the cluster: PostgreSQL refuses to run as root.
as_pg() {
    if [ "$(id -u)" = 0 ]; then
        # From /: the postgres user may not be allowed into the current directory.
        (cd / && runuser -u postgres -- "$@")
    else
        "$@"
    fi
}

pg_start() {
    [ -x "$PG_BIN/pg_ctl" ] || die "PostgreSQL $PG_VERSION not found in $PG_BIN: run scripts/setup.sh"
    if [ ! -f "$PGDIR/data/PG_VERSION" ]; then
        log "Creating the project's PostgreSQL cluster in $PGDIR (port $PGPORT, loopback only)"
        mkdir -p "$PGDIR/run"
        [ "$(id -u)" = 0 ] && chown -R postgres: "$PGDIR"
        as_pg "$PG_BIN/initdb" -D "$PGDIR/data" -U postgres -E UTF8 --locale=C.UTF-8 \
            --auth-local=peer --auth-host=scram-sha-256 >"$PGDIR/initdb.log" \
            || die "initdb failed, see $PGDIR/initdb.log"
        cat >>"$PGDIR/data/postgresql.conf" <<EOF
listen_addresses = '127.0.0.1'
port = $PGPORT
unix_socket_directories = '$PGDIR/run'
max_connections = 100
shared_buffers = 256MB
EOF
        # A throwaway test cluster does not need durability; set TOURISM_PG_DURABLE=1 to keep it.
        if [ -z "${TOURISM_PG_DURABLE:-}" ]; then
            printf 'fsync = off\nsynchronous_commit = off\nfull_page_writes = off\n' >>"$PGDIR/data/postgresql.conf"
        fi
    fi
    if ! as_pg "$PG_BIN/pg_ctl" -D "$PGDIR/data" status >/dev/null 2>&1; then
        # The port on the command line wins over postgresql.conf: TOURISM_PGPORT may change.
        as_pg "$PG_BIN/pg_ctl" -D "$PGDIR/data" -l "$PGDIR/server.log" -w -t 60 \
            -o "-p $PGPORT" start >/dev/null \
            || die "PostgreSQL did not start, see $PGDIR/server.log"
    fi
    # The role Odoo connects as (Odoo refuses the postgres superuser).
    as_pg "$PG_BIN/psql" -h "$PGDIR/run" -p "$PGPORT" -U postgres -d postgres -tAq -c \
        "DO \$\$BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$DB_USER') THEN
         CREATE ROLE $DB_USER LOGIN CREATEDB PASSWORD '$DB_PASSWORD'; END IF; END\$\$;" >/dev/null \
        || die "could not create the database role $DB_USER"
}

pg_stop() {
    if [ -f "$PGDIR/data/PG_VERSION" ] && as_pg "$PG_BIN/pg_ctl" -D "$PGDIR/data" status >/dev/null 2>&1; then
        as_pg "$PG_BIN/pg_ctl" -D "$PGDIR/data" -m fast -w stop >/dev/null
    fi
}

psql_admin() {
    as_pg "$PG_BIN/psql" -h "$PGDIR/run" -p "$PGPORT" -U postgres -d postgres -tAq "$@"
}

db_exists() {
    [ "$(psql_admin -c "SELECT 1 FROM pg_database WHERE datname = '$1'")" = 1 ]
}

# The addons of $TOURISM_ADDONS not yet installed in the database $1, comma-separated.
# Odoo's -i on an installed addon loads its demo data again (its records created twice,
# its confirmations re-run, then "installed without demo data"): only new ones get -i.
addons_to_install() {
    local installed addon missing=()
    installed=$(as_pg "$PG_BIN/psql" -h "$PGDIR/run" -p "$PGPORT" -U postgres -d "$1" -tAq \
        -c "SELECT name FROM ir_module_module WHERE state = 'installed'")
    IFS=, read -ra all <<<"$TOURISM_ADDONS"
    for addon in "${all[@]}"; do
        grep -qx "$addon" <<<"$installed" || missing+=("$addon")
    done
    (
        IFS=,
        echo "${missing[*]}"
    )
}

# Command-line options every Odoo run of ours shares.
odoo_common_args() {
    local addons_path="$ROOT/addons,$ODOO_SRC/addons,$ODOO_SRC/odoo/addons"
    local oca_dir
    oca_dir=$("$PY" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')/odoo/addons
    [ -d "$oca_dir" ] && addons_path="$addons_path,$oca_dir"
    printf '%s\n' \
        --addons-path="$addons_path" \
        --data-dir="$LOCAL_DIR/filestore" \
        --db_host=127.0.0.1 --db_port="$PGPORT" \
        --db_user="$DB_USER" --db_password="$DB_PASSWORD" \
        --http-interface=127.0.0.1
}

odoo_bin() {
    local args
    mapfile -t args < <(odoo_common_args)
    "$PY" "$ODOO_SRC/odoo-bin" "${args[@]}" "$@"
}

# New database with French as its language, a French company (so that installing accounting
# loads the French chart of accounts and l10n_fr_pos_cert applies), users in Europe/Paris.
# Uses Odoo's own database-manager code path (exp_create_database).
create_db() {
    local db=$1 demo=${2:-1}
    local args
    mapfile -t args < <(odoo_common_args)
    "$PY" "$ROOT/scripts/create_db.py" "$ODOO_SRC" "$db" "$demo" "${args[@]}" --log-level=warn \
        || die "creating database $db failed"
    # The chart of accounts follows the company's country at the time accounting is installed.
    "$PY" "$ODOO_SRC/odoo-bin" "${args[@]}" -d "$db" -i l10n_fr_account --stop-after-init \
        --http-port=0 --max-cron-threads=0 --log-level=warn \
        || die "installing the French accounting in $db failed"
}
