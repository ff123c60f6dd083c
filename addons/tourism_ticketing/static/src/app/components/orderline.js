// Copyright 2026 Odoo Tourisme
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import {Orderline} from "@point_of_sale/app/generic_components/orderline/orderline";
import {patch} from "@web/core/utils/patch";

// The line data carries the organiser's mention (see models/pos_order_line.js).
patch(Orderline, {
    props: {
        ...Orderline.props,
        line: {
            ...Orderline.props.line,
            shape: {
                ...Orderline.props.line.shape,
                tourismOnBehalfOf: {type: String, optional: true},
            },
        },
    },
});
