package cn.yibao.simulator.host;

import cn.yibao.hostlink.msg.CanonicalJson;
import cn.yibao.hostlink.msg.MalformedMessageException;
import cn.yibao.hostlink.record.CardProof;
import cn.yibao.hostlink.record.ProofKind;
import cn.yibao.hostlink.record.RecordResult;
import cn.yibao.hostlink.record.SignedRecord;
import cn.yibao.hostlink.record.SplitRecomputer;
import cn.yibao.terminal.policy.PolicyPack;
import cn.yibao.terminal.policy.PolicyPacks;
import cn.yibao.terminal.settlement.RequestJson;
import cn.yibao.terminal.settlement.ResultJson;
import cn.yibao.terminal.settlement.SettlementEngine;
import cn.yibao.terminal.settlement.SettlementResult;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The host's split re-computation: runs the terminal's own {@link SettlementEngine} on the record's
 * items (the canonical settlement request) with the policy pack the record names, and compares
 * the record's {@code result} text with the canonical serialisation of the same result carrying
 * the engine's figures (as records carry them: {@link RecordResult#signedPart}), character for
 * character — the record's result must be exactly what the terminal writes. The card proof must
 * agree with it: a purchase debits exactly {@code acct_pay}; without a card proof the account
 * pays nothing.
 */
public final class EngineSplitRecomputer implements SplitRecomputer {

    private final Map<String, PolicyPack> packs;

    /** @param packs the policy packs the host knows, by {@code region-version} */
    public EngineSplitRecomputer(Map<String, PolicyPack> packs) {
        this.packs = Map.copyOf(packs);
    }

    /** @return a recomputer knowing the packs bundled with the terminal ({@link PolicyPacks#changchun2010}) */
    public static EngineSplitRecomputer bundled() {
        PolicyPack cc = PolicyPacks.changchun2010();
        return new EngineSplitRecomputer(Map.of(cc.policyVersion(), cc));
    }

    @Override
    public boolean knowsPolicy(String policyVersion) {
        return packs.containsKey(policyVersion);
    }

    @Override
    public boolean reproduces(SignedRecord record, String items) {
        try {
            return reproduces(record, items, RecordResult.parse(record.result()));
        } catch (MalformedMessageException e) {
            return false;
        }
    }

    @Override
    public boolean reproduces(SignedRecord record, String items, RecordResult result) {
        PolicyPack pack = packs.get(record.policyVersion());
        if (pack == null) {
            return false;
        }
        try {
            return switch (result.kind()) {
                case SETTLE -> settles(record, pack, items, result);
                // no split to re-compute: a cancellation refunds by a load, an admission moves no money
                case CANCEL -> record.proof().kind() == ProofKind.LOAD || (record.proof().kind() == ProofKind.NONE
                        && result.setlinfo("acct_pay").isZero());
                case ADMIT -> record.proof().kind() == ProofKind.PURCHASE && record.proof().purseDebitFen() == 0;
            };
        } catch (RuntimeException e) {
            // not a request, a refusal by the engine: nothing re-computes
            return false;
        }
    }

    /**
     * Runs the engine on the items and compares, in one canonical serialisation, the record's
     * result as the terminal would have written it with the engine's figures against the text
     * the record carries (and signs): any difference in a figure, a field or the form fails.
     */
    private static boolean settles(SignedRecord record, PolicyPack pack, String items, RecordResult theirs) {
        SettlementResult ours = SettlementEngine.settle(RequestJson.read(items.getBytes(StandardCharsets.UTF_8)), pack);
        RecordResult expected = new RecordResult(theirs.kind(), theirs.setlId(), theirs.mdtrtId(), theirs.psnNo(),
                theirs.medType(), RecordResult.signedPart(ResultJson.toJson(ours)), theirs.opter(), theirs.opterName());
        return CanonicalJson.text(expected.toJson()).equals(record.result())
                && cardAgrees(record.proof(), ours.setlinfo().acctPay().fen());
    }

    private static boolean cardAgrees(CardProof proof, long acctFen) {
        return proof.kind() == ProofKind.PURCHASE ? proof.purseDebitFen() == acctFen
                : proof.kind() == ProofKind.NONE && acctFen == 0;
    }
}
