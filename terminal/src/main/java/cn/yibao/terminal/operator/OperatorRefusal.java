package cn.yibao.terminal.operator;

import cn.yibao.card.Refusal;

/** Refusals of operator login, administration and approval: stable code, Chinese and English messages. */
public enum OperatorRefusal implements Refusal.Named {
    OPERATOR_LOGIN_FAILED("工号或密码错误", "operator id or password wrong"),
    OPERATOR_LOCKED("账户已锁定（连续输错密码 " + Operators.MAX_FAILURES + " 次），请 "
            + Operators.LOCKOUT.toMinutes() + " 分钟后再试或联系主管",
            "operator locked after " + Operators.MAX_FAILURES + " wrong passwords; retry after "
            + Operators.LOCKOUT.toMinutes() + " minutes"),
    OPERATOR_DISABLED("该工号已停用，请联系主管", "operator disabled"),
    OPERATOR_EXISTS("该工号已存在", "operator id already exists"),
    OPERATOR_UNKNOWN("没有这个工号", "no such operator"),
    PASSWORD_TOO_WEAK("密码至少 " + Operators.MIN_PASSWORD + " 位", "password shorter than " + Operators.MIN_PASSWORD
            + " characters"),
    SUPERVISOR_REQUIRED("撤销需要主管工号和密码确认", "a cancellation needs a supervisor's id and password"),
    NOT_A_SUPERVISOR("该工号不是主管，不能批准撤销", "the approving operator is not a supervisor"),
    CANCEL_REASON_REQUIRED("请填写撤销原因", "a cancellation needs a reason"),
    STAY_NOT_FOUND("未找到该住院号的在院记录", "no open stay with this inpatient number");

    private final Text text;

    OperatorRefusal(String zh, String en) {
        this.text = new Text(zh, en);
    }

    @Override
    public Text text() {
        return text;
    }
}
