package cn.yibao.hostlink.saf;

import cn.yibao.hostlink.msg.Request;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.atomic.AtomicLong;

/** Message ids in the national form: prefix (institution code) + yyyyMMddHHmmss + a rolling 6-digit counter. */
public final class MsgIds {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
    private final String prefix;
    private final AtomicLong counter = new AtomicLong();

    public MsgIds(String prefix) {
        if (!prefix.matches("[0-9A-Za-z]{0,20}")) {
            throw new IllegalArgumentException("msgid prefix must be at most 20 letters and digits");
        }
        this.prefix = prefix;
    }

    /** @return a new message id */
    public String next() {
        return prefix + LocalDateTime.now(Request.ZONE).format(STAMP)
                + String.format("%06d", counter.incrementAndGet() % 1_000_000);
    }
}
