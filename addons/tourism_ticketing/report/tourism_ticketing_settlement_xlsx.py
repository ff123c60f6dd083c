# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models

from odoo.addons.tourism_base.tools.spreadsheet import XLSX_WORKBOOK_OPTIONS

COLUMNS = (
    "date",
    "organiser_id",
    "event_id",
    "event_ticket_id",
    "product_id",
    "bit_id",
    "channel",
    "quantity",
    "amount",
    "commission",
)
MONEY = {"amount", "commission"}


class TourismTicketingSalesXlsx(models.AbstractModel):
    """The selected ticket sales as a spreadsheet (sales analysis, Print menu)."""

    _name = "report.tourism_ticketing.report_ticketing_sales_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "Ticket Sales (XLSX)"

    def get_workbook_options(self):
        # An organiser's or an event's name starting with = + - @ stays text:
        # never a formula run on the office's computer.
        return dict(super().get_workbook_options(), **XLSX_WORKBOOK_OPTIONS)

    def generate_xlsx_report(self, workbook, data, sales):
        fields_ = sales._fields
        sheet = workbook.add_worksheet(sales._description[:31])
        bold = workbook.add_format({"bold": True})
        money = workbook.add_format({"num_format": "#,##0.00"})
        for col, name in enumerate(COLUMNS):
            sheet.write(0, col, fields_[name]._description_string(self.env), bold)
            sheet.set_column(col, col, 18)
        for row, sale in enumerate(sales, start=1):
            for col, name in enumerate(COLUMNS):
                field = fields_[name]
                value = sale[name]
                if field.type == "many2one":
                    value = value.display_name or ""
                elif field.type == "selection":
                    value = dict(field._description_selection(self.env)).get(value, "")
                elif field.type == "datetime":
                    value = value.strftime("%d/%m/%Y %H:%M") if value else ""
                sheet.write(row, col, value, money if name in MONEY else None)
