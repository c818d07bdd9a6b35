package cn.yibao.simulator.host;

import cn.yibao.card.Money;
import cn.yibao.hostlink.msg.Json;
import cn.yibao.hostlink.record.RecordResult;
import cn.yibao.simulator.supervision.CardRef;
import cn.yibao.simulator.supervision.CatalogClass;
import cn.yibao.simulator.supervision.InpatientStay;
import cn.yibao.simulator.supervision.Institution;
import cn.yibao.simulator.supervision.LossReport;
import cn.yibao.simulator.supervision.MonthData;
import cn.yibao.simulator.supervision.HostPersonCategory;
import cn.yibao.simulator.supervision.SaleItem;
import cn.yibao.simulator.supervision.SettledTransaction;
import cn.yibao.simulator.supervision.Split;
import cn.yibao.simulator.supervision.HostVisitType;
import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import cn.yibao.hostlink.msg.BusinessZone;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A month of the host's own data as the supervision detectors read it ({@link MonthData}): the
 * settlements the terminals uploaded and the host verified (not cancelled or reversed), the loss
 * reports on its card list, the pharmacies' inventory messages (3501/3502), and the listed cards
 * refused at counters (9121; an institution only seen there counts as a pharmacy).
 *
 * <p>What a record does not carry is derived, and said here: a settled line's quantity is its amount
 * divided by the national catalog's price when that divides exactly (else one unit at the line's
 * amount: the signed request carries line amounts, not quantities); the pharmacy's own catalog id is
 * the national code; an inpatient stay runs from its admission record's day (else the settlement's)
 * to the settlement's day, its diagnosis is not uploaded ({@code UNKNOWN}); every settlement counts as
 * card and PIN, not verified in person; an institution is named by its code.
 */
public final class HostMonth {

    private static final ZoneId ZONE = BusinessZone.ZONE;

    private HostMonth() {
    }

    /** @return the first instant of {@code month} in China, in epoch milliseconds (as the store keeps times) */
    static long startOf(YearMonth month) {
        return month.atDay(1).atStartOfDay(ZONE).toInstant().toEpochMilli();
    }

    /** @return a time the store keeps (epoch milliseconds) as China's local time */
    static LocalDateTime time(long epochMilli) {
        return LocalDateTime.ofInstant(Instant.ofEpochMilli(epochMilli), ZONE);
    }

    /**
     * @param unitPrice the catalog's unit price of a national code, if it knows the code: an item's
     *                  quantity is its amount over this price when that divides exactly, else 1
     * @return {@code month} of the host store {@code store}
     */
    public static MonthData read(HostStore store, YearMonth month, Function<String, Optional<Money>> unitPrice) {
        return store.inTransaction(c -> {
            Map<String, Institution.Kind> institutions = new LinkedHashMap<>();
            List<SettledTransaction> txs = settlements(c, month, institutions, unitPrice);
            var movements = Inventory.changes(c, month);
            var takes = Inventory.takes(c, month);
            movements.forEach(m -> institutions.putIfAbsent(m.fixmedinsCode(), Institution.Kind.PHARMACY));
            takes.forEach(t -> institutions.putIfAbsent(t.fixmedinsCode(), Institution.Kind.PHARMACY));
            var sightings = CardReports.month(c, month);
            sightings.forEach(s -> institutions.putIfAbsent(s.fixmedinsCode(), Institution.Kind.PHARMACY));
            List<Institution> list = new ArrayList<>();
            institutions.forEach((code, kind) -> list.add(new Institution(code, code, kind)));
            return new MonthData(month, list, txs, lossReports(c), movements, takes, sightings);
        });
    }

    private static List<SettledTransaction> settlements(Connection c, YearMonth month,
            Map<String, Institution.Kind> institutions, Function<String, Optional<Money>> unitPrice)
            throws SQLException {
        long from = startOf(month);
        long to = startOf(month.plusMonths(1));
        Map<String, LocalDate> admissions = admissions(c);
        List<SettledTransaction> out = new ArrayList<>();
        try (ResultSet rs = Sql.query(c, "SELECT setl_id, fixmedins_code, terminal, card_no, time, result, items"
                + " FROM record WHERE status='OK' AND items IS NOT NULL AND fixmedins_code IS NOT NULL"
                + " AND time>=? AND time<? ORDER BY time, terminal, seq", from, to)) {
            while (rs.next()) {
                RecordResult result = RecordResult.parse(rs.getString(6));
                JsonNode request = Json.parse(rs.getString(7));
                LocalDateTime settled = time(rs.getLong(5));
                HostVisitType type = visitType(result.medType());
                InpatientStay stay = type != HostVisitType.INPATIENT ? null : new InpatientStay(
                        admissions.getOrDefault(result.mdtrtId(), settled.toLocalDate()), settled.toLocalDate(), "UNKNOWN");
                institutions.putIfAbsent(rs.getString(2), type == HostVisitType.PHARMACY ? Institution.Kind.PHARMACY
                        : Institution.Kind.HOSPITAL);
                out.add(new SettledTransaction(rs.getString(1), rs.getString(2), rs.getString(3),
                        CardRef.of(rs.getString(4)), category(request.path("person")), settled, type, false,
                        items(request.path("items"), unitPrice), split(result), stay));
            }
        }
        return out;
    }

