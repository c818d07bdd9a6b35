package cn.yibao.simulator.host;

import cn.yibao.card.Money;
import cn.yibao.hostlink.msg.Infno;
import cn.yibao.hostlink.msg.Json;
import cn.yibao.hostlink.msg.LinkRefusal;
import cn.yibao.hostlink.msg.Request;
import cn.yibao.hostlink.msg.Response;
import cn.yibao.hostlink.net.Peer;
import cn.yibao.hostlink.net.RequestHandler;
import cn.yibao.hostlink.record.RecordVerifier;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The host simulator's application: checks that the terminal is enrolled and signed in, then
 * answers each transaction. Settlement transactions go to {@link SettlementDesk}, reconciliation
 * to {@link Reconciliation}; sign-in, heartbeat, downloads and the person query are here.
 */
public final class HostService implements RequestHandler, AutoCloseable {

    private final HostStore store;
    private final Ingest ingest;
    private final SettlementDesk desk;
    private final Reconciliation recon;
    private final LiveTerminals live = new LiveTerminals();
    private final Uploads uploads;
    private final Downloads downloads;
    private final Map<String, String> signNos = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();

    public HostService(HostStore store, RecordVerifier verifier) {
        this.store = store;
        this.ingest = new Ingest(store, verifier);
        this.desk = new SettlementDesk(store);
        this.recon = new Reconciliation(store);
        this.uploads = new Uploads(store, ingest, live);
        this.downloads = new Downloads(store);
    }

    /** Live uploads are verified here, then committed with others ({@link GroupCommit}); the rest as {@link #handle}. */
    @Override
    public CompletableFuture<Response> handleAsync(Peer peer, Request req) {
        if (!Infno.UPLOAD.code().equals(req.infno())) {
            return CompletableFuture.completedFuture(handle(peer, req));
        }
        long t0 = System.nanoTime();
        return uploads.upload(peer, req, signNos.get(peer.terminalId())).whenComplete((r, failed) -> {
            if (r != null) {
                HostMetrics.answered(req, r, System.nanoTime() - t0);
            }
        });
    }

    /** @return the group commit's {uploads submitted, not answered yet, groups} ({@link GroupCommit#counts}) */
    long[] groupCounts() {
        return uploads.group().counts();
    }

    @Override
    public void connected(Peer peer) {
        live.connected(peer);
    }

    @Override
    public void disconnected(Peer peer) {
        live.disconnected(peer);
    }

    /** Uploads as many as the connection's sign-in agreed may be in flight; everything else one at a time. */
    @Override
    public int window(Peer peer, Request req) {
        return Infno.UPLOAD.code().equals(req.infno()) ? live.inFlight(peer) : 1;
    }

    /** Sets how long a group of live uploads waits for more ({@link GroupCommit#window}; for tests). */
    void groupWindow(Duration d) {
        uploads.group().window(d);
    }

    /** Stops grouping uploads (what is waiting is applied alone). */
    @Override
    public void close() {
        uploads.group().close();
    }

    @Override
    public Response handle(Peer peer, Request req) {
        long t0 = System.nanoTime();
        Response r = handleTimed(peer, req);
        HostMetrics.answered(req, r, System.nanoTime() - t0);
        return r;
    }

    private Response handleTimed(Peer peer, Request req) {
        try {
            return answer(peer, req);
        } catch (HostStore.StoreException e) {
            return Uploads.storeFailure(store, peer.terminalId(), req, e);
        }
    }

    private Response answer(Peer peer, Request req) {
        Optional<Infno> kind = req.kind();
        if (kind.isEmpty()) {
            return Response.refused(req, LinkRefusal.UNKNOWN_INFNO, Json.object());
        }
        String terminal = peer.terminalId();
        // for an upload, only what its records are verified with outside the lock; Ingest checks it again inside
        Optional<SigningKeys.Enrolled> enrolled = store.enrolment(terminal);
        if (enrolled.isEmpty()) {
            return Response.refused(req, LinkRefusal.TERMINAL_UNKNOWN, Json.object());
        }
        if (kind.get() != Infno.SIGN_IN && !req.signNo().equals(signNos.get(terminal))) {
            return Response.refused(req, LinkRefusal.NOT_SIGNED_IN, Json.object());
        }
        return switch (kind.get()) {
            case SIGN_IN -> signIn(peer, req);
            case SIGN_OUT -> {
                signNos.remove(terminal, req.signNo());
                yield Response.ok(req, Json.object().put("sign_time", now()));
            }
            case HEARTBEAT -> {
                store.seen(terminal, req.input().path("journal_head").asLong(0));
                yield Response.ok(req, Json.object().put("time", now()));
            }
            case POLICY_PACK -> downloads.policyPack(req);
            case CARD_LIST -> downloads.cardList(req);
            case CARD_REPORT -> CardReports.record(store, terminal, req);
            case PERSON_QUERY -> person(req);
            case UPLOAD -> ingest.upload(peer, req, enrolled.get());
            case CANCEL -> desk.cancel(peer, req);
            case REVERSAL -> desk.reverse(peer, req);
            case RECON_TOTALS -> recon.totals(peer, req);
            case RECON_DETAIL -> recon.detail(peer, req);
            case STOCK_TAKE -> Inventory.take(store, terminal, req);
            case STOCK_CHANGE -> Inventory.change(store, terminal, req);
        };
    }

