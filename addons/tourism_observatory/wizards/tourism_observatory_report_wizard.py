# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
import csv
import io
from datetime import date

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL

from odoo.addons.tourism_base.tools.spreadsheet import safe_cell

from ..tools.indicators import INDICATORS, month_series


class TourismObservatoryReportWizard(models.TransientModel):
    """Pick a year: the annual report (PDF, XLSX) and the open data file."""

    _name = "tourism.observatory.report.wizard"
    _description = "Observatory Annual Report"

    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    year = fields.Integer(
        required=True,
        default=lambda self: fields.Date.context_today(self).year - 1,
    )
    csv_file = fields.Binary(string="Open Data File", readonly=True, attachment=False)
    csv_filename = fields.Char(readonly=True)

    @api.constrains("year")
    def _check_year(self):
        for wizard in self:
            if not 2000 <= wizard.year <= 2100:
                raise UserError(self.env._("Choose a year between 2000 and 2100."))

    def _report_values(self):
        """The year's figures per mission (December: the whole year against the
        previous one) and the monthly series for the charts."""
        self.ensure_one()
        Dashboard = self.env["tourism.observatory.dashboard"]
        figures = Dashboard._figures(self.company_id, self.year, 12)
        series = {
            indicator.key: (
                month_series(figures["monthly"], indicator.key, self.year),
                month_series(figures["monthly"], indicator.key, self.year - 1),
            )
            for indicator in INDICATORS
        }
        return dict(figures, series=series, company=self.company_id)

    def action_print_pdf(self):
        self.ensure_one()
        return self.env.ref(
            "tourism_observatory.action_report_observatory_annual"
        ).report_action(self)

    def action_print_xlsx(self):
        self.ensure_one()
        return self.env.ref(
            "tourism_observatory.action_report_observatory_annual_xlsx"
        ).report_action(self)

    # ------------------------------------------------------------ open data
    def _open_data_rows(self):
        """The year's counter statistics, aggregated: one row per month,
        information point, channel, country, département and kind of visitor, with
        the contacts, the people and the contacts per theme asked about. No name,
        no e-mail, no commune: nothing that identifies a visitor."""
        self.ensure_one()
        themes = (
            self.env["tourism.welcome.theme"].with_context(active_test=False).search([])
        )
        local = SQL("timezone('Europe/Paris', timezone('UTC', c.date))")
        theme_columns = (
            SQL(", ").join(
                SQL(
                    "count(*) FILTER (WHERE EXISTS (SELECT 1 FROM "
                    "tourism_welcome_contact_tourism_welcome_theme_rel r WHERE "
                    "r.tourism_welcome_contact_id = c.id AND "
                    "r.tourism_welcome_theme_id = %s))",
                    theme.id,
                )
                for theme in themes
            )
            if themes
            else SQL("0")
        )
        self.env.cr.execute(
            SQL(
                """
                SELECT to_char(%(local)s, 'YYYY-MM'), b.code, c.channel,
                       co.code, st.code, c.visitor_type, count(*), sum(c.people),
                       %(themes)s
                FROM tourism_welcome_contact c
                JOIN tourism_bit b ON b.id = c.bit_id
                LEFT JOIN res_country co ON co.id = c.country_id
                LEFT JOIN res_country_state st ON st.id = c.state_id
                WHERE c.company_id = %(company)s
                  AND %(local)s >= %(start)s AND %(local)s < %(end)s
                GROUP BY 1, 2, 3, 4, 5, 6
                ORDER BY 1, 2, 3, 4, 5, 6
                """,
                local=local,
                themes=theme_columns,
                company=self.company_id.id,
                start=date(self.year, 1, 1),
                end=date(self.year + 1, 1, 1),
            )
        )
        return themes, self.env.cr.fetchall()

    def _open_data_csv(self):
        themes, rows = self._open_data_rows()
        buffer = io.StringIO()
        writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
        writer.writerow(
            [
                "mois",
                "bit",
                "canal",
                "pays",
                "departement",
                "type_visiteur",
                "contacts",
                "personnes",
            ]
            + [safe_cell(theme.with_context(lang="fr_FR").name) for theme in themes]
        )
        for row in rows:
            writer.writerow(
                [safe_cell(cell) if cell is not None else "" for cell in row]
            )
        return buffer.getvalue()

    def action_export_open_data(self):
        self.ensure_one()
        content = self._open_data_csv()
        self.write(
            {
                "csv_file": base64.b64encode(content.encode("utf-8-sig")),
                "csv_filename": f"accueil-statistiques-{self.year}.csv",
            }
        )
        return {
            "type": "ir.actions.act_url",
            "url": f"/web/content/{self._name}/{self.id}/csv_file/"
            f"{self.csv_filename}?download=true",
            "target": "self",
        }
