# Copyright 2026 Odoo Tourisme
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""How a credit note reduces titres already with the comptable, without the ORM.

A réduction refers, line by line, to the line of the titre it reduces (bloc
RattachPiece: ExerRat, IdPceOrig, IdLigneOrig; PES V2 v5.30,
``NS_Recette/r0/Class_LigneTitreAller.xsd``), so each amount of the credit note is
taken from a line of the same budget imputation, and never beyond what remains of it.
Amounts are integer cents.
"""


def allocate(demands, capacities):
    """Spread ``demands`` over ``capacities``.

    ``demands``: [(key, cents)], the credit notes' lines by budget imputation.
    ``capacities``: [(ref, key, cents)], the titre lines that may be reduced with what
    remains of each, in order of preference (the nearest titre first).
    Returns ({ref: cents taken}, {key: cents left over}): what is left over is what
    no titre line of that imputation can carry any more."""
    remaining = {ref: cents for ref, _key, cents in capacities}
    taken = {}
    left = {}
    for key, cents in demands:
        for ref, line_key, _cents in capacities:
            if cents <= 0:
                break
            if line_key != key or remaining[ref] <= 0:
                continue
            share = min(cents, remaining[ref])
            remaining[ref] -= share
            taken[ref] = taken.get(ref, 0) + share
            cents -= share
        if cents > 0:
            left[key] = left.get(key, 0) + cents
    return taken, left