    private Response signIn(Peer peer, Request req) {
        String terminal = peer.terminalId();
        byte[] b = new byte[10];
        random.nextBytes(b);
        String signNo = HexFormat.of().formatHex(b);
        signNos.put(terminal, signNo);
        long journalHead = req.input().path("journal_head").asLong(0);
        int inFlight = live.signedIn(peer, req.input().path("uploads_in_flight").asInt(1));
        return store.inTransaction(c -> {
            if (journalHead > 0) {
                Terminals.seen(c, terminal, journalHead); // the backlog host status shows
            }
            return Response.ok(req, Json.object().put("sign_no", signNo).put("sign_time", now())
                    .put("uploads_in_flight", inFlight)
                    .put("policy_version", Registry.latestPack(c))
                    .put("card_list_version", Registry.cardListVersion(c)));
        });
    }

    private Response person(Request req) {
        String cardNo = req.input().path("mdtrt_cert_no").asText("");
        return store.inTransaction(c -> {
            long[] acct = Ledger.of(c, cardNo);
            String psnNo;
            String name;
            try (var rs = Sql.query(c, "SELECT psn_no, psn_name FROM account WHERE card_no=?", cardNo)) {
                if (acct == null || !rs.next()) {
                    return Response.refused(req, LinkRefusal.PERSON_NOT_FOUND, Json.object());
                }
                psnNo = rs.getString(1);
                name = rs.getString(2);
            }
            ObjectNode out = Json.object();
            out.set("baseinfo", Json.object().put("psn_no", psnNo).put("psn_name", name).put("psn_cert_type", "01"));
            out.set("insuinfo", Json.object().arrayNode().add(Json.object().put("balc", Money.ofFen(acct[0]).toYuanString())
                    .put("insutype", "310").put("psn_type", "11")));
            out.put("card_status", Registry.statusOf(c, cardNo));
            out.set("cumulative", Json.object().put("medfee_sumamt", Money.ofFen(acct[1]).toYuanString())
                    .put("fund_pay_sumamt", Money.ofFen(acct[2]).toYuanString())
                    .put("acct_pay", Money.ofFen(acct[3]).toYuanString()));
            return Response.ok(req, out);
        });
    }

    /** Adds an insured person with a personal account (simulator set-up). */
    public void addPerson(String cardNo, String psnNo, String name, long balanceFen) {
        store.inTransaction(c -> {
            Ledger.ensure(c, cardNo, psnNo, name, balanceFen);
            return null;
        });
    }

    /** Reports a card LOST, BLACKLISTED or CLEARED; returns the new card-list version. */
    public long reportCard(String cardNo, String status, Instant at) {
        return store.inTransaction(c -> {
            store.lockCardList(c);
            return Registry.report(c, cardNo, status, at.toEpochMilli());
        });
    }

    /**
     * Reports many cards with one status in one transaction (a whole city's list, e.g. for a
     * benchmark); returns the new card-list version.
     */
    public long reportCards(Collection<String> cardNos, String status, Instant at) {
        return store.inTransaction(c -> {
            store.lockCardList(c);
            for (String cardNo : cardNos) {
                Registry.add(c, cardNo, status, at.toEpochMilli());
            }
            return Registry.cardListVersion(c);
        });
    }

    /** @return what terminals reported about a listed card presented at their counters (9121), oldest first */
    public List<SightingReport> cardSightings(String cardNo) {
        return store.inTransaction(c -> CardReports.of(c, cardNo));
    }

    /**
     * A listed card presented at a counter, as the host recorded it.
     *
     * @param status         LOST or BLACKLISTED, as the terminal saw it
     * @param source         CARD (the card's own state) or LIST (the terminal's copy of the host's list)
     * @param hostStatus     the card's status on the host's list when the report arrived ("" if none)
     * @param hostReportedAt when the host had listed it, or null
     */
    public record SightingReport(String terminal, String status, String source, Instant seenAt, String hostStatus,
                               Instant hostReportedAt) {
    }

    /** Publishes a policy pack (opaque signed bytes). */
    public void publishPack(String version, byte[] bytes) {
        store.inTransaction(c -> {
            Registry.publishPack(c, version, bytes.clone());
            return null;
        });
    }

    /** @return {balance, ytd_medfee, ytd_fund, ytd_acct} of a card's account, or null */
    public long[] account(String cardNo) {
        return store.inTransaction(c -> Ledger.of(c, cardNo));
    }

    private static String now() {
        return LocalDateTime.now(Request.ZONE).format(Request.TIME);
    }
}
