package cn.yibao.hostlink.saf;

import cn.yibao.hostlink.msg.Infno;
import cn.yibao.hostlink.msg.Request;
import cn.yibao.hostlink.msg.Response;
import java.util.ArrayDeque;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The uploads of one session sent and not answered yet, oldest first: at most as many as both
 * the terminal's settings and the host's sign-in allow, each carrying the records after the one
 * before it, their answers taken in the order they were sent ({@link StoreAndForward}).
 */
final class InFlightUploads {

    /** An upload sent and not answered yet, and the sequence of its last record. */
    private record Sent(Request req, CompletableFuture<Response> answer, long lastSeq) {
    }

    private final HostSession session;
    private final UploadBatches uploads;
    private final int depth;
    private final ArrayDeque<Sent> sent = new ArrayDeque<>();

    InFlightUploads(HostSession session, UploadBatches uploads, int asked) {
        this.session = session;
        this.uploads = uploads;
        this.depth = Math.max(1, Math.min(asked, session.uploadsInFlight()));
    }

    /** @return whether more than one upload may be in flight on this session */
    boolean pipelined() {
        return depth > 1;
    }

    /** Sends the next upload if there is room and a record after those sent. @return whether one went */
    boolean sendNext() {
        if (sent.size() >= depth) {
            return false;
        }
        long after = sent.isEmpty() ? uploads.ackedSeq() : sent.peekLast().lastSeq();
        Optional<UploadBatches.Upload> next = uploads.next(after);
        if (next.isEmpty()) {
            return false;
        }
        Request req = session.request(Infno.UPLOAD, next.get().input());
        sent.addLast(new Sent(req, session.send(req), next.get().lastSeq()));
        return true;
    }

    /** @return whether no upload awaits its answer */
    boolean isEmpty() {
        return sent.isEmpty();
    }

    /**
     * Waits for the oldest upload's answer and moves the cursor by it ({@link UploadBatches#answered});
     * after anything but an acknowledgement the uploads still in flight are forgotten (the host
     * does not apply them).
     */
    UploadBatches.Outcome answerOfOldest() throws HostUnavailableException {
        Sent oldest = sent.removeFirst();
        UploadBatches.Outcome outcome = uploads.answered(session.await(oldest.req(), oldest.answer()));
        if (outcome != UploadBatches.Outcome.ACKNOWLEDGED) {
            sent.clear();
        }
        return outcome;
    }
}
