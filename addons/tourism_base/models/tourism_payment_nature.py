# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError


class TourismPaymentNature(models.Model):
    """How money is paid: cash, cheque, card... One definition for the tills'
    payment methods, the quittancier, the versements and the régie's books, which
    store its code. A new nature (chèques vacances...) is one record here, and the
    régie gives it its account."""

    _name = "tourism.payment.nature"
    _description = "Payment Nature"
    _order = "sequence, id"

    code = fields.Char(
        required=True,
        help="The key the documents store: it cannot change once created.",
    )
    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(
        default=True,
        help="Archive a nature only when no document uses it any more.",
    )
    paid_in = fields.Boolean(
        string="Paid in at the Versement",
        default=True,
        help="The régisseur holds this money (it counts in the encaisse) and pays "
        "it in to the comptable. Card payments are paid out by the bank instead.",
    )

    _sql_constraints = [
        ("code_uniq", "unique(code)", "Each payment nature has its own code."),
    ]

    @api.model
    def _selection(self, paid_in=None):
        """(code, name) of the natures, for the Selection fields that store them;
        ``paid_in`` keeps those paid in at a versement (True) or not (False)."""
        domain = [] if paid_in is None else [("paid_in", "=", paid_in)]
        return [(nature.code, nature.name) for nature in self.sudo().search(domain)]

    @api.model
    def _paid_in_codes(self):
        """Codes of the natures the régisseur holds and pays in."""
        return {code for code, _name in self._selection(paid_in=True)}

    def write(self, vals):
        if "code" in vals and any(nature.code != vals["code"] for nature in self):
            raise UserError(
                self.env._(
                    "The code of a payment nature is stored on the documents: it "
                    "cannot change. Create another nature instead."
                )
            )
        return super().write(vals)
