package cn.yibao.terminal.counter;

/**
 * 2404 (cancel an admission, 入院撤销) and 2405 (cancel a discharge, 出院撤销) input {@code data}.
 *
 * @param mdtrtId the stay's visit ID from 2401
 * @param psnNo   person number
 */
public record StayCancel(String mdtrtId, String psnNo) {

    public StayCancel {
        Checks.required(mdtrtId, "mdtrt_id", 30);
        Checks.required(psnNo, "psn_no", 30);
    }
}
