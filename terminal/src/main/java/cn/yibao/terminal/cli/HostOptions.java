package cn.yibao.terminal.cli;

import cn.yibao.terminal.counter.SyncStatus;
import cn.yibao.terminal.counter.host.HostAddresses;
import cn.yibao.terminal.counter.host.HostLink;
import cn.yibao.terminal.counter.live.CounterRuntime;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The host link options of the counter's commands: which host, and how long to wait for an upload. */
public final class HostOptions {

    @Option(names = "--host", paramLabel = "HOST:PORT[,HOST:PORT...]",
            description = "The central host, or several in order of preference (default: the one set by terminal "
                    + "enrol --host; none: offline).")
    private String host;

    @Option(names = "--upload-wait", paramLabel = "SECONDS", defaultValue = "10",
            description = "How long to wait for the host to acknowledge the upload (default: ${DEFAULT-VALUE}).")
    private int uploadWait;

    /** Starts the runtime's host link, if a host is configured. */
    public Optional<HostLink> connect(CounterRuntime runtime) {
        if (uploadWait < 0 || uploadWait > 600) {
            throw new BadInputException("--upload-wait must be 0..600 seconds");
        }
        HostAddresses address;
        try {
            address = host == null ? null : HostAddresses.parse(host);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--host: " + e.getMessage(), e);
        }
        return runtime.connectHost(address);
    }

    /**
     * Waits (bounded) until the link is signed in and the host acknowledged every signed record in
     * the journal, then prints
     * "已上传" or "待上传" and the sync status.
     *
     * @return whether everything is uploaded
     */
    public boolean upload(CounterRuntime runtime, Optional<HostLink> link, PrintWriter out) {
        long head = runtime.journal().records().head().nextSeq() - 1;
        long deadline = System.nanoTime() + Duration.ofSeconds(uploadWait).toNanos();
        boolean done = link.map(l -> l.awaitOnline(Duration.ofSeconds(uploadWait))
                && l.awaitAcknowledged(head, Duration.ofNanos(Math.max(0, deadline - System.nanoTime()))))
                .orElse(head == 0);
        SyncStatus s = runtime.counter().syncStatus();
        String why = link.isEmpty() ? "未配置中心，脱机工作 no host configured, working offline"
                : s.hostReachable() ? "中心已连接 host online" + refusal(link.get()) : "中心未连接 host unreachable";
        out.println((done ? "已上传 uploaded" : "待上传 queued") + ": 已确认 acknowledged #" + s.lastAckSeq() + " / 记录 records #"
                + s.lastSeq() + "，待上传 " + s.queued() + " 笔 (" + why + ")"
                + (s.lastAckTime() == null ? "" : "，最近确认 last ack " + s.lastAckTime()));
        if (!done && s.queued() > 0) {
            // nothing resends after this command ends: say what will
            out.println("待上传记录由 terminal sync 或运行中的 terminal serve 上传 (queued records are sent by terminal sync"
                    + " or a running terminal serve)");
        }
        return done;
    }

    private static String refusal(HostLink link) {
        return link.refusal().isEmpty() ? "" : "，中心拒收 refused " + link.refusal();
    }
}
