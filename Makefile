# Entry points of the Odoo Tourisme project (see README.md).
.PHONY: setup run prod test lint stop

setup:            ## Install everything (Debian packages, .venv, PostgreSQL cluster)
	scripts/setup.sh --dev

run:              ## Create or upgrade the "tourisme" database and serve http://localhost:8069
	scripts/run.sh

prod:             ## Production-like server: Odoo workers + cron + gevent behind nginx (docs/deployment.md)
	scripts/serve.sh --prod

test:             ## Run every test on a fresh database; last line "N passed, N failed"
	scripts/test.sh

lint:             ## pre-commit with OCA's hooks
	scripts/lint.sh

stop:             ## Stop nginx, the Odoo servers and the PostgreSQL clusters started by the scripts
	scripts/stop.sh
