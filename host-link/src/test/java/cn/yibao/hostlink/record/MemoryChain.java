package cn.yibao.hostlink.record;

import java.security.PublicKey;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A host store in memory for verifier tests: accept() applies a record as the host would. */
final class MemoryChain implements ChainView {

    final Map<String, PublicKey> keys = new HashMap<>();
    private final Map<String, Map<Long, byte[]>> hashes = new HashMap<>();
    private final Set<String> msgids = new HashSet<>();
    private final Set<String> cardCounters = new HashSet<>();

    void accept(SignedRecord r) {
        hashes.computeIfAbsent(r.terminalId(), t -> new HashMap<>()).put(r.seq(), r.hash());
        msgids.add(r.msgid());
        r.proof().write().ifPresent(w -> cardCounters.add(r.proof().cardNo() + "#" + w.kind() + "#" + w.counter()));
    }

    @Override
    public Optional<PublicKey> signingKey(String terminal) {
        return Optional.ofNullable(keys.get(terminal));
    }

    @Override
    public long highestSeq(String terminal) {
        return hashes.getOrDefault(terminal, Map.of()).size();
    }

    @Override
    public byte[] hashAt(String terminal, long seq) {
        return hashes.getOrDefault(terminal, Map.of()).get(seq);
    }

    @Override
    public boolean msgidHeld(String msgid) {
        return msgids.contains(msgid);
    }

    @Override
    public boolean cardWriteHeld(String cardNo, ProofKind kind, int counter) {
        return cardCounters.contains(cardNo + "#" + kind + "#" + counter);
    }
}
