package cn.yibao.simulator.host;

import cn.yibao.hostlink.msg.Json;
import cn.yibao.hostlink.msg.LinkRefusal;
import cn.yibao.hostlink.msg.Response;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The quick way of a group commit ({@link GroupCommit}): its batches planned in order, each on its
 * terminal's head as the batches before it leave it — the first on the head as this instance's
 * last group left it ({@link #known}; read without a lock, in one statement for the group, only
 * where the instance does not know it) —, then written together ({@link GroupWrite}: on PostgreSQL
 * one statement, one round trip), one head move a terminal from the head its first batch was
 * planned on to where its last leaves it. A group may hold several consecutive batches of one
 * terminal (a terminal pipelining its uploads).
 */
final class GroupApply {

    private final HostStore store;
    private final Ingest ingest;
    /** Each terminal's head as this instance's last group that moved it left it (the committer's and forget's). */
    private final Map<String, Terminals.Head> known = new ConcurrentHashMap<>();

    GroupApply(HostStore store, Ingest ingest) {
        this.store = store;
        this.ingest = ingest;
    }

    /** A group applied: the answers in the order of its batches, and the heads it moved. */
    record Applied(List<Response> answers, List<GroupWrite.HeadMove> moves) {
    }

    /**
     * Applies the batches the quick way on {@code c} ({@link HostStore#inOneWrite}), the write
     * checking every head; throws {@link Ingest.NotQuick} when any batch needs more (a refusal, a
     * replay, a re-enrolment) or any head is not as planned. @return the answers, in the order of
     * {@code batches}
     */
    Applied apply(Connection c, List<Ingest.Batch> batches) throws SQLException {
        Map<String, Terminals.Head> heads = heads(c, batches);
        Response[] answers = new Response[batches.size()];
        List<Ingest.Plan> plans = new ArrayList<>();
        List<Integer> planned = new ArrayList<>();
        Map<String, GroupWrite.HeadMove> moves = new LinkedHashMap<>();
        List<Object[]> rows = new ArrayList<>();
        Map<String, Amounts> posts = new TreeMap<>();
        for (int i = 0; i < batches.size(); i++) {
            Ingest.Batch b = batches.get(i);
            Terminals.Head head = heads.getOrDefault(b.terminal(), new Terminals.Head(0, null, "", null));
            if (!head.flag().isEmpty()) {
                answers[i] = Response.refused(b.req(), LinkRefusal.TERMINAL_FLAGGED,
                        Json.object().put("ack_seq", head.seq()));
                continue;
            }
            if (!Arrays.equals(head.signCert(), b.enrolled().der())) {
                throw new Ingest.NotQuick(); // re-enrolled since the check: verified again, alone
            }
            Ingest.Plan plan = ingest.plan(c, b, head);
            if (plan.failure() != null) {
                throw new Ingest.NotQuick(); // a refusal: flagged alone, in the documented order
            }
            plans.add(plan);
            planned.add(i);
            heads.put(b.terminal(), new Terminals.Head(plan.high(), plan.last(), "", head.signCert()));
            GroupWrite.HeadMove before = moves.get(b.terminal());
            moves.put(b.terminal(), new GroupWrite.HeadMove(b.terminal(), before == null ? head.seq() : before.held(),
                    plan.high(), plan.last(), Math.max(b.journalHead(), before == null ? 0 : before.journalHead()),
                    b.enrolled().der()));
            rows.addAll(plan.rows());
            plan.posts().forEach((card, a) -> posts.merge(card, a, Amounts::plus));
        }
        GroupWrite write = new GroupWrite(List.copyOf(moves.values()), rows, posts);
        if (!write.isEmpty() && !store.write(c, write)) {
            throw new Ingest.NotQuick(); // a head moved elsewhere, a flag, a re-enrolment, a record already held
        }
        for (int k = 0; k < plans.size(); k++) {
            Ingest.Plan p = plans.get(k);
            answers[planned.get(k)] = Ingest.accepted(p.batch(), p.high(), p.rows().size(), p.duplicates());
        }
        return new Applied(Arrays.asList(answers), write.heads());
    }

    /** @return the heads of the batches' terminals: as this instance's groups left them, else as read now */
    private Map<String, Terminals.Head> heads(Connection c, List<Ingest.Batch> batches) throws SQLException {
        Map<String, Terminals.Head> heads = new HashMap<>();
        List<String> unknown = new ArrayList<>();
        for (Ingest.Batch b : batches) {
            Terminals.Head h = known.get(b.terminal());
            if (h != null) {
                heads.put(b.terminal(), h);
            } else if (!unknown.contains(b.terminal())) {
                unknown.add(b.terminal());
            }
        }
        if (!unknown.isEmpty()) {
            heads.putAll(Terminals.readAll(c, unknown));
        }
        return heads;
    }

    /** Remembers the heads a committed group moved: the next group plans on them without reading. */
    void committed(List<GroupWrite.HeadMove> moves) {
        moves.forEach(m -> known.put(m.terminal(), new Terminals.Head(m.high(), m.hash(), "", m.cert())));
    }

    /**
     * Forgets what this instance knew of the terminal's head: an upload of it was applied alone,
     * which moves the head without telling the groups.
     */
    void forget(String terminal) {
        known.remove(terminal);
    }
}
