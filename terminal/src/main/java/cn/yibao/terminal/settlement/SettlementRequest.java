package cn.yibao.terminal.settlement;

import cn.yibao.card.Money;
import java.util.List;

/**
 * Everything the engine needs to settle one visit. Built by the JSON reader
 * ({@link SettlementJson#readRequest}), by the counter flow or by the HTTP API.
 *
 * @param person     the insured person
 * @param visit      the visit
 * @param yearToDate year-to-date positions before this settlement
 * @param useAccount whether the personal account may pay
 * @param items      the line items (at most {@link Limits#MAX_ITEMS})
 */
public record SettlementRequest(Person person, VisitTerms visit, YearToDate yearToDate, boolean useAccount,
        List<Item> items) {

    public SettlementRequest {
        Limits.required("person", person);
        Limits.required("visit", visit);
        Limits.required("year_to_date", yearToDate);
        Limits.bounded("year_to_date.base", yearToDate.base(), Limits.MAX_YEAR_TO_DATE);
        Limits.bounded("year_to_date.over_limit", yearToDate.overLimit(), Limits.MAX_YEAR_TO_DATE);
        Limits.bounded("year_to_date.outpatient", yearToDate.outpatient(), Limits.MAX_YEAR_TO_DATE);
        Limits.required("items", items);
        if (items.size() > Limits.MAX_ITEMS) {
            throw new IllegalArgumentException("items: more than " + Limits.MAX_ITEMS + " items");
        }
        items = List.copyOf(items);
        long total = 0;
        for (Item item : items) {
            total += item.amount().fen();
        }
        if (total > Limits.MAX_TOTAL.fen()) {
            throw new IllegalArgumentException("items: total more than " + Limits.MAX_TOTAL.toYuanString() + " yuan");
        }
    }

    /** @return the sum of all item amounts */
    public Money total() {
        long total = 0;
        for (Item item : items) {
            total += item.amount().fen();
        }
        return Money.ofFen(total);
    }

    /** @return a copy of this request with one more item (used by property tests and the counter) */
    public SettlementRequest withItem(Item item) {
        List<Item> more = new java.util.ArrayList<>(items);
        more.add(item);
        return new SettlementRequest(person, visit, yearToDate, useAccount, more);
    }
}
