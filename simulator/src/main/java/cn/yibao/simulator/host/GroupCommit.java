package cn.yibao.simulator.host;

import cn.yibao.hostlink.msg.Json;
import cn.yibao.hostlink.msg.LinkRefusal;
import cn.yibao.hostlink.msg.Request;
import cn.yibao.hostlink.msg.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
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
 * unchanged: fsync and {@code synchronous_commit} stay on). The batches are planned and written
 * by {@link GroupApply}, moving each head only where the terminal's row still holds the planned
 * head, no flag and the certificate the records were verified with. A group may hold several
 * consecutive batches of one terminal (uploads pipelined on one connection), in their order. When
 * any batch of a group needs more than the quick way (a refusal, a replay, a re-enrolment) or any
 * head is not as planned (moved by another instance or by an upload applied alone), nothing of the
 * group is kept and each batch is applied alone, in order ({@link Ingest#apply}, under the
 * terminal's row lock), so answers are the same as without grouping. A group the database refused
 * (unavailable, rolled back) is answered {@code STORE_UNAVAILABLE}, every batch: nothing of it was
 * stored. A batch pipelined behind one that was not accepted is not applied
 * ({@code PRECEDING_UPLOAD_FAILED}): it would reach the chain as a gap.
 */
final class GroupCommit implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(GroupCommit.class);
    /** How long the first upload of a group waits for others (the latency the group adds at most). */
    static final Duration WINDOW = Duration.ofMillis(4);
    /** Most batches in one group. */
    static final int MAX_BATCHES = 64;
    /** Largest batch that is grouped (larger ones are a backlog: a transaction of their own pays off). */
    static final int MAX_RECORDS = 20;

    /**
     * An upload waiting for its group.
     *
     * @param before the answer to the upload sent before it on its connection, when it was sent
     *               without waiting for that answer (else null)
     * @param alone  whether it is applied in a transaction of its own (a backlog's batch), after the
     *               group before it
     */
    private record Pending(Ingest.Batch batch, CompletableFuture<Response> answer, AtomicLong answered,
                           CompletableFuture<Response> before, boolean alone) {

        void done(Response r) {
            answered.incrementAndGet();
            answer.complete(r);
        }

        /** @return whether the upload before it was answered and not accepted */
        boolean behindFailure() {
            return GroupCommit.behindFailure(before);
        }
    }

    private final HostStore store;
    private final GroupApply quick;
    private final Function<Ingest.Batch, Response> alone;
    private final IntSupplier live;
    private volatile long windowNanos = WINDOW.toNanos();
    private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Thread committer;
    private volatile boolean closed;
    private final AtomicLong submitted = new AtomicLong();
    private final AtomicLong answered = new AtomicLong();
    private final AtomicLong groups = new AtomicLong();

    /**
     * @param alone applies one batch on its own and answers it (store failures included), for a
     *              group that cannot be applied together
     * @param live  how many uploads the connections to this instance may have in flight together: a
     *              group that holds that many closes without waiting out its window, as no other
     *              can join it
     */
    GroupCommit(HostStore store, Ingest ingest, Function<Ingest.Batch, Response> alone, IntSupplier live) {
        this.store = store;
        this.quick = new GroupApply(store, ingest);
        this.alone = alone;
        this.live = live;
        this.committer = new Thread(this::run, "host-group-commit");
        committer.setDaemon(true);
        committer.start();
    }

    /**
     * @param before the answer to the upload sent before {@code b} on its connection, if {@code b}
     *               was sent without waiting for it (null otherwise): {@code b} is applied after it,
     *               and only if it was accepted
     * @param alone  whether {@code b} is applied in a transaction of its own
     * @return the answer to {@code b}, completed after the transaction that stored it committed
     */
    CompletableFuture<Response> submit(Ingest.Batch b, CompletableFuture<Response> before, boolean alone) {
        CompletableFuture<Response> answer = new CompletableFuture<>();
        Pending p = new Pending(b, answer, answered, before, alone);
        if (closed) {
            p.done(applyAlone(p));
        } else {
            submitted.incrementAndGet();
            queue.add(p);
        }
        return answer;
    }

    private void run() {
        List<Pending> carried = new ArrayList<>();
        while (!closed) {
            try {
                List<Pending> group = collect(carried);
                if (group.size() == 1 && group.get(0).alone()) {
                    group.get(0).done(applyAlone(group.get(0)));
                } else if (!group.isEmpty()) {
                    commit(group);
                }
            } catch (InterruptedException e) {
                break;
            } catch (RuntimeException e) {
                LOG.error("group commit failed", e);
            }
        }
        carried.forEach(p -> p.done(applyAlone(p)));
        for (Pending p; (p = queue.poll()) != null; ) {
            p.done(applyAlone(p));
        }
    }

    /**
     * Waits for a first upload, then for more in arrival order until the window closes or the group
     * holds as many as the connections may have in flight (each waits for an answer: none could
     * add another); an upload to be applied alone closes the group and forms the next one.
     */
    private List<Pending> collect(List<Pending> carried) throws InterruptedException {
        List<Pending> group = new ArrayList<>(carried);
        carried.clear();
        if (group.isEmpty()) {
            Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
            if (first == null) {
                return group;
            }
            group.add(first);
        }
        if (group.get(0).alone()) {
            return group;
        }
        long deadline = System.nanoTime() + windowNanos;
        while (group.size() < MAX_BATCHES && group.size() < live.getAsInt()) {
            long left = deadline - System.nanoTime();
            Pending p = left > 0 ? queue.poll(left, TimeUnit.NANOSECONDS) : queue.poll();
            if (p == null) {
                break;
            }
            if (p.alone()) {
                carried.add(p);
                break;
            }
            group.add(p);
        }
        return group;
    }

    private void commit(List<Pending> all) {
        groups.incrementAndGet();
        List<Pending> group = new ArrayList<>();
        for (Pending p : all) {
            if (p.behindFailure()) {
                p.done(precedingFailed(p));
            } else {
                group.add(p);
            }
        }
        if (group.isEmpty()) {
            return;
        }
        List<Ingest.Batch> batches = group.stream().map(Pending::batch).toList();
        GroupApply.Applied applied;
        try {
            applied = store.inOneWrite(c -> quick.apply(c, batches));
        } catch (Ingest.NotQuick e) {
            group.forEach(p -> p.done(applyAlone(p)));
            return;
        } catch (HostStore.StoreException e) {
            batches.forEach(b -> quick.forget(b.terminal()));
            if (!e.unavailable() && !e.rolledBack()) {
                group.forEach(p -> p.done(applyAlone(p)));
                return;
            }
            LOG.warn("store {} unavailable ({}): refused a group of {} uploads", store.describe(), e.sqlState(),
                    group.size());
            group.forEach(p -> p.done(Response.refused(p.batch().req(), LinkRefusal.STORE_UNAVAILABLE,
                    Json.object())));
            return;
        }
        quick.committed(applied.moves());
        for (int i = 0; i < group.size(); i++) {
            group.get(i).done(applied.answers().get(i));
        }
    }

    /** Applies an upload alone, unless the one before it was not accepted. @return its answer */
    private Response applyAlone(Pending p) {
        return p.behindFailure() ? precedingFailed(p) : applyAlone(p.batch());
    }

    private static Response precedingFailed(Pending p) {
        return precedingFailed(p.batch().req());
    }

    /**
     * @param before the answer to the upload sent before another on its connection (null when none)
     * @return whether that upload was answered and not accepted: the one after it is not applied
     */
    static boolean behindFailure(CompletableFuture<Response> before) {
        return before != null && before.isDone() && !before.join().ok();
    }

    /** @return the answer to an upload pipelined behind one that was not accepted: nothing of it applied */
    static Response precedingFailed(Request req) {
        return Response.refused(req, LinkRefusal.PRECEDING_UPLOAD_FAILED, Json.object());
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
            quick.forget(b.terminal());
        }
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
