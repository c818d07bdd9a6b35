package cn.yibao.terminal.counter.live;

import cn.yibao.card.CardException;
import cn.yibao.terminal.counter.CounterRefusedException;
import cn.yibao.terminal.settlement.SettlementRefusedException;
import io.micrometer.core.instrument.Metrics;
import java.util.function.Supplier;

/**
 * The one place where the card's and the settlement engine's refusals become the counter's, so that
 * every caller (API, console, command line) sees one kind of refusal; each is counted by its stable
 * code ({@code yibao_terminal_refusals_total}).
 */
final class Refusals {

    private Refusals() {
    }

    /** Runs {@code work}, turning its refusals into {@link CounterRefusedException}s. */
    static <T> T refusing(Supplier<T> work) {
        try {
            return work.get();
        } catch (CardException e) {
            throw counted(new CounterRefusedException(e));
        } catch (SettlementRefusedException e) {
            throw counted(new CounterRefusedException(e.refusal()));
        } catch (CounterRefusedException e) {
            throw counted(e);
        }
    }

    private static CounterRefusedException counted(CounterRefusedException e) {
        Metrics.counter("yibao.terminal.refusals", "code", e.refusal().code()).increment();
        return e;
    }
}
