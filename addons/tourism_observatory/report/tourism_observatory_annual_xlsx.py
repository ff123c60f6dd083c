# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models

from odoo.addons.tourism_base.tools.spreadsheet import XLSX_WORKBOOK_OPTIONS


class ReportTourismObservatoryAnnualXlsx(models.AbstractModel):
    """The annual report as a spreadsheet: one sheet of the year's figures per
    mission against the previous year, one of the monthly figures, with a chart of
    the visitors welcomed."""

    _name = "report.tourism_observatory.report_annual_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "Observatory Annual Report (XLSX)"

    def get_workbook_options(self):
        return dict(super().get_workbook_options(), **XLSX_WORKBOOK_OPTIONS)

    def generate_xlsx_report(self, workbook, data, wizards):
        _ = self.env._
        bold = workbook.add_format({"bold": True})
        title = workbook.add_format({"bold": True, "font_size": 14})
        section = workbook.add_format({"bold": True, "bg_color": "#DDDDDD"})
        money = workbook.add_format({"num_format": "#,##0.00 €"})
        number = workbook.add_format({"num_format": "#,##0.##"})
        percent = workbook.add_format({"num_format": "+0.0;-0.0;0.0"})
        for wizard in wizards:
            values = wizard._report_values()
            year = values["year"]
            sheet = workbook.add_worksheet(str(year))
            sheet.set_column(0, 0, 42)
            sheet.set_column(1, 3, 16)
            sheet.write(
                0,
                0,
                _("Observatory annual report %(year)s", year=year),
                title,
            )
            sheet.write(1, 0, wizard.company_id.name)
            headers = [_("Indicator"), str(year), str(year - 1), _("Change (%)")]
            for col, header in enumerate(headers):
                sheet.write(3, col, header, bold)
            row = 4
            for sect in values["sections"]:
                sheet.merge_range(row, 0, row, 3, sect["label"], section)
                row += 1
                for line in sect["rows"]:
                    fmt = money if line["money"] else number
                    sheet.write(row, 0, line["label"])
                    for col, key in ((1, "year"), (2, "year_prev"), (3, "year_var")):
                        if line[key] is not None:
                            sheet.write_number(
                                row, col, line[key], percent if col == 3 else fmt
                            )
                    row += 1
            chart_row = row + 1
            # The monthly figures, and a chart of the visitors N against N-1.
            months = workbook.add_worksheet(_("Months %(year)s", year=year)[:31])
            months.set_column(0, 0, 42)
            months.write(0, 0, _("Indicator"), bold)
            months.write(0, 1, _("Year"), bold)
            for m in range(12):
                months.write(0, 2 + m, m + 1, bold)
            row = 1
            visitors_rows = {}
            for sect in values["sections"]:
                for line in sect["rows"]:
                    current, previous = values["series"][line["key"]]
                    for y, serie in ((year, current), (year - 1, previous)):
                        months.write(row, 0, line["label"])
                        months.write(row, 1, y)
                        for m, figure in enumerate(serie):
                            if figure is not None:
                                months.write_number(row, 2 + m, figure)
                        if line["key"] == "visitors":
                            visitors_rows[y] = row
                        row += 1
            chart = workbook.add_chart({"type": "column"})
            for y in (year - 1, year):
                r = visitors_rows[y]
                chart.add_series(
                    {
                        "name": str(y),
                        "categories": [months.name, 0, 2, 0, 13],
                        "values": [months.name, r, 2, r, 13],
                    }
                )
            chart.set_title({"name": _("Visitors welcomed per month")})
            sheet.insert_chart(chart_row, 0, chart)
