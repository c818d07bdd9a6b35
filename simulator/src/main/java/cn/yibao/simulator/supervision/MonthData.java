package cn.yibao.simulator.supervision;

import java.time.YearMonth;
import java.util.List;
import java.util.Objects;

/**
 * Everything the host holds for one month: institutions, settled transactions, loss reports, the
 * pharmacies' inventory uploads and the listed cards refused at counters. The detectors read only this.
 *
 * @param month        the month
 * @param institutions designated institutions
 * @param transactions settled transactions of the month
 * @param lossReports  loss reports known to the host
 * @param movements    stock movements of the month
 * @param stockTakes   stock counts (opening and closing)
 * @param sightings    lost or blacklisted cards presented at counters in the month (9121)
 */
public record MonthData(YearMonth month, List<Institution> institutions, List<SettledTransaction> transactions,
        List<LossReport> lossReports, List<InventoryMovement> movements, List<StockTake> stockTakes,
        List<CardSighting> sightings) {

    public MonthData {
        Objects.requireNonNull(month, "month");
        institutions = List.copyOf(institutions);
        transactions = List.copyOf(transactions);
        lossReports = List.copyOf(lossReports);
        movements = List.copyOf(movements);
        stockTakes = List.copyOf(stockTakes);
        sightings = List.copyOf(sightings);
    }

    /** A month without card sightings (generated traffic: the counter refuses them before any settlement). */
    public MonthData(YearMonth month, List<Institution> institutions, List<SettledTransaction> transactions,
            List<LossReport> lossReports, List<InventoryMovement> movements, List<StockTake> stockTakes) {
        this(month, institutions, transactions, lossReports, movements, stockTakes, List.of());
    }
}
