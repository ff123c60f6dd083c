# Entry points of the Odoo Tourisme project (see README.md).
.PHONY: setup run test lint stop

setup:            ## Install everything (Debian packages, .venv, PostgreSQL cluster)
	scripts/setup.sh --dev

run:              ## Create or upgrade the "tourisme" database and serve http://localhost:8069
	scripts/run.sh

test:             ## Run every test on a fresh database; last line "N passed, N failed"
	scripts/test.sh

lint:             ## pre-commit with OCA's hooks
	scripts/lint.sh

stop:             ## Stop the project's PostgreSQL cluster
	scripts/stop.sh
