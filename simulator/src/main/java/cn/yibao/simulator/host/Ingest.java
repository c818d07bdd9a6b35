package cn.yibao.simulator.host;

import cn.yibao.hostlink.msg.Json;
import cn.yibao.hostlink.msg.LinkRefusal;
import cn.yibao.hostlink.msg.MalformedMessageException;
import cn.yibao.hostlink.msg.Request;
import cn.yibao.hostlink.msg.Response;
import cn.yibao.hostlink.net.Peer;
import cn.yibao.hostlink.record.ChainView;
import cn.yibao.hostlink.record.RecordCheck;
import cn.yibao.hostlink.record.RecordKind;
import cn.yibao.hostlink.record.RecordResult;
import cn.yibao.hostlink.record.RecordVerifier;
import cn.yibao.hostlink.record.SignedRecord;
import cn.yibao.hostlink.record.Sm3;
import cn.yibao.hostlink.record.UploadedRecord;
import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * 8001, the upload of signed records: the verification of {@code docs/host-protocol.md} in its
 * order, then one transaction per batch under the terminal's row lock.
 *
 * <p>A batch is applied the quick way when nothing in it is wrong, which is nearly always: the chain
 * is followed in memory from the head read once, the new records are inserted with a few
 * multi-row statements ({@code ON CONFLICT DO NOTHING}: a held msgid or card transaction inserts
 * nothing, and the count says so), the accounts
 * are posted once per card (in card order) and the head is moved once. If any record is refused
 * after its chain check (a replay, or steps 8–10 failed), the transaction is rolled back and the
 * batch is applied again record by record ({@link #exactly}), the checks asking the database each
 * time, so that the refusal is the one the documented order gives. Both ways store the same rows.
 */
final class Ingest {

    /** Most records accepted in one upload. */
    static final int MAX_BATCH = 1000;

    private final HostStore store;
    private final RecordVerifier verifier;

    Ingest(HostStore store, RecordVerifier verifier) {
        this.store = store;
        this.verifier = verifier;
    }

    /**
     * 8001 from {@code peer}, whose enrolment as read by the caller for this request is
     * {@code enrolled}: the records are verified with its key outside the lock, and the enrolment is
     * read again under the lock in the transaction that writes them ({@link #locked}).
     */
    Response upload(Peer peer, Request req, SigningKeys.Enrolled enrolled) {
        Prepared p = prepare(peer, req, enrolled);
        return p.refusal() != null ? p.refusal() : apply(p.batch());
    }

    /** An upload read and checked outside the store: its batch, or the refusal it already has. */
    record Prepared(Batch batch, Response refusal) {
    }

    /** Reads the upload and runs the checks that need no store state (steps 1–5, 8–10), outside any lock. */
    Prepared prepare(Peer peer, Request req, SigningKeys.Enrolled enrolled) {
        JsonNode in = req.input();
        JsonNode records = in.get("records");
        if (records == null || !records.isArray() || records.size() > MAX_BATCH) {
            return new Prepared(null, Response.refused(req, LinkRefusal.BAD_INPUT, Json.object()));
        }
        List<UploadedRecord> ups = new ArrayList<>(records.size());
        try {
            records.forEach(r -> ups.add(UploadedRecord.fromJson(r)));
        } catch (MalformedMessageException e) {
            return new Prepared(null, Response.refused(req, LinkRefusal.BAD_INPUT,
                    Json.object().put("detail", e.getMessage())));
        }
        String terminal = peer.terminalId();
        HostMetrics.upload(ups.size());
        return new Prepared(new Batch(req, terminal, ups, enrolled,
                HostMetrics.verification(() -> precheck(enrolled, terminal, ups)),
                in.path("journal_head").asLong(0)), null);
    }

    /** Applies a prepared batch in a transaction of its own: the quick way, else record by record. */
    Response apply(Batch b) {
        try {
            return store.inTransaction(c -> locked(c, b, true));
        } catch (NotQuick e) {
            return store.inTransaction(c -> locked(c, b, false));
        }
    }

    /** A batch as received, with the enrolment its records were checked with, and what was checked. */
    record Batch(Request req, String terminal, List<UploadedRecord> ups, SigningKeys.Enrolled enrolled,
                         Checked checked, long journalHead) {

        Batch with(SigningKeys.Enrolled now, Checked again) {
            return new Batch(req, terminal, ups, now, again, journalHead);
        }
    }

    /** What was checked of a batch outside the store's lock, per record. */
    record Checked(RecordCheck[] auth, RecordCheck[] content, RecordResult[] results) {
    }

    /** The quick way met a record it cannot judge alone: apply the batch exactly instead. */
    static final class NotQuick extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotQuick() {
            super(null, null, false, false);
        }
    }

    /**
     * Steps 1–5 and 8–10 of each record, up to the first record failing steps 1–5 (the store
     * reports that one and looks at none after it). Runs on the connection's executor: batches of
     * different connections are checked in parallel, on every core.
     */
    private Checked precheck(SigningKeys.Enrolled enrolled, String terminal, List<UploadedRecord> ups) {
        ChainView keyed = store.withSigningKey(terminal, enrolled.key());
        int n = ups.size();
        Checked checked = new Checked(new RecordCheck[n], new RecordCheck[n], new RecordResult[n]);
        for (int i = 0; i < n; i++) {
            RecordVerifier.Authenticated a = verifier.authenticated(keyed, terminal, ups.get(i));
            checked.auth()[i] = a.check();
            if (a.check() != RecordCheck.ACCEPTED) {
                break;
            }
            checked.results()[i] = a.result();
            checked.content()[i] = verifier.content(ups.get(i), a.result());
        }
        return checked;
    }

    private Response locked(Connection c, Batch checked, boolean quick) throws SQLException {
        // one upload of a terminal at a time, on any host instance; then its chain as the database holds it
        Terminals.Head head = store.lockTerminal(c, checked.terminal());
        if (!head.flag().isEmpty()) {
            return Response.refused(checked.req(), LinkRefusal.TERMINAL_FLAGGED,
                    Json.object().put("ack_seq", head.seq()));
        }
        Batch b = checked;
        if (!Arrays.equals(head.signCert(), checked.enrolled().der())) {
            // re-enrolled since the records were verified (a re-enrolment takes this row's lock too, so
            // it is now either committed or waits for this transaction): verify them with the key held now
            var now = store.enrolment(b.terminal(), head.signCert());
            if (now.isEmpty()) {
                return Response.refused(b.req(), LinkRefusal.TERMINAL_UNKNOWN, Json.object());
            }
            b = b.with(now.get(), precheck(now.get(), b.terminal(), b.ups()));
        }
        return quick ? quickly(c, b, head) : exactly(c, b);
    }

    /** The record as it is stored, with its money. */
    private static Object[] row(Batch b, int i, Amounts[] money) {
        UploadedRecord up = b.ups().get(i);
        RecordResult result = b.checked().results()[i];
        // only a settlement moves money; a cancellation was counted when its load was authorised
        boolean settles = result.kind() == RecordKind.SETTLE;
        money[0] = settles ? Amounts.of(result) : Amounts.ZERO;
        return Records.row(up.record(), up.declaredHash(), money[0],
                settles ? result.setlId() : up.record().msgid(), settles ? "OK" : result.kind().name(),
                settles ? up.items() : null, b.req().fixmedinsCode());
    }

    private Response quickly(Connection c, Batch b, Terminals.Head head) throws SQLException {
        Plan p = plan(c, b, head);
        if (Records.insert(c, p.rows()) != p.rows().size()) {
            throw new NotQuick(); // a msgid or card transaction already held (step 7)
        }
        for (Map.Entry<String, Amounts> post : p.posts().entrySet()) {
            Ledger.post(c, post.getKey(), post.getValue(), 1);
        }
        if (p.failure() != null) {
            if (p.high() > p.held()) {
                Terminals.moveHead(c, b.terminal(), p.high(), p.last());
            }
            return refused(c, b, p.high(), p.rows().size(), p.failure(), p.failedAt());
        }
        Terminals.advance(c, b.terminal(), p.high(), p.last(), b.journalHead());
        return accepted(b, p.high(), p.rows().size(), p.duplicates());
    }

    /**
     * A batch followed the quick way in memory from its terminal's head: the rows to insert, the
     * accounts to post (by card, in card order), the new head, and the first failure with its index.
     */
    record Plan(Batch batch, List<Object[]> rows, Map<String, Amounts> posts, long held, long high, byte[] last,
                int duplicates, RecordCheck failure, int failedAt) {
    }

    /** Steps 6 (and 7 by the insert's count) of a batch the quick way; throws NotQuick for a replay. */
    Plan plan(Connection c, Batch b, Terminals.Head head) {
        String terminal = b.terminal();
        long held = head.seq();
        long high = held;
        byte[] last = high == 0 ? Sm3.genesis(terminal)
                : head.hash() != null ? head.hash() : store.view(c).hashAt(terminal, high);
        List<Object[]> rows = new ArrayList<>();
        List<byte[]> hashes = new ArrayList<>();
        // accounts in card order: two batches touching the same cards lock them in the same order
        Map<String, Amounts> posts = new TreeMap<>();
        int duplicates = 0;
        RecordCheck failure = null;
        int failedAt = -1;
        for (int i = 0; i < b.ups().size() && failure == null; i++) {
            UploadedRecord up = b.ups().get(i);
            SignedRecord r = up.record();
            RecordCheck check = b.checked().auth()[i];
            if (check == RecordCheck.ACCEPTED) {
                byte[] heldHash = r.seq() > high ? null : r.seq() <= held ? store.view(c).hashAt(terminal, r.seq())
                        : hashes.get((int) (r.seq() - held - 1));
                check = chain(up, high, last, heldHash);
            }
            if (check == RecordCheck.ACCEPTED) {
                if (b.checked().content()[i] != RecordCheck.ACCEPTED) {
                    throw new NotQuick(); // a replay (step 7) is reported before steps 8–10: ask the database
                }
                Amounts[] money = new Amounts[1];
                rows.add(row(b, i, money));
                posts.merge(r.proof().cardNo(), money[0], Amounts::plus);
                hashes.add(up.declaredHash());
                high = r.seq();
                last = up.declaredHash();
            } else if (check == RecordCheck.DUPLICATE) {
                duplicates++;
            } else {
                failure = check;
                failedAt = i;
            }
        }
        return new Plan(b, rows, posts, held, high, last, duplicates, failure, failedAt);
    }

    /**
     * Step 6 against the chain followed so far: the head {@code high} with hash {@code last}, and
     * {@code heldHash}, the hash held at the record's sequence when that is not beyond the head.
     */
    private static RecordCheck chain(UploadedRecord up, long high, byte[] last, byte[] heldHash) {
        long seq = up.record().seq();
        if (seq <= high) {
            return Arrays.equals(up.declaredHash(), heldHash) ? RecordCheck.DUPLICATE : RecordCheck.SEQUENCE_CONFLICT;
        }
        if (seq > high + 1) {
            return RecordCheck.SEQUENCE_GAP;
        }
        return Arrays.equals(last, up.record().prevHash()) ? RecordCheck.ACCEPTED : RecordCheck.CHAIN_BROKEN;
    }

    /** The batch record by record, every check of steps 6–7 asking the database. */
    private Response exactly(Connection c, Batch b) throws SQLException {
        ChainView view = store.view(c);
        int accepted = 0;
        int duplicates = 0;
        for (int i = 0; i < b.ups().size(); i++) {
            UploadedRecord up = b.ups().get(i);
            RecordCheck check = b.checked().auth()[i] == RecordCheck.ACCEPTED
                    ? verifier.admit(view, up, b.checked().content()[i]) : b.checked().auth()[i];
            if (check == RecordCheck.ACCEPTED) {
                Amounts[] money = new Amounts[1];
                if (Sql.update(c, Records.INSERT, row(b, i, money)) != 1) {
                    // another terminal's upload committed this msgid or card transaction since the check:
                    // the race PostgresBackend runs again, when the check will find it held
                    throw new HostStore.LostRace("record " + up.record().msgid() + " taken concurrently");
                }
                Terminals.moveHead(c, b.terminal(), up.record().seq(), up.declaredHash());
                Ledger.post(c, up.record().proof().cardNo(), money[0], 1);
                accepted++;
            } else if (check == RecordCheck.DUPLICATE) {
                duplicates++;
            } else {
                return refused(c, b, view.highestSeq(b.terminal()), accepted, check, i);
            }
        }
        Terminals.seen(c, b.terminal(), b.journalHead());
        return accepted(b, view.highestSeq(b.terminal()), accepted, duplicates);
    }

    static Response accepted(Batch b, long ack, int accepted, int duplicates) {
        return Response.ok(b.req(), Json.object().put("ack_seq", ack).put("accepted", accepted)
                .put("duplicates", duplicates));
    }

    /** Flags the terminal with the failed check; the records before the refused one stay taken. */
    private static Response refused(Connection c, Batch b, long ack, int accepted, RecordCheck failure, int failedAt)
            throws SQLException {
        Terminals.flag(c, b.terminal(), failure.code());
        return Response.refused(b.req(), failure, Json.object().put("ack_seq", ack)
                .put("rejected_seq", b.ups().get(failedAt).record().seq()).put("accepted", accepted));
    }
}
