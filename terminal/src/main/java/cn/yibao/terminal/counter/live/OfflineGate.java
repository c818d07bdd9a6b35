package cn.yibao.terminal.counter.live;

import cn.yibao.card.Money;
import cn.yibao.terminal.counter.CounterRefusal;
import cn.yibao.terminal.counter.CounterRefusedException;
import cn.yibao.terminal.counter.host.HostCalls;
import cn.yibao.terminal.journal.Journal;
import cn.yibao.terminal.journal.JournalTxn;
import cn.yibao.terminal.journal.TxnKind;
import cn.yibao.terminal.policy.CounterPolicy;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The offline limit (policy pack {@code counter.offline}): what may be settled while settlements
 * wait for the host's acknowledgement. A settling flow calls {@link #admit} once it knows the
 * split and before its first journal write; while the unacknowledged settlements plus the new one
 * would exceed the insured amount or the count, or the oldest of them is older than the maximum
 * age, the sale is refused with {@link CounterRefusal#OFFLINE_LIMIT_EXCEEDED}. The queue is read
 * from the journal (committed records above the upload cursor, and transactions still
 * unfinished), so the limit holds across restarts and is released by the host's acknowledgement.
 *
 * <p>While the host link is up the queue drains by itself, and a single large settlement (a
 * discharge) must not be refused for its own amount: then only the count and the age bounds apply.
 */
public final class OfflineGate {

    private final Journal journal;
    private final CounterPolicy.OfflineLimit limit;
    private final Clock clock;
    private final HostCalls host;

    /** @param host the host link, asked whether it is up right now */
    public OfflineGate(Journal journal, CounterPolicy.OfflineLimit limit, Clock clock, HostCalls host) {
        this.journal = journal;
        this.limit = limit;
        this.clock = clock;
        this.host = host;
    }

    /** What waits for the host: count, insured amount (fund + account) and the oldest one's age. */
    public record Queue(int count, Money insured, Duration oldest) {
    }

    /**
     * Refuses unless a settlement paying {@code insured} (fund_pay_sumamt + acct_pay) fits in the
     * offline limit together with what waits for the host.
     *
     * @throws CounterRefusedException {@link CounterRefusal#OFFLINE_LIMIT_EXCEEDED}
     */
    public void admit(Money insured) {
        Queue q = queue();
        boolean amountExceeded = q.insured().plus(insured).compareTo(limit.maxInsuredAmount()) > 0;
        if (q.count() + 1 > limit.maxCount()
                || (amountExceeded && !host.online())
                || q.oldest().compareTo(limit.maxAge()) > 0) {
            throw new CounterRefusedException(CounterRefusal.OFFLINE_LIMIT_EXCEEDED);
        }
    }

    /** @return the settlements the host has not acknowledged yet (at most one more than the count limit is read) */
    public Queue queue() {
        List<JournalTxn> waiting = new ArrayList<>(journal.queries().unfinished());
        waiting.addAll(journal.uploads().unacknowledged(limit.maxCount() + 1));
        Money insured = Money.ZERO;
        Duration oldest = Duration.ZERO;
        for (JournalTxn t : waiting) {
            insured = insured.plus(insured(t));
            Duration age = Duration.between(t.created(), clock.instant());
            if (age.compareTo(oldest) > 0) {
                oldest = age;
            }
        }
        return new Queue(waiting.size(), insured, oldest);
    }

    /**
     * Fund plus account of a journal transaction; an unfinished one not yet split counts its account
     * share; an admission or a cancellation pays nothing out (it counts in the queue's length only).
     */
    private static Money insured(JournalTxn t) {
        if (t.kind() != TxnKind.SALE && t.kind() != TxnKind.DISCHARGE) {
            return Money.ZERO;
        }
        if (t.reply().isEmpty()) {
            return t.accountPay();
        }
        var s = ReplyCodec.read(t.reply().get()).setlinfo();
        return s.fundPaySumamt().plus(s.acctPay());
    }
}
