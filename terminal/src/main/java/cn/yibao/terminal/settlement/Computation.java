package cn.yibao.terminal.settlement;

import cn.yibao.card.Money;
import cn.yibao.terminal.policy.PolicyPack;
import java.util.ArrayList;
import java.util.List;

/**
 * The working state of one settlement: the rules write the fund amounts (in fen) and the
 * explanation lines here; {@link #finish} derives the person's part, the account and the cash.
 * Single-use, not thread-safe, never escapes the engine.
 */
final class Computation {

    final SettlementRequest request;
    final PolicyPack pack;
    final Bill bill;
    final long eligible;

    long deductible;
    long poolSelf;
    long pooling;
    FundPayType poolingType = FundPayType.EMPLOYEE_POOLING;
    long civilServant;
    long largeAmount;
    long special;
    FundPayType specialType = FundPayType.RETIRED_CADRES;
    long ytdBase;
    long ytdOver;
    long ytdOutpatient;

    private final List<ExplainStep> lines = new ArrayList<>(16);

    Computation(SettlementRequest request, PolicyPack pack, Bill bill) {
        this.request = request;
        this.pack = pack;
        this.bill = bill;
        this.eligible = bill.eligible().fen();
        YearToDate ytd = request.yearToDate();
        this.ytdBase = ytd.base().fen();
        this.ytdOver = ytd.overLimit().fen();
        this.ytdOutpatient = ytd.outpatient().fen();
    }

    /** Appends an explanation line. */
    void line(String step, String zh, String en) {
        lines.add(new ExplainStep(step, zh, en));
    }

    /** @return {@code fen} as yuan with two decimals */
    static String y(long fen) {
        long abs = Math.abs(fen);
        long cents = abs % 100;
        return (fen < 0 ? "-" : "") + abs / 100 + (cents < 10 ? ".0" : ".") + cents;
    }

    /** @return {@code m} as yuan with two decimals */
    static String y(Money m) {
        return y(m.fen());
    }

    /**
     * Derives the person's part, the account payment and the cash, and builds the result.
     *
     * @param hasAccount whether the card balance may pay this settlement
     */
    SettlementResult finish(boolean hasAccount) {
        long total = bill.total().fen();
        long funds = pooling + civilServant + largeAmount + special;
        long person = total - funds;
        line("FUNDS", "基金支付合计 " + y(funds) + " = 统筹 " + y(pooling) + " + 公务员补助 " + y(civilServant)
                + " + 大额 " + y(largeAmount) + " + 其他 " + y(special),
                "Funds total " + y(funds) + " = pooling " + y(pooling) + " + civil-servant subsidy "
                + y(civilServant) + " + large-amount " + y(largeAmount) + " + special " + y(special));
        line("PERSON_PART", "个人负担 " + y(person) + " = 总额 " + y(total) + " − 基金 " + y(funds),
                "Person's part " + y(person) + " = total " + y(total) + " − funds " + y(funds));
        long balance = request.person().accountBalance().fen();
        long account = 0;
        if (hasAccount && request.useAccount()) {
            account = Math.min(balance, person);
            line("ACCOUNT", "个人账户支付 " + y(account) + " = min(卡内余额 " + y(balance) + ", 个人负担 " + y(person) + ")",
                    "Personal account " + y(account) + " = min(card balance " + y(balance) + ", person's part "
                    + y(person) + ")");
        } else {
            line("ACCOUNT", hasAccount ? "本次不使用个人账户" : "无可用个人账户，个人负担全部现金支付",
                    hasAccount ? "the personal account is not used for this sale"
                            : "no usable personal account: the person's part is paid in cash");
        }
        long cash = person - account;
        line("CASH", "现金支付 " + y(cash) + " = " + y(person) + " − " + y(account),
                "Cash " + y(cash) + " = " + y(person) + " − " + y(account));
        line("BALANCE", "卡内余额 " + y(balance) + " → " + y(balance - account),
                "Card balance " + y(balance) + " → " + y(balance - account));
        SetlAmounts info = new SetlAmounts(bill.total(), bill.classC(), bill.selfShare(), Money.ofFen(eligible),
                Money.ofFen(deductible), Money.ofFen(poolSelf), Money.ofFen(pooling), Money.ofFen(civilServant),
                Money.ofFen(largeAmount), Money.ZERO, Money.ZERO, Money.ofFen(special), Money.ofFen(funds),
                Money.ofFen(person), Money.ofFen(account), Money.ofFen(cash), Money.ofFen(balance - account));
        return new SettlementResult(pack.id(), info, detail(account),
                new YearToDate(Money.ofFen(ytdBase), Money.ofFen(ytdOver), Money.ofFen(ytdOutpatient)), lines);
    }

    private List<FundPayment> detail(long account) {
        List<FundPayment> rows = new ArrayList<>(5);
        Money e = Money.ofFen(eligible);
        addRow(rows, poolingType, e, pooling);
        addRow(rows, FundPayType.CIVIL_SERVANT, e, civilServant);
        addRow(rows, FundPayType.LARGE_AMOUNT, e, largeAmount);
        addRow(rows, specialType, e, special);
        addRow(rows, FundPayType.PERSONAL_ACCOUNT, e, account);
        return rows;
    }

    private static void addRow(List<FundPayment> rows, FundPayType type, Money eligible, long fen) {
        if (fen > 0) {
            rows.add(new FundPayment(type, eligible, Money.ofFen(fen)));
        }
    }
}
