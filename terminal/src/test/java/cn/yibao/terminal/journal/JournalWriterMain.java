package cn.yibao.terminal.journal;

import cn.yibao.card.Money;
import java.nio.file.Path;
import java.time.Clock;

/**
 * A child process for {@link JournalCrashIT}: writes sales to a journal as fast as it can and
 * prints {@code committed <msgid>} after each commit returns, until it is killed.
 */
public final class JournalWriterMain {

    private JournalWriterMain() {
    }

    public static void main(String[] args) {
        Path file = Path.of(args[0]);
        String prefix = args[1];
        try (Journal j = Journal.open(file, Clock.systemUTC())) {
            for (int i = 0; ; i++) {
                String msgid = prefix + "-" + i;
                long id = j.transactions().begin(msgid, TxnKind.SALE, "2201********1234", "0000000000000001", "{}");
                j.transactions().preSettled(id, "{}", Money.ofFen(100 + i), "{}");
                j.transactions().debitSent(id, i, "{}");
                j.transactions().debited(id, "00000000");
                j.transactions().commit(id, head -> JournalTest.sign(head, msgid));
                System.out.println("committed " + msgid);
                System.out.flush();
            }
        }
    }
}
