package cn.yibao.terminal.audit;

/**
 * One problem an audit found in a journal.
 *
 * @param code   a {@link cn.yibao.hostlink.record.RecordCheck} name for a record the host would
 *               refuse, or one of {@link JournalAudit}'s own codes
 * @param seq    the record's sequence number (0 when the problem is not a record's)
 * @param msgid  the transaction's message id, if known ("" otherwise)
 * @param detail what exactly, in English
 */
public record AuditFinding(String code, long seq, String msgid, String detail) {

    public AuditFinding {
        if (code == null || code.isBlank() || seq < 0 || msgid == null || detail == null) {
            throw new IllegalArgumentException("incomplete finding");
        }
    }

    @Override
    public String toString() {
        return code + (seq > 0 ? " at seq " + seq : "") + (msgid.isEmpty() ? "" : " (msgid " + msgid + ")") + ": "
                + detail;
    }
}
