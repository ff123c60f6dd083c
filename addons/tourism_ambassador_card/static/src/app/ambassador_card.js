/** @odoo-module */
// Ambassador card at the till: scan the card (or pick its holder as customer),
// the server says whether it is valid and what it gives, the card's discount is
// put on the eligible lines with Odoo's own line discount. Nothing is loaded at
// start-up: the card is checked on the server at each scan, so a revoked card
// is refused at once everywhere.
import {PosStore} from "@point_of_sale/app/store/pos_store";
import {PosOrder} from "@point_of_sale/app/models/pos_order";
import {ProductScreen} from "@point_of_sale/app/screens/product_screen/product_screen";
import {useBarcodeReader} from "@point_of_sale/app/barcode/barcode_reader_hook";
import {AlertDialog} from "@web/core/confirmation_dialog/confirmation_dialog";
import {_t} from "@web/core/l10n/translation";
import {patch} from "@web/core/utils/patch";

const round2 = (value) => Math.round(value * 100) / 100;

patch(PosOrder.prototype, {
    setup() {
        super.setup(...arguments);
        if (this.uiState.tourismCard === undefined) {
            this.uiState.tourismCard = null;
        }
    },
    set_partner(partner) {
        const card = this.uiState.tourismCard;
        if (card && partner?.id !== card.holder_id) {
            // Another customer: the card's benefits leave with its holder.
            this.tourismRemoveCard();
        }
        return super.set_partner(...arguments);
    },
    tourismSetCard(card) {
        this.uiState.tourismCard = card;
        this.tourism_ambassador_card_code = card.number;
        this.tourismApplyCard();
    },
    tourismRemoveCard() {
        const card = this.uiState.tourismCard;
        if (!card) {
            return;
        }
        for (const line of this.lines) {
            if (line.uiState.tourismCardDiscount) {
                line.set_discount(0);
                line.uiState.tourismCardDiscount = false;
            }
        }
        this.uiState.tourismCard = null;
        this.tourism_ambassador_card_code = false;
    },
    tourismIsEligible(line, card) {
        // Sold in the name and on behalf of a third party (a resold ticket): its
        // price is the third party's, never discounted by the card.
        if (line.product_id.tourism_third_party_sale) {
            return false;
        }
        const categ = line.product_id.categ_id;
        const categId = categ?.id ?? categ;
        return card.category_ids.includes(categId) && line.qty > 0;
    },
    /** Same arithmetic as tools/benefits.py line_discounts(). */
    tourismApplyCard() {
        const card = this.uiState.tourismCard;
        if (!card) {
            return;
        }
        let left = card.cap_left;
        for (const line of this.lines) {
            if (!this.tourismIsEligible(line, card)) {
                continue;
            }
            const base = line.price_unit * line.qty;
            let percent = card.discount_rate;
            let amount = round2((base * percent) / 100);
            if (left !== null && amount > left) {
                percent = Math.floor((left * 10000) / base) / 100;
                amount = round2((base * percent) / 100);
            }
            if (left !== null) {
                left = round2(left - amount);
            }
            line.set_discount(percent);
            line.uiState.tourismCardDiscount = true;
        }
    },
    tourismCardDiscountTotal() {
        const card = this.uiState.tourismCard;
        if (!card) {
            return 0;
        }
        return round2(
            this.lines
                .filter((line) => line.uiState.tourismCardDiscount)
                .reduce(
                    (sum, line) =>
                        sum + (line.price_unit * line.qty * line.discount) / 100,
                    0
                )
        );
    },
    export_for_printing() {
        const result = super.export_for_printing(...arguments);
        const card = this.uiState.tourismCard;
        if (card) {
            result.tourismCard = {
                number: card.number,
                type_name: card.type_name,
                holder_name: card.holder_name,
                discount: this.tourismCardDiscountTotal(),
            };
        }
        return result;
    },
});

patch(PosStore.prototype, {
    /** Check a card on the server and give its benefits to the current order. */
    async tourismUseCard(code, partnerId = false) {
        const order = this.get_order();
        const result = await this.data.call(
            "tourism.ambassador.card",
            "pos_check_card",
            [code, this.config.id, partnerId]
        );
        if (result.error) {
            this.dialog.add(AlertDialog, {
                title: _t("Ambassador card refused"),
                body: result.error,
            });
            return false;
        }
        if (!result.number) {
            return false;
        }
        let partner = this.models["res.partner"].get(result.holder_id);
        if (!partner) {
            [partner] = await this.data.read("res.partner", [result.holder_id]);
        }
        if (partner && order.get_partner()?.id !== partner.id) {
            order.set_partner(partner);
        }
        order.tourismSetCard(result);
        return true;
    },
    async selectPartner() {
        const result = await super.selectPartner(...arguments);
        const order = this.get_order();
        const partner = order?.get_partner();
        if (partner && !order.uiState.tourismCard) {
            await this.tourismUseCard(false, partner.id);
        }
        return result;
    },
    async addLineToCurrentOrder() {
        const line = await super.addLineToCurrentOrder(...arguments);
        this.get_order()?.tourismApplyCard();
        return line;
    },
    async pay() {
        // Quantities may have changed since the scan: the cap is shared by all lines.
        this.get_order()?.tourismApplyCard();
        return await super.pay(...arguments);
    },
});

patch(ProductScreen.prototype, {
    setup() {
        super.setup(...arguments);
        useBarcodeReader({
            tourism_ambassador_card: this._tourismOnCardScan,
        });
    },
    async _tourismOnCardScan(code) {
        await this.pos.tourismUseCard(code.base_code || code.code);
    },
});
