# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models

from odoo.addons.tourism_base.tools.spreadsheet import XLSX_WORKBOOK_OPTIONS

COLUMNS = (
    "name",
    "host_id",
    "lodging_id",
    "period_id",
    "regime",
    "state",
    "person_nights",
    "amount_base",
    "amount_surcharges",
    "amount_total",
    "interest_amount",
)
MONEY = {"amount_base", "amount_surcharges", "amount_total", "interest_amount"}


class TourismTaxDeclarationXlsx(models.AbstractModel):
    """The selected declarations as a spreadsheet, with the commune and the nature."""

    _name = "report.tourism_tax.declaration_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "Tourist Tax Declarations (XLSX)"

    def get_workbook_options(self):
        # A host's or a lodging's name starting with = + - @ is written as text,
        # never as a formula.
        return dict(super().get_workbook_options(), **XLSX_WORKBOOK_OPTIONS)

    def generate_xlsx_report(self, workbook, data, declarations):
        Declaration = self.env["tourism.tax.declaration"]
        sheet = workbook.add_worksheet(Declaration._description[:31])
        bold = workbook.add_format({"bold": True})
        money = workbook.add_format({"num_format": "#,##0.00"})
        fields_ = Declaration._fields
        headers = [fields_[name]._description_string(self.env) for name in COLUMNS]
        headers[3:3] = [
            self.env["tourism.lodging"]
            ._fields["commune_id"]
            ._description_string(self.env),
            self.env["tourism.lodging"]
            ._fields["nature_id"]
            ._description_string(self.env),
        ]
        for col, header in enumerate(headers):
            sheet.write(0, col, header, bold)
            sheet.set_column(col, col, 18)
        for row, declaration in enumerate(declarations, start=1):
            values = []
            for name in COLUMNS:
                field = fields_[name]
                value = declaration[name]
                if field.type == "many2one":
                    value = value.display_name or ""
                elif field.type == "selection":
                    value = dict(field._description_selection(self.env)).get(value, "")
                values.append((name, value))
            # As declared once submitted, whatever the lodging became.
            lodging = declaration.lodging_id
            commune = declaration.submitted_commune_id or lodging.commune_id
            nature = declaration.submitted_nature_id or lodging.nature_id
            values[3:3] = [
                ("commune", commune.name or ""),
                ("nature", nature.name or ""),
            ]
            for col, (name, value) in enumerate(values):
                sheet.write(row, col, value, money if name in MONEY else None)
