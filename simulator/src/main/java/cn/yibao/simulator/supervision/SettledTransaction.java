package cn.yibao.simulator.supervision;

import cn.yibao.card.Money;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Objects;

/**
 * One settled transaction as the host sees it after upload.
 *
 * @param txId            the settlement id ({@code setl_id}), unique
 * @param institutionCode {@code fixmedins_code} of the pharmacy or hospital
 * @param terminalId      counter terminal that settled it
 * @param card            the card, pseudonymised
 * @param category        person category
 * @param time            settlement time ({@code setl_time}, terminal clock)
 * @param visitType       pharmacy, outpatient or inpatient
 * @param holderVerified  whether the holder confirmed in person (e-voucher or face check, as
 *                        {@code mdtrt_cert_type} shows) rather than card and PIN alone
 * @param items           the lines, at least one
 * @param split           the settlement split; its total equals the sum of the lines
 * @param stay            the stay, present exactly for inpatient settlements
 */
public record SettledTransaction(String txId, String institutionCode, String terminalId, CardRef card,
        HostPersonCategory category, LocalDateTime time, HostVisitType visitType, boolean holderVerified,
        List<SaleItem> items, Split split, InpatientStay stay) {

    /** Largest number of lines accepted on one transaction. */
    public static final int MAX_ITEMS = 500;

    public SettledTransaction {
        Codes.requireCode(txId, "setl_id");
        Codes.requireInstitution(institutionCode, "fixmedins_code");
        Codes.requireCode(terminalId, "terminal id");
        Objects.requireNonNull(card, "card");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(visitType, "visitType");
        Objects.requireNonNull(split, "split");
        items = List.copyOf(items);
        if (items.isEmpty() || items.size() > MAX_ITEMS) {
            throw new IllegalArgumentException("1 to " + MAX_ITEMS + " items required");
        }
        if ((visitType == HostVisitType.INPATIENT) != (stay != null)) {
            throw new IllegalArgumentException("a stay is required exactly for inpatient settlements");
        }
        checkSums(items, split);
    }

    private static void checkSums(List<SaleItem> items, Split split) {
        Money total = Money.ZERO;
        Money classC = Money.ZERO;
        for (SaleItem item : items) {
            total = total.plus(item.amount());
            if (item.catalogClass() == CatalogClass.C) {
                classC = classC.plus(item.amount());
            }
        }
        if (!total.equals(split.total())) {
            throw new IllegalArgumentException("items sum " + total + " != split total " + split.total());
        }
        if (!classC.equals(split.classC())) {
            throw new IllegalArgumentException("class-C lines " + classC + " != split " + split.classC());
        }
    }

    /** @return the month of the settlement */
    public YearMonth month() {
        return YearMonth.from(time);
    }
}
