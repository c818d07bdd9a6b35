package cn.yibao.terminal.counter;

/**
 * One line of a settlement's explanation, shown to the cashier (Chinese) and logged (English).
 *
 * @param zh the line in simplified Chinese
 * @param en the same line in English
 */
public record ExplainLine(String zh, String en) {

    public ExplainLine {
        Checks.required(zh, "explain.zh", 500);
        Checks.required(en, "explain.en", 500);
    }
}
