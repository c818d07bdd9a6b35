package cn.yibao.terminal.counter;

import java.time.LocalDateTime;

/**
 * Store-and-forward state of the journal towards the host.
 *
 * @param hostReachable   whether the last contact with the host succeeded
 * @param lastSeq         the newest journal sequence number (0 if none)
 * @param lastAckSeq      the highest contiguous sequence the host acknowledged (0 if none)
 * @param lastAckTime     when that acknowledgement came, or null
 * @param queued          records written but not yet acknowledged
 */
public record SyncStatus(boolean hostReachable, long lastSeq, long lastAckSeq, LocalDateTime lastAckTime,
        long queued) {

    public SyncStatus {
        if (lastSeq < 0 || lastAckSeq < 0 || lastAckSeq > lastSeq || queued < 0) {
            throw new IllegalArgumentException("inconsistent sync status");
        }
    }
}
