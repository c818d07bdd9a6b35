package cn.yibao.terminal.http;

import cn.yibao.card.CardError;
import cn.yibao.card.Refusal;
import cn.yibao.terminal.counter.CounterRefusal;
import cn.yibao.terminal.operator.OperatorRefusal;
import cn.yibao.terminal.pcsc.ReaderRefusal;
import cn.yibao.terminal.settlement.SettlementRefusal;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The one list of every {@code err_code} the HIS API (and the cashier console, which calls it) can
 * answer: the API's own errors and the business refusals that reach it from the counter, the
 * settlement engine, the card reader, the card and the console's operators. A code has one meaning and one pair of messages
 * wherever it is raised. docs/http-api.md's two tables and the {@code err_code} enum of
 * docs/openapi.yaml are checked against this list by a test.
 */
public final class ErrCodes {

    /** The refusal enums whose codes reach the API as business refusals ({@code infcode} -1). */
    public static final List<Class<? extends Refusal>> REFUSALS = List.of(
            CounterRefusal.class, SettlementRefusal.class, ReaderRefusal.class, CardError.class, OperatorRefusal.class);

    private static final Map<String, Refusal> API_ERRORS = checkedIndex(List.of(ApiError.class));
    private static final Map<String, Refusal> BUSINESS = checkedIndex(REFUSALS);

    private ErrCodes() {
    }

    /** @return the API's own errors by code, sorted (HTTP 4xx/5xx) */
    public static Map<String, Refusal> apiErrors() {
        return API_ERRORS;
    }

    /** @return the business refusals by code, sorted (HTTP 200, {@code infcode} -1) */
    public static Map<String, Refusal> refusals() {
        return BUSINESS;
    }

    /** @return every code the API can answer, sorted */
    public static List<String> all() {
        TreeMap<String, Refusal> all = new TreeMap<>(API_ERRORS);
        BUSINESS.forEach((code, refusal) -> {
            if (all.putIfAbsent(code, refusal) != null) {
                throw new IllegalStateException(code + " is both an API error and a business refusal");
            }
        });
        return List.copyOf(all.keySet());
    }

    /**
     * Indexes the constants of {@code enums} by code (public for the test that checks the documents).
     *
     * @throws IllegalStateException when one code carries two different messages
     */
    public static Map<String, Refusal> checkedIndex(List<Class<? extends Refusal>> enums) {
        Map<String, Refusal> out = new TreeMap<>();
        for (Class<? extends Refusal> type : enums) {
            for (Refusal refusal : type.getEnumConstants()) {
                Refusal earlier = out.putIfAbsent(refusal.code(), refusal);
                if (earlier != null && !(earlier.messageZh().equals(refusal.messageZh())
                        && earlier.message().equals(refusal.message()))) {
                    throw new IllegalStateException("err_code " + refusal.code() + " has two meanings: "
                            + earlier.message() + " / " + refusal.message());
                }
            }
        }
        return Collections.unmodifiableMap(out);
    }
}
