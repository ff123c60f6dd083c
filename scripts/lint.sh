#!/usr/bin/env bash
# Run the project's linters (pre-commit with OCA's 18.0 hooks, all local: no network needed once
# the tools are installed) on every file of the repository. Installs what is missing first: the
# Python linters of requirements-dev.txt into .venv (PyPI) and prettier into .local/node (npm).
# Usage: scripts/lint.sh [extra pre-commit run arguments, e.g. a hook id: scripts/lint.sh ruff]
# Fixers (ruff, prettier, whitespace) rewrite files in place; the run then fails: re-run it.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
VENV=${TOURISM_VENV:-$ROOT/.venv}
PY=$VENV/bin/python
NODE_PREFIX=$ROOT/.local/node      # .pre-commit-config.yaml and .prettierrc.yml use this path

log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
die() { printf 'ERROR: %s\n' "$*" >&2; exit 1; }

cd "$ROOT"
git rev-parse --is-inside-work-tree >/dev/null 2>&1 \
    || die "$ROOT is not a git work tree: pre-commit needs one (git init, or a clone)"

# --- Python linters (PyPI) ----------------------------------------------------------------------
if [ ! -x "$PY" ]; then
    PYTHON=$(command -v python3.11 || command -v python3) || die "no python3 found"
    log "Creating the virtualenv $VENV"
    "$PYTHON" -m venv "$VENV"
fi
stamp=$( (cat "$ROOT/requirements-dev.txt" "$ROOT/requirements.txt"; "$PY" --version) \
    | sha256sum | cut -c1-16)
if [ ! -x "$VENV/bin/pre-commit" ] || [ "$(cat "$VENV/.lint-stamp" 2>/dev/null)" != "$stamp" ]; then
    log "Installing the linters of requirements-dev.txt into $VENV"
    PIP_DISABLE_PIP_VERSION_CHECK=1 "$PY" -m pip install -q -r "$ROOT/requirements-dev.txt"
    echo "$stamp" >"$VENV/.lint-stamp"
fi

# --- prettier (npm) -----------------------------------------------------------------------------
if [ ! -x "$NODE_PREFIX/node_modules/.bin/prettier" ] \
    || [ ! -f "$NODE_PREFIX/node_modules/@prettier/plugin-xml/package.json" ]; then
    command -v npm >/dev/null || die "npm not found: install Debian's nodejs and npm (scripts/setup.sh --dev)"
    log "Installing prettier into $NODE_PREFIX"
    mkdir -p "$NODE_PREFIX"
    npm install --silent --no-audit --no-fund --prefix "$NODE_PREFIX" \
        prettier@3.3.3 @prettier/plugin-xml@3.4.1 >/dev/null
fi

# --- pre-commit ---------------------------------------------------------------------------------
export PATH=$VENV/bin:$PATH
export PRE_COMMIT_HOME=$ROOT/.local/pre-commit
exec pre-commit run --all-files --show-diff-on-failure "$@"
