package cn.yibao.terminal.counter;

import cn.yibao.card.Money;
import java.time.LocalDateTime;

/**
 * 5203 output row: one journal record of a settlement or a cancellation.
 *
 * @param seq           the terminal's journal sequence number
 * @param infno         the transaction that made it (2102, 2103, 2207, …)
 * @param msgid         the request's message ID (the idempotency key)
 * @param setlId        settlement ID
 * @param mdtrtId       visit ID
 * @param psnNo         person number
 * @param psnName       person name
 * @param setlTime      when
 * @param medfeeSumamt  total (negative for a cancellation)
 * @param fundPaySumamt funds
 * @param acctPay       personal account
 * @param psnCashPay    cash
 * @param state         SETTLED or CANCELLED (a settlement later cancelled) or REVERSAL
 * @param uploaded      acknowledged by the host
 * @param opter         who settled or cancelled (national {@code opter}); null for records made before operators
 * @param opterName     their name ({@code opter_name})
 */
public record JournalEntry(long seq, String infno, String msgid, String setlId, String mdtrtId, String psnNo,
        String psnName, LocalDateTime setlTime, Money medfeeSumamt, Money fundPaySumamt, Money acctPay,
        Money psnCashPay, String state, boolean uploaded, String opter, String opterName) {

    /** An entry naming no operator. */
    public JournalEntry(long seq, String infno, String msgid, String setlId, String mdtrtId, String psnNo,
            String psnName, LocalDateTime setlTime, Money medfeeSumamt, Money fundPaySumamt, Money acctPay,
            Money psnCashPay, String state, boolean uploaded) {
        this(seq, infno, msgid, setlId, mdtrtId, psnNo, psnName, setlTime, medfeeSumamt, fundPaySumamt, acctPay,
                psnCashPay, state, uploaded, null, null);
    }

    public JournalEntry {
        if (seq < 1) {
            throw new IllegalArgumentException("seq starts at 1");
        }
        Checks.required(infno, "infno", 6);
        Checks.optional(msgid, "msgid", 30);
        Checks.required(setlId, "setl_id", 30);
        Checks.required(psnNo, "psn_no", 30);
        Checks.present(setlTime, "setl_time");
        Checks.required(state, "state", 12);
        Checks.optional(opter, "opter", 30);
        Checks.optional(opterName, "opter_name", 50);
    }

    /** @return this entry with another state or upload flag */
    public JournalEntry with(String newState, boolean nowUploaded) {
        return new JournalEntry(seq, infno, msgid, setlId, mdtrtId, psnNo, psnName, setlTime, medfeeSumamt,
                fundPaySumamt, acctPay, psnCashPay, newState, nowUploaded, opter, opterName);
    }
}
