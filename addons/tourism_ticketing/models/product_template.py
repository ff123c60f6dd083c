# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command, api, fields, models


class ProductTemplate(models.Model):
    _inherit = "product.template"

    tourism_mandate_id = fields.Many2one(
        "tourism.ticketing.mandate",
        string="Resale Mandate",
        index="btree_not_null",
        help="Ticket sold in the organiser's name: its price goes to the organiser's "
        "third-party account, without the office's VAT.",
    )
    tourism_organiser_id = fields.Many2one(
        related="tourism_mandate_id.organiser_id", string="Organiser"
    )
    # For the till's receipt: the partner itself is not loaded in the POS.
    tourism_organiser_name = fields.Char(
        related="tourism_mandate_id.organiser_id.name", string="Organiser Name"
    )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("tourism_mandate_id"):
                vals.update(self._tourism_mandate_values(vals))
        templates = super().create(vals_list)
        templates.filtered("tourism_mandate_id")._tourism_apply_mandate()
        return templates

    def write(self, vals):
        if vals.get("tourism_mandate_id"):
            vals = dict(vals, **self._tourism_mandate_values(vals))
        res = super().write(vals)
        if "tourism_mandate_id" in vals:
            self.filtered("tourism_mandate_id")._tourism_apply_mandate()
        return res

    @api.model
    def _tourism_mandate_values(self, vals):
        """A ticket under a mandate is sold in the organiser's name and on its
        behalf (tourism_pos's shared fact, which the other capabilities honour),
        without the office's VAT: a tax set with it is refused by tourism_pos's
        constraint, the company's default one is not kept."""
        values = {"tourism_third_party_sale": True}
        if "taxes_id" not in vals:
            values["taxes_id"] = [Command.clear()]
        return values

    def _tourism_apply_mandate(self):
        """Standard accounting does the rest: POS closing and invoices credit the
        product's income account, here the organiser's third-party account."""
        for template in self:
            mandate = template.tourism_mandate_id
            vals = {}
            if template.taxes_id:
                vals["taxes_id"] = [Command.clear()]
            account = mandate.third_party_account_id
            if account and template.property_account_income_id != account:
                vals["property_account_income_id"] = account.id
            if vals:
                super(ProductTemplate, template).write(vals)
        return True
