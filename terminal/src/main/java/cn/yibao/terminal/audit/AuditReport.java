package cn.yibao.terminal.audit;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What an audit of a journal found.
 *
 * @param terminalId  the terminal the signing certificate names
 * @param records     signed records read
 * @param lastSeq     the highest sequence number read (0 if none)
 * @param ackedSeq    the upload cursor: records up to it were acknowledged by the host
 * @param states      transactions per state ({@code COMMITTED}, {@code VOIDED}, unfinished ones), by name
 * @param findings    the first {@link JournalAudit#MAX_LISTED} problems, in the order found
 * @param problems    how many problems there were in all
 */
public record AuditReport(String terminalId, long records, long lastSeq, long ackedSeq, Map<String, Long> states,
        List<AuditFinding> findings, long problems) {

    public AuditReport {
        states = Collections.unmodifiableMap(new TreeMap<>(states));
        findings = List.copyOf(findings);
        if (records < 0 || lastSeq < 0 || ackedSeq < 0 || problems < findings.size()) {
            throw new IllegalArgumentException("inconsistent report");
        }
    }

    /** @return whether nothing was wrong */
    public boolean clean() {
        return problems == 0;
    }
}
