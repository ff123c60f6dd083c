"""Create an Odoo database the way Odoo's database manager does.

Usage: create_db.py ODOO_SRC DB_NAME DEMO(0|1) [odoo options...]

French language, a French company with the euro, users in Europe/Paris: installing
accounting afterwards then loads the French chart of accounts.
"""

import sys

odoo_src, db_name, demo, *odoo_args = sys.argv[1:]
sys.path.insert(0, odoo_src)

import odoo  # noqa: E402
from odoo.service import db  # noqa: E402

odoo.tools.config.parse_config(odoo_args)
# The database manager's code path, even when the configuration closes the manager
# (list_db = False in production): this script runs on the machine, not over HTTP.
odoo.tools.config["list_db"] = True
odoo.netsvc.init_logger()
db.exp_create_database(db_name, demo == "1", "fr_FR", "admin", "admin", "FR")

# _initialize_db logs its errors instead of raising them: check the result.
registry = odoo.modules.registry.Registry(db_name)
with registry.cursor() as cr:
    env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
    company = env["res.company"].browse(1)
    if company.country_id.code != "FR" or env.ref("base.user_admin").lang != "fr_FR":
        sys.exit(f"database {db_name} was not initialised (see the log above)")
