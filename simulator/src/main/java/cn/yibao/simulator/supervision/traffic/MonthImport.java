package cn.yibao.simulator.supervision.traffic;

import cn.yibao.card.Coded;
import cn.yibao.card.Money;
import cn.yibao.simulator.supervision.CardRef;
import cn.yibao.simulator.supervision.CardSighting;
import cn.yibao.simulator.supervision.CatalogClass;
import cn.yibao.simulator.supervision.FindingCode;
import cn.yibao.simulator.supervision.InpatientStay;
import cn.yibao.simulator.supervision.Institution;
import cn.yibao.simulator.supervision.InventoryMovement;
import cn.yibao.simulator.supervision.LossReport;
import cn.yibao.simulator.supervision.MonthData;
import cn.yibao.simulator.supervision.MovementType;
import cn.yibao.simulator.supervision.HostPersonCategory;
import cn.yibao.simulator.supervision.SaleItem;
import cn.yibao.simulator.supervision.SettledTransaction;
import cn.yibao.simulator.supervision.Split;
import cn.yibao.simulator.supervision.StockTake;
import cn.yibao.simulator.supervision.HostVisitType;
import cn.yibao.terminal.json.FileJson;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Reads a month written by {@link MonthExport} (or by anything that writes the same JSON Lines,
 * such as an export of the host simulator's store). Every record is validated by its constructor;
 * a malformed line is an {@link IllegalArgumentException} naming the file and line.
 */
public final class MonthImport {

    /** Longest line accepted. */
    public static final int MAX_LINE = 1 << 20;
    private static final ObjectMapper JSON = FileJson.mapper();

    private MonthImport() {
    }

    /**
     * @return the month in {@code dir}; labels are empty when {@code labels.jsonl} is absent, card
     *         sightings when {@code card-sightings.jsonl} is (exports made before they were kept)
     */
    public static GeneratedMonth read(Path dir, YearMonth month) throws IOException {
        MonthData data = new MonthData(month,
                lines(dir.resolve(MonthExport.INSTITUTIONS), MonthImport::institution),
                lines(dir.resolve(MonthExport.SETTLEMENTS), MonthImport::settlement),
                lines(dir.resolve(MonthExport.LOSS_REPORTS), MonthImport::lossReport),
                lines(dir.resolve(MonthExport.MOVEMENTS), MonthImport::movement),
                lines(dir.resolve(MonthExport.STOCK_TAKES), MonthImport::stockTake),
                optional(dir.resolve(MonthExport.SIGHTINGS), MonthImport::sighting));
        return new GeneratedMonth(data, optional(dir.resolve(MonthExport.LABELS), MonthImport::label));
    }

    private static <T> List<T> optional(Path file, Function<JsonNode, T> parse) throws IOException {
        return Files.exists(file) ? lines(file, parse) : List.of();
    }

    private static <T> List<T> lines(Path file, Function<JsonNode, T> parse) throws IOException {
        List<T> out = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            int n = 0;
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                n++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    if (line.length() > MAX_LINE) {
                        throw new IllegalArgumentException("line longer than " + MAX_LINE);
                    }
                    out.add(parse.apply(JSON.readTree(line)));
                } catch (IOException | RuntimeException e) {
                    throw new IllegalArgumentException(file.getFileName() + " line " + n + ": " + e.getMessage(), e);
                }
            }
        }
        return out;
    }

    private static Institution institution(JsonNode n) {
        return new Institution(text(n, "fixmedins_code"), text(n, "fixmedins_name"),
                Institution.Kind.valueOf(text(n, "kind")));
    }

    private static SettledTransaction settlement(JsonNode n) {
        List<SaleItem> items = new ArrayList<>();
        JsonNode lines = n.path("feedetail");
        if (!lines.isArray() || lines.size() > SettledTransaction.MAX_ITEMS) {
            throw new IllegalArgumentException("feedetail must be a list of at most " + SettledTransaction.MAX_ITEMS);
        }
        for (JsonNode i : lines) {
            items.add(new SaleItem(text(i, "med_list_codg"), text(i, "fixmedins_hilist_id"), text(i, "name"),
                    CatalogClass.valueOf(text(i, "class")), money(i, "pric"), i.path("cnt").asInt(0)));
        }
        Split split = new Split(money(n, "medfee_sumamt"), money(n, "fund_pay_sumamt"), money(n, "acct_pay"),
                money(n, "psn_cash_pay"), money(n, "fulamt_ownpay_amt"));
        InpatientStay stay = n.hasNonNull("adm_date")
                ? new InpatientStay(LocalDate.parse(text(n, "adm_date")), LocalDate.parse(text(n, "dscg_date")),
                        text(n, "dscg_maindiag_code"))
                : null;
        return new SettledTransaction(text(n, "setl_id"), text(n, "fixmedins_code"), text(n, "terminal_id"), card(n),
                HostPersonCategory.valueOf(text(n, "psn_type")), LocalDateTime.parse(text(n, "setl_time")),
                HostVisitType.valueOf(text(n, "med_type")), n.path("holder_verified").asBoolean(false), items, split, stay);
    }

    private static CardSighting sighting(JsonNode n) {
        return new CardSighting(text(n, "fixmedins_code"), card(n), text(n, "status"), text(n, "source"),
                LocalDateTime.parse(text(n, "seen_at")),
                n.hasNonNull("listed_at") ? LocalDateTime.parse(text(n, "listed_at")) : null);
    }

    private static LossReport lossReport(JsonNode n) {
        return new LossReport(card(n), LocalDateTime.parse(text(n, "reported_at")),
                n.hasNonNull("cancelled_at") ? LocalDateTime.parse(text(n, "cancelled_at")) : null);
    }

    private static InventoryMovement movement(JsonNode n) {
        String code = text(n, "inv_chg_type");
        MovementType type = Coded.byCode(MovementType.class, code)
                .orElseThrow(() -> new IllegalArgumentException("unknown inv_chg_type " + code));
        return new InventoryMovement(text(n, "fixmedins_code"), text(n, "med_list_codg"), text(n, "fixmedins_hilist_id"),
                text(n, "fixmedins_hilist_name"), CatalogClass.valueOf(text(n, "class")), type,
                LocalDateTime.parse(text(n, "inv_chg_time")), n.path("cnt").asInt(0), money(n, "pric"));
    }

    private static StockTake stockTake(JsonNode n) {
        return new StockTake(text(n, "fixmedins_code"), text(n, "med_list_codg"), text(n, "fixmedins_hilist_id"),
                LocalDate.parse(text(n, "invdate")), n.path("inv_cnt").asInt(-1));
    }

    private static Label label(JsonNode n) {
        String code = text(n, "code");
        for (FindingCode c : FindingCode.values()) {
            if (c.code().equals(code)) {
                return new Label(c, text(n, "subject"));
            }
        }
        throw new IllegalArgumentException("unknown finding code " + code);
    }

    private static CardRef card(JsonNode n) {
        return new CardRef(text(n, "card_token"), text(n, "card_masked"));
    }

    private static Money money(JsonNode n, String field) {
        return Money.parseYuan(text(n, field));
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual()) {
            throw new IllegalArgumentException("missing text field " + field);
        }
        return v.asText();
    }
}
