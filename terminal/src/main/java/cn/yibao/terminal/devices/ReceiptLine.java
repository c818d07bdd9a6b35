package cn.yibao.terminal.devices;

import java.util.Objects;

/** One logical line of a receipt, laid out for the paper width by {@link ReceiptLayout}. */
public sealed interface ReceiptLine {

    /** A centred, emphasised title. */
    record Title(String text) implements ReceiptLine {
        public Title {
            ReceiptLine.check(text);
        }
    }

    /** Free text, wrapped to the width. */
    record Text(String text) implements ReceiptLine {
        public Text {
            ReceiptLine.check(text);
        }
    }

    /** A label on the left and a value on the right, e.g. {@code 统筹基金支付    7568.00}. */
    record Pair(String label, String value) implements ReceiptLine {
        public Pair {
            ReceiptLine.check(label);
            ReceiptLine.check(value);
        }
    }

    /** A horizontal rule across the paper. */
    record Rule() implements ReceiptLine {
    }

    private static void check(String text) {
        Objects.requireNonNull(text, "text");
        if (text.length() > 512 || text.chars().anyMatch(c -> c < 0x20)) {
            throw new IllegalArgumentException("receipt text too long or has control characters");
        }
    }
}