    /** @return the admission day of each stay, by {@code mdtrt_id} */
    private static Map<String, LocalDate> admissions(Connection c) throws SQLException {
        Map<String, LocalDate> out = new HashMap<>();
        try (ResultSet rs = Sql.query(c, "SELECT result, time FROM record WHERE status='ADMIT'")) {
            while (rs.next()) {
                out.put(RecordResult.parse(rs.getString(1)).mdtrtId(),
                        time(rs.getLong(2)).toLocalDate());
            }
        }
        return out;
    }

    private static List<SaleItem> items(JsonNode lines, Function<String, Optional<Money>> unitPrice) {
        List<SaleItem> out = new ArrayList<>();
        for (JsonNode line : lines) {
            String code = Json.text(line, "code", 50);
            Money amount = Json.yuan(line, "amount");
            long price = unitPrice.apply(code).map(Money::fen).orElse(0L);
            boolean exact = price > 0 && amount.fen() % price == 0 && amount.fen() / price <= SaleItem.MAX_QUANTITY;
            out.add(new SaleItem(code, code, Json.text(line, "name", 200),
                    CatalogClass.valueOf(Json.text(line, "class", 1)), exact ? Money.ofFen(price) : amount,
                    exact ? (int) (amount.fen() / price) : 1));
        }
        return out;
    }

    private static Split split(RecordResult result) {
        return new Split(result.setlinfo("medfee_sumamt"), result.setlinfo("fund_pay_sumamt"),
                result.setlinfo("acct_pay"), result.setlinfo("psn_cash_pay"), result.setlinfo("fulamt_ownpay_amt"));
    }

    private static HostVisitType visitType(String medType) {
        return switch (medType) {
            case "41" -> HostVisitType.PHARMACY;
            case "21" -> HostVisitType.INPATIENT;
            default -> HostVisitType.OUTPATIENT;
        };
    }

    private static HostPersonCategory category(JsonNode person) {
        return switch (person.path("category").asText()) {
            case "EMPLOYEE" -> person.path("retired").asBoolean() ? HostPersonCategory.EMPLOYEE_RETIRED
                    : HostPersonCategory.EMPLOYEE;
            case "EMPLOYEE_POOL_ONLY" -> HostPersonCategory.EMPLOYEE_POOL_ONLY;
            case "SPECIAL_CARE" -> HostPersonCategory.SPECIAL_CARE;
            default -> HostPersonCategory.RESIDENT;
        };
    }

    /** @return each loss on the host's card list, with the clearing that ended it (if any) */
    private static List<LossReport> lossReports(Connection c) throws SQLException {
        List<LossReport> out = new ArrayList<>();
        Map<String, LocalDateTime> open = new LinkedHashMap<>();
        try (ResultSet rs = Sql.query(c, "SELECT card_no, status, reported_at FROM card_list ORDER BY version")) {
            while (rs.next()) {
                String card = rs.getString(1);
                LocalDateTime at = time(rs.getLong(3));
                if ("LOST".equals(rs.getString(2))) {
                    open.putIfAbsent(card, at);
                } else if ("CLEARED".equals(rs.getString(2)) && open.containsKey(card)) {
                    loss(out, card, open.remove(card), at);
                }
            }
        }
        open.forEach((card, at) -> loss(out, card, at, null));
        return out;
    }

    private static void loss(List<LossReport> out, String card, LocalDateTime reported, LocalDateTime cleared) {
        try {
            out.add(new LossReport(CardRef.of(card), reported, cleared));
        } catch (IllegalArgumentException e) {
            // a list entry by a number no settlement can carry (not 9 to 20 of [0-9A-Z]): nothing to match
        }
    }
}
