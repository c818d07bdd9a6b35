package cn.yibao.simulator.supervision.traffic;

import cn.yibao.simulator.supervision.CardSighting;
import cn.yibao.simulator.supervision.Institution;
import cn.yibao.simulator.supervision.InventoryMovement;
import cn.yibao.simulator.supervision.LossReport;
import cn.yibao.simulator.supervision.SaleItem;
import cn.yibao.simulator.supervision.SettledTransaction;
import cn.yibao.simulator.supervision.StockTake;
import cn.yibao.terminal.json.FileJson;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Writes a generated month as JSON Lines in the national interface's vocabulary, amounts in yuan.
 * Cards appear only as token and masked number. {@link MonthImport} reads it back.
 */
public final class MonthExport {

    static final String INSTITUTIONS = "institutions.jsonl";
    static final String SETTLEMENTS = "settlements.jsonl";
    static final String LOSS_REPORTS = "loss-reports.jsonl";
    static final String MOVEMENTS = "stock-movements.jsonl";
    static final String STOCK_TAKES = "stock-takes.jsonl";
    static final String SIGHTINGS = "card-sightings.jsonl";
    static final String LABELS = "labels.jsonl";
    private static final ObjectMapper JSON = FileJson.mapper();

    private MonthExport() {
    }

    /** @return the files written */
    public static List<Path> write(GeneratedMonth month, Path dir) throws IOException {
        Files.createDirectories(dir);
        List<Path> files = new ArrayList<>();
        files.add(lines(dir.resolve(INSTITUTIONS), month.data().institutions(), MonthExport::institution));
        files.add(lines(dir.resolve(SETTLEMENTS), month.data().transactions(), MonthExport::settlement));
        files.add(lines(dir.resolve(LOSS_REPORTS), month.data().lossReports(), MonthExport::lossReport));
        files.add(lines(dir.resolve(MOVEMENTS), month.data().movements(), MonthExport::movement));
        files.add(lines(dir.resolve(STOCK_TAKES), month.data().stockTakes(), MonthExport::stockTake));
        files.add(lines(dir.resolve(SIGHTINGS), month.data().sightings(), MonthExport::sighting));
        files.add(lines(dir.resolve(LABELS), month.labels(),
                l -> map("code", l.code().code(), "subject", l.subjectKey())));
        return List.copyOf(files);
    }

    private static <T> Path lines(Path file, List<T> rows, Function<T, Map<String, Object>> toMap) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (T row : rows) {
                w.write(JSON.writeValueAsString(toMap.apply(row)));
                w.write('\n');
            }
        }
        return file;
    }

    private static Map<String, Object> institution(Institution i) {
        return map("fixmedins_code", i.code(), "fixmedins_name", i.nameZh(), "kind", i.kind().name());
    }

    private static Map<String, Object> settlement(SettledTransaction t) {
        Map<String, Object> m = map("setl_id", t.txId(), "fixmedins_code", t.institutionCode(),
                "terminal_id", t.terminalId(), "card_token", t.card().token(), "card_masked", t.card().masked(),
                "psn_type", t.category().name(), "setl_time", t.time().toString(), "med_type", t.visitType().name(),
                "holder_verified", t.holderVerified(), "medfee_sumamt", t.split().total().toYuanString(),
                "fund_pay_sumamt", t.split().fund().toYuanString(), "acct_pay", t.split().account().toYuanString(),
                "psn_cash_pay", t.split().cash().toYuanString(),
                "fulamt_ownpay_amt", t.split().classC().toYuanString(),
                "psn_part_amt", t.split().personBurden().toYuanString());
        if (t.stay() != null) {
            m.put("adm_date", t.stay().admission().toString());
            m.put("dscg_date", t.stay().discharge().toString());
            m.put("dscg_maindiag_code", t.stay().diagnosisCode());
        }
        List<Map<String, Object>> items = new ArrayList<>();
        for (SaleItem i : t.items()) {
            items.add(map("med_list_codg", i.medListCodg(), "fixmedins_hilist_id", i.fixmedinsHilistId(),
                    "name", i.name(), "class", i.catalogClass().name(), "pric", i.price().toYuanString(),
                    "cnt", i.quantity(), "det_item_fee_sumamt", i.amount().toYuanString()));
        }
        m.put("feedetail", items);
        return m;
    }

    private static Map<String, Object> lossReport(LossReport r) {
        return map("card_token", r.card().token(), "card_masked", r.card().masked(),
                "reported_at", r.reportedAt().toString(),
                "cancelled_at", r.cancelledAt() == null ? null : r.cancelledAt().toString());
    }

    private static Map<String, Object> movement(InventoryMovement m) {
        return map("fixmedins_code", m.fixmedinsCode(), "med_list_codg", m.medListCodg(),
                "fixmedins_hilist_id", m.fixmedinsHilistId(), "fixmedins_hilist_name", m.fixmedinsHilistName(),
                "class", m.catalogClass().name(), "inv_chg_type", m.type().code(), "inv_chg_time", m.time().toString(), "cnt", m.cnt(),
                "pric", m.pric().toYuanString());
    }

    private static Map<String, Object> stockTake(StockTake s) {
        return map("fixmedins_code", s.fixmedinsCode(), "med_list_codg", s.medListCodg(),
                "fixmedins_hilist_id", s.fixmedinsHilistId(), "invdate", s.invdate().toString(), "inv_cnt", s.invCnt());
    }

    private static Map<String, Object> sighting(CardSighting s) {
        return map("fixmedins_code", s.fixmedinsCode(), "card_token", s.card().token(), "card_masked", s.card().masked(),
                "status", s.status(), "source", s.source(), "seen_at", s.seenAt().toString(),
                "listed_at", s.listedAt() == null ? null : s.listedAt().toString());
    }

    private static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }
}
