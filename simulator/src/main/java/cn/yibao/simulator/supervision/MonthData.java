package cn.yibao.simulator.supervision;

import java.time.YearMonth;
import java.util.List;
import java.util.Objects;

/**
 * Everything the host holds for one month: institutions, settled transactions, loss reports and
 * the pharmacies' inventory uploads. The detectors read only this.
 *
 * @param month        the month
 * @param institutions designated institutions
 * @param transactions settled transactions of the month
 * @param lossReports  loss reports known to the host
 * @param movements    stock movements of the month
 * @param stockTakes   stock counts (opening and closing)
 */
public record MonthData(YearMonth month, List<Institution> institutions, List<SettledTransaction> transactions,
        List<LossReport> lossReports, List<InventoryMovement> movements, List<StockTake> stockTakes) {

    public MonthData {
        Objects.requireNonNull(month, "month");
        institutions = List.copyOf(institutions);
        transactions = List.copyOf(transactions);
        lossReports = List.copyOf(lossReports);
        movements = List.copyOf(movements);
        stockTakes = List.copyOf(stockTakes);
    }
}
