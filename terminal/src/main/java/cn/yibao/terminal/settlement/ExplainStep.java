package cn.yibao.terminal.settlement;

/**
 * One line of the derivation shown to the person paying.
 *
 * @param step a stable code of the step, e.g. {@code DEDUCTIBLE}
 * @param zh   the line in Chinese, for the counter and the receipt
 * @param en   the line in English, for logs and support
 */
public record ExplainStep(String step, String zh, String en) {

    public ExplainStep {
        if (step == null || zh == null || en == null) {
            throw new IllegalArgumentException("explain line: missing field");
        }
    }
}
