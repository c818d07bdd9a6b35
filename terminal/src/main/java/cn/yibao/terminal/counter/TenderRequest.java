package cn.yibao.terminal.counter;

/**
 * Input of {@code POST /api/tender}: the cash the customer handed over.
 *
 * @param paid yuan, 0 to {@link Tender#MAX_PAID}, at most two decimals
 */
public record TenderRequest(cn.yibao.card.Money paid) {

    public TenderRequest {
        Checks.nonNegative(paid, "paid");
        if (paid.compareTo(Tender.MAX_PAID) > 0) {
            throw new IllegalArgumentException("paid must be at most " + Tender.MAX_PAID.toYuanString());
        }
    }
}
