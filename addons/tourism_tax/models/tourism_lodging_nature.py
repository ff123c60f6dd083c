# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class TourismLodgingNature(models.Model):
    """Nature of a lodging as the tourist tax law knows it: hotel, meublé..."""

    _name = "tourism.lodging.nature"
    _description = "Nature of Lodging"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(required=True, help="Used to find the tariff category.")
    sequence = fields.Integer(default=10)
    is_outdoor = fields.Boolean(string="Outdoor (plein air)")
    capacity_unit = fields.Selection(
        selection=[("person", "Persons"), ("pitch", "Pitches")],
        default="person",
        required=True,
    )
    persons_per_pitch = fields.Integer(
        string="Persons per Pitch",
        default=3,
        help="Units of capacity of each pitch under the flat rate: three persons "
        "per emplacement of camping, caravanning or light lodging (CGCT R2333-59).",
    )
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("code_uniq", "unique(code)", "Another nature of lodging has this code."),
    ]
