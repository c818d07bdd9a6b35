package cn.yibao.simulator.host;

import cn.yibao.hostlink.msg.Json;
import cn.yibao.hostlink.msg.LinkRefusal;
import cn.yibao.hostlink.msg.Request;
import cn.yibao.hostlink.msg.Response;
import cn.yibao.hostlink.net.Peer;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * 8001 as it arrives at an instance: the connection's checks (enrolled, signed in), the records
 * verified outside any lock ({@link Ingest#prepare}), then the batch committed with others
 * ({@link GroupCommit}) or, a backlog's batch, in a transaction of its own. On a sign-in that
 * pipelines its uploads ({@link LiveTerminals}) each upload follows the one sent before it: it is
 * applied after it, and only if that one was accepted ({@code PRECEDING_UPLOAD_FAILED} otherwise:
 * its first record would reach the chain as a gap).
 */
final class Uploads {

    // the host's log lines keep the service's logger name: operators look for it
    private static final Logger LOG = LoggerFactory.getLogger(HostService.class);

    private final HostStore store;
    private final Ingest ingest;
    private final LiveTerminals live;
    private final GroupCommit group;

    Uploads(HostStore store, Ingest ingest, LiveTerminals live) {
        this.store = store;
        this.ingest = ingest;
        this.live = live;
        this.group = new GroupCommit(store, ingest, this::alone, live::capacity);
    }

    /** @return the group commit */
    GroupCommit group() {
        return group;
    }

    /**
     * @param signNo the terminal's current sign-in number (null when none)
     * @return the answer to the upload {@code req} from {@code peer}; it always completes normally
     */
    CompletableFuture<Response> upload(Peer peer, Request req, String signNo) {
        CompletableFuture<Response> answer = new CompletableFuture<>();
        CompletableFuture<Response> before = live.follow(peer, answer);
        try {
            after(peer, req, signNo, before).whenComplete((r, e) -> answer.complete(r != null ? r
                    : Response.refused(req, LinkRefusal.HOST_ERROR, Json.object())));
        } catch (RuntimeException e) {
            answer.complete(Response.refused(req, LinkRefusal.HOST_ERROR, Json.object()));
            throw e;
        }
        return answer;
    }

    private CompletableFuture<Response> after(Peer peer, Request req, String signNo,
                                              CompletableFuture<Response> before) {
        try {
            String terminal = peer.terminalId();
            if (GroupCommit.behindFailure(before)) {
                return done(GroupCommit.precedingFailed(req));
            }
            // the decoded enrolment this instance knows, checked against the database under the lock
            Optional<SigningKeys.Enrolled> enrolled = store.knownEnrolment(terminal);
            if (enrolled.isEmpty()) {
                return done(Response.refused(req, LinkRefusal.TERMINAL_UNKNOWN, Json.object()));
            }
            if (!req.signNo().equals(signNo)) {
                return done(Response.refused(req, LinkRefusal.NOT_SIGNED_IN, Json.object()));
            }
            Ingest.Prepared p = ingest.prepare(peer, req, enrolled.get());
            if (p.refusal() != null) {
                return done(p.refusal());
            }
            boolean alone = p.batch().ups().size() > GroupCommit.MAX_RECORDS;
            if (alone && (before == null || before.isDone())) {
                return done(group.applyAlone(p.batch()));
            }
            return group.submit(p.batch(), before, alone);
        } catch (HostStore.StoreException e) {
            return done(storeFailure(store, peer.terminalId(), req, e));
        }
    }

    private static CompletableFuture<Response> done(Response r) {
        return CompletableFuture.completedFuture(r);
    }

    /** An upload applied in a transaction of its own; a store failure answered as {@link #storeFailure}. */
    private Response alone(Ingest.Batch b) {
        try {
            return ingest.apply(b);
        } catch (HostStore.StoreException e) {
            return storeFailure(store, b.terminal(), b.req(), e);
        }
    }

    /**
     * The answer to a request whose transaction failed with {@code e}: STORE_UNAVAILABLE, or
     * HOST_ERROR (thrown).
     */
    static Response storeFailure(HostStore store, String terminal, Request req, HostStore.StoreException e) {
        if (!e.unavailable() && !e.rolledBack()) {
            throw e; // a fault of the host (HOST_ERROR), answered at once: running it again would fail the same way
        }
        // the transaction was rolled back: nothing of this request is stored; the terminal sends it again
        LOG.warn("store {} unavailable ({}{}): refused {} {} from {}", store.describe(), e.sqlState(),
                e.unavailable() ? "" : ", rolled back", req.infno(), req.msgid(), terminal);
        return Response.refused(req, LinkRefusal.STORE_UNAVAILABLE, Json.object());
    }
}
