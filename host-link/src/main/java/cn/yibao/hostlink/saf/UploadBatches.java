package cn.yibao.hostlink.saf;

import cn.yibao.hostlink.msg.Json;
import cn.yibao.hostlink.msg.LinkRefusal;
import cn.yibao.hostlink.msg.Response;
import cn.yibao.hostlink.net.Frames;
import cn.yibao.hostlink.record.UploadedRecord;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The journal's side of the upload: which records go next (those after the cursor, in sequence
 * order, as many as fit in a batch and in a frame), what the host's answer does with them (the
 * cursor moves to the {@code ack_seq} it returns and only then; a refused record stops the upload
 * until {@link #retry}), and where the journal stands, for a heartbeat. The session the batches go
 * over is {@link StoreAndForward}'s.
 */
final class UploadBatches {

    // the link's log lines keep the link's logger name: operators (and FailoverIT) look for it
    private static final Logger LOG = LoggerFactory.getLogger(StoreAndForward.class);

    /** Most bytes of records in one upload, so that the frame stays under {@link Frames#MAX_FRAME}. */
    static final int MAX_UPLOAD_BYTES = Frames.MAX_FRAME - 64 * 1024;

    /** What the host's answer to an upload means for the link. */
    enum Outcome {
        /** The host answered with its {@code ack_seq}: go on with the next batch. */
        ACKNOWLEDGED,
        /** The host no longer knows this sign-in: sign in again, same address. */
        SIGN_IN_AGAIN,
        /** The host refused a record: no upload until {@link #retry}. */
        REFUSED
    }

    private final ForwardJournal journal;
    private final int batchSize;
    private volatile boolean refused;
    private volatile String refusal = "";

    UploadBatches(ForwardJournal journal, int batchSize) {
        this.journal = journal;
        this.batchSize = batchSize;
    }

    /** An upload ready to go: its 8001 input, and the sequence of its last record. */
    record Upload(ObjectNode input, long lastSeq) {
    }

    /**
     * @param after the sequence the upload follows: the cursor, or the last record of an upload
     *              still awaiting its answer
     * @return the next upload (8001), or empty when no record is after {@code after}
     */
    Optional<Upload> next(long after) {
        List<UploadedRecord> batch = journal.after(after, batchSize);
        if (batch.isEmpty()) {
            return Optional.empty();
        }
        ArrayNode records = Json.object().arrayNode();
        long bytes = 0;
        long last = after;
        for (UploadedRecord r : batch) {
            bytes += r.wireSizeBound();
            if (bytes > MAX_UPLOAD_BYTES && !records.isEmpty()) {
                break;
            }
            records.add(r.toJson());
            last = r.record().seq();
        }
        ObjectNode input = Json.object().put("journal_head", journal.headSeq());
        input.set("records", records);
        return Optional.of(new Upload(input, last));
    }

    /** @return the upload cursor: the highest sequence the host acknowledged */
    long ackedSeq() {
        return journal.ackedSeq();
    }

    /**
     * Moves the cursor to the {@code ack_seq} of {@code r}, the host's answer to an upload.
     *
     * @throws HostUnavailableException when the host could not store the records (nothing was
     *         refused: reconnect and send them again)
     */
    Outcome answered(Response r) throws HostUnavailableException {
        long ack = r.output().path("ack_seq").asLong(-1);
        if (ack > journal.ackedSeq()) {
            journal.acknowledge(ack);
        }
        if (!r.ok() && LinkRefusal.NOT_SIGNED_IN.code().equals(r.code())) {
            // a sign-in of ours that timed out was processed after this one: sign in again, same address
            LOG.debug("host no longer knows this sign-in: {}", r.errMsg());
            return Outcome.SIGN_IN_AGAIN;
        }
        if (!r.ok() && LinkRefusal.STORE_UNAVAILABLE.code().equals(r.code())) {
            // the instance is fine, its database is not: nothing was stored, resend later (same address)
            throw HostUnavailableException.databaseDown("upload refused: " + r.code());
        }
        if (!r.ok() && LinkRefusal.transientCode(r.code())) {
            // the host instance or its database failed, nothing was refused: reconnect (with backoff) and resend
            throw new HostUnavailableException("host could not store the upload: " + r.code() + " " + r.errMsg());
        }
        if (!r.ok()) {
            refusal = r.code();
            refused = true;
            LOG.warn("host refused record {}: {}", r.output().path("rejected_seq").asLong(), r.errMsg());
            return Outcome.REFUSED;
        }
        return Outcome.ACKNOWLEDGED;
    }

    /** @return whether a refused record stops the upload */
    boolean refused() {
        return refused;
    }

    /** @return the code of the last refusal ({@code ""} if none) */
    String refusal() {
        return refusal;
    }

    /** The refusal was dealt with (e.g. the journal repaired): the next batch may go. */
    void retry() {
        refused = false;
    }

    /** @return the input of a heartbeat: where the journal and its cursor stand */
    ObjectNode heartbeatInput() {
        return Json.object().put("journal_head", journal.headSeq()).put("acked_seq", journal.ackedSeq());
    }
}
