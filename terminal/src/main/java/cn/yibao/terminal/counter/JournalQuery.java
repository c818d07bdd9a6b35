package cn.yibao.terminal.counter;

import java.time.LocalDate;

/**
 * 5203 input {@code data}: search the journal. Every given criterion must match.
 *
 * @param setlId    settlement ID
 * @param psnNo     person number
 * @param mdtrtId   visit ID
 * @param begndate  from this day (inclusive)
 * @param enddate   to this day (inclusive)
 * @param pageSize  at most this many rows, newest first (1..200, default 50)
 */
public record JournalQuery(String setlId, String psnNo, String mdtrtId, LocalDate begndate, LocalDate enddate,
        Integer pageSize) {

    public JournalQuery {
        Checks.optional(setlId, "setl_id", 30);
        Checks.optional(psnNo, "psn_no", 30);
        Checks.optional(mdtrtId, "mdtrt_id", 30);
        if (pageSize != null && (pageSize < 1 || pageSize > 200)) {
            throw new IllegalArgumentException("page_size must be 1..200");
        }
        if (begndate != null && enddate != null && enddate.isBefore(begndate)) {
            throw new IllegalArgumentException("enddate is before begndate");
        }
    }

    public int limit() {
        return pageSize == null ? 50 : pageSize;
    }
}
