package cn.yibao.terminal.counter.demo;

import cn.yibao.terminal.counter.InventoryReceipt;
import cn.yibao.terminal.counter.InventoryUpload;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The demo host's side of the inventory messages (3501 stock counts, 3502 stock changes): every
 * line is taken, and a msgid seen before stores nothing again. Not thread-safe: {@link DemoCounter}
 * serialises access.
 */
final class DemoInventory {

    /** The inventory msgids the demo host remembers, oldest first. */
    private static final int MAX_MSGIDS = 10_000;
    private final Set<String> msgids = new LinkedHashSet<>();

    /** @return how many lines came and how many were stored (none for a msgid seen before) */
    InventoryReceipt take(InventoryUpload<?> upload, String msgid) {
        int lines = upload.invinfo().size();
        boolean fresh = msgids.add(msgid);
        if (msgids.size() > MAX_MSGIDS) {
            msgids.remove(msgids.iterator().next());
        }
        return new InventoryReceipt(lines, fresh ? lines : 0);
    }
}
