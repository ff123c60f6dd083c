# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models

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
            values[3:3] = [
                ("commune", declaration.lodging_id.commune_id.name or ""),
                ("nature", declaration.lodging_id.nature_id.name or ""),
            ]
            for col, (name, value) in enumerate(values):
                sheet.write(row, col, value, money if name in MONEY else None)
