package cn.yibao.simulator.host;

import cn.yibao.hostlink.msg.Json;
import cn.yibao.hostlink.msg.LinkRefusal;
import cn.yibao.hostlink.msg.Response;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit of live uploads: the small batches (a counter uploading each sale as it is made)
 * of several terminals that arrive within a short window are applied by one thread together, and
 * each upload is acknowledged only after the write that stored it committed (durability is
 * unchanged: fsync and {@code synchronous_commit} stay on). Each batch is planned on its terminal's
 * head as this instance's last group left it ({@link #known}; read without a lock, in one
 * statement for the group, only where the instance does not know it), and {@link GroupWrite} writes
 * the heads, the records of all and their accounts at once — on PostgreSQL one statement, one round
 * trip — moving each head only where the terminal's row still holds the planned head, no flag and
 * the certificate the records were verified with. A group holds at most one batch of a terminal (a
 * second waits for the next group). When any batch of a group needs more than the quick way (a
 * refusal, a replay, a re-enrolment) or any head is not as planned (moved by another instance or by
 * an upload applied alone), nothing of the group is kept and each batch is applied alone
 * ({@link Ingest#apply}, under the terminal's row lock), so answers are the same as without
 * grouping. A group the database refused (unavailable, rolled back) is answered
 * {@code STORE_UNAVAILABLE}, every batch: nothing of it was stored.
 */
final class GroupCommit implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(GroupCommit.class);
    /** How long the first upload of a group waits for others (the latency the group adds at most). */
    static final Duration WINDOW = Duration.ofMillis(4);
    /** Most batches in one group. */
    static final int MAX_BATCHES = 64;
    /** Largest batch that is grouped (larger ones are a backlog: a transaction of their own pays off). */
    static final int MAX_RECORDS = 20;

    private record Pending(Ingest.Batch batch, CompletableFuture<Response> answer, AtomicLong answered) {

        void done(Response r) {
            answered.incrementAndGet();
            answer.complete(r);
        }
    }

    private final HostStore store;
    private final Ingest ingest;
    private final Function<Ingest.Batch, Response> alone;
    private final IntSupplier live;
    private volatile long windowNanos = WINDOW.toNanos();
    /** Each terminal's head as this instance's last group that moved it left it (the committer's and forget's). */
    private final Map<String, Terminals.Head> known = new ConcurrentHashMap<>();
    private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Thread committer;
    private volatile boolean closed;
    private final AtomicLong submitted = new AtomicLong();
    private final AtomicLong answered = new AtomicLong();
    private final AtomicLong groups = new AtomicLong();

    /**
     * @param alone applies one batch on its own and answers it (store failures included), for a
     *              group that cannot be applied together
     * @param live  how many terminals have a live connection to this instance: a group that holds a
     *              batch of each closes without waiting out its window, as no other can join it
     */
    GroupCommit(HostStore store, Ingest ingest, Function<Ingest.Batch, Response> alone, IntSupplier live) {
        this.store = store;
        this.ingest = ingest;
        this.alone = alone;
        this.live = live;
        this.committer = new Thread(this::run, "host-group-commit");
        committer.setDaemon(true);
        committer.start();
    }

    /** @return the answer to {@code b}, completed after the transaction that stored it committed */
    CompletableFuture<Response> submit(Ingest.Batch b) {
        CompletableFuture<Response> answer = new CompletableFuture<>();
        if (closed) {
            answer.complete(applyAlone(b));
        } else {
            submitted.incrementAndGet();
            queue.add(new Pending(b, answer, answered));
        }
        return answer;
    }

    private void run() {
        List<Pending> carried = new ArrayList<>();
        while (!closed) {
            try {
                List<Pending> group = collect(carried);
                if (!group.isEmpty()) {
                    commit(group);
                }
            } catch (InterruptedException e) {
                break;
            } catch (RuntimeException e) {
                LOG.error("group commit failed", e);
            }
        }
        carried.forEach(p -> p.done(applyAlone(p.batch())));
        for (Pending p; (p = queue.poll()) != null; ) {
            p.done(applyAlone(p.batch()));
        }
    }

    /**
     * Waits for a first upload, then for more until the window closes or every terminal connected
     * holds a batch in the group (each waits for its answer: none could add another); one batch a
     * terminal.
     */
    private List<Pending> collect(List<Pending> carried) throws InterruptedException {
        List<Pending> group = new ArrayList<>();
        Set<String> terminals = new HashSet<>();
        List<Pending> later = new ArrayList<>();
        for (Pending p : carried) {
            (terminals.add(p.batch().terminal()) ? group : later).add(p);
        }
        carried.clear();
        if (group.isEmpty()) {
            Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
            if (first == null) {
                return group;
            }
            terminals.add(first.batch().terminal());
            group.add(first);
        }
        long deadline = System.nanoTime() + windowNanos;
        while (group.size() < MAX_BATCHES && group.size() < live.getAsInt()) {
            long left = deadline - System.nanoTime();
            Pending p = left > 0 ? queue.poll(left, TimeUnit.NANOSECONDS) : queue.poll();
            if (p == null) {
                break;
            }
            (terminals.add(p.batch().terminal()) ? group : later).add(p);
        }
        carried.addAll(later);
        return group;
    }

    private void commit(List<Pending> group) {
        groups.incrementAndGet();
        List<Ingest.Batch> batches = group.stream().map(Pending::batch).toList();
        Applied applied;
        try {
            applied = store.inOneWrite(c -> applyAll(c, batches));
        } catch (Ingest.NotQuick e) {
            group.forEach(p -> p.done(applyAlone(p.batch())));
            return;
        } catch (HostStore.StoreException e) {
            batches.forEach(b -> forget(b.terminal()));
            if (!e.unavailable() && !e.rolledBack()) {
                group.forEach(p -> p.done(applyAlone(p.batch())));
                return;
            }
            LOG.warn("store {} unavailable ({}): refused a group of {} uploads", store.describe(), e.sqlState(),
                    group.size());
            group.forEach(p -> p.done(Response.refused(p.batch().req(), LinkRefusal.STORE_UNAVAILABLE,
                    Json.object())));
            return;
        }
        applied.moves().forEach(m -> known.put(m.terminal(), new Terminals.Head(m.high(), m.hash(), "", m.cert())));
        for (int i = 0; i < group.size(); i++) {
            group.get(i).done(applied.answers().get(i));
        }
    }

    /**
     * Applies one batch in a transaction of its own ({@link Ingest#apply}, through the function
     * given), which moves its terminal's head without this instance's groups knowing: they read it
     * again next time. @return its answer
     */
    Response applyAlone(Ingest.Batch b) {
        try {
            return alone.apply(b);
        } finally {
            forget(b.terminal());
        }
    }

    /**
     * Applies the batches (one a terminal) the quick way on {@code c} ({@link HostStore#inOneWrite}): each
     * planned on its terminal's head as this instance's last group left it (read, unlocked, when
     * not known), then written together ({@link GroupWrite}: one statement on PostgreSQL), the write
     * checking every head; throws {@link Ingest.NotQuick} when any batch needs more or any head is
     * not as planned. @return the answers, in the order of {@code batches}
     */
    private Applied applyAll(Connection c, List<Ingest.Batch> batches) throws SQLException {
        Map<String, Terminals.Head> heads = heads(c, batches);
        Response[] answers = new Response[batches.size()];
        List<Ingest.Plan> plans = new ArrayList<>();
        List<Integer> planned = new ArrayList<>();
        List<GroupWrite.HeadMove> moves = new ArrayList<>();
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
            moves.add(new GroupWrite.HeadMove(b.terminal(), head.seq(), plan.high(), plan.last(), b.journalHead(),
                    b.enrolled().der()));
            rows.addAll(plan.rows());
            plan.posts().forEach((card, a) -> posts.merge(card, a, Amounts::plus));
        }
        GroupWrite write = new GroupWrite(moves, rows, posts);
        if (!write.isEmpty() && !store.write(c, write)) {
            throw new Ingest.NotQuick(); // a head moved elsewhere, a flag, a re-enrolment, a record already held
        }
        for (int k = 0; k < plans.size(); k++) {
            Ingest.Plan p = plans.get(k);
            answers[planned.get(k)] = Ingest.accepted(p.batch(), p.high(), p.rows().size(), p.duplicates());
        }
        return new Applied(Arrays.asList(answers), moves);
    }

    /** A group applied: the answers in the order of its batches, and the heads it moved. */
    private record Applied(List<Response> answers, List<GroupWrite.HeadMove> moves) {
    }

    /** @return the heads of the batches' terminals: as this instance's groups left them, else as read now */
    private Map<String, Terminals.Head> heads(Connection c, List<Ingest.Batch> batches) throws SQLException {
        Map<String, Terminals.Head> heads = new HashMap<>();
        List<String> unknown = new ArrayList<>();
        for (Ingest.Batch b : batches) {
            Terminals.Head h = known.get(b.terminal());
            if (h != null) {
                heads.put(b.terminal(), h);
            } else {
                unknown.add(b.terminal());
            }
        }
        if (!unknown.isEmpty()) {
            heads.putAll(Terminals.readAll(c, unknown));
        }
        return heads;
    }

    /**
     * Forgets what this instance knew of the terminal's head: an upload of it was applied alone,
     * which moves the head without telling the groups.
     */
    void forget(String terminal) {
        known.remove(terminal);
    }

    /** @return {uploads submitted, of which not answered yet, groups committed or tried} since the start */
    long[] counts() {
        long s = submitted.get();
        return new long[] {s, s - answered.get(), groups.get()};
    }

    /** Sets how long the first upload of a group waits for others (tests: {@link #WINDOW} otherwise). */
    void window(Duration d) {
        windowNanos = d.toNanos();
    }

    /** Stops grouping: what is queued is applied alone. */
    @Override
    public void close() {
        closed = true;
        try {
            committer.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
