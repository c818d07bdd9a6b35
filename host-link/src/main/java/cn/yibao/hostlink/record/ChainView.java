package cn.yibao.hostlink.record;

import java.security.PublicKey;
import java.util.Optional;

/** What the verifier needs to know of the host's store. */
public interface ChainView {

    /** @return the enrolled SM2 signing key of {@code terminal} */
    Optional<PublicKey> signingKey(String terminal);

    /** @return the highest contiguous sequence number held for {@code terminal} (0 if none) */
    long highestSeq(String terminal);

    /** @return the hash of the record held at {@code seq} (null if none) */
    byte[] hashAt(String terminal, long seq);

    /** @return true if a record with {@code msgid} is held (any terminal, any sequence) */
    boolean msgidHeld(String msgid);

    /** @return true if a record with this card transaction (card, TTI, counter) is held */
    boolean cardWriteHeld(String cardNo, ProofKind kind, int counter);

    /**
     * @return this view with {@code terminal}'s signing key fixed to {@code key} (read once for a
     *         whole batch of records, which are then authenticated without asking the store again)
     */
    default ChainView withSigningKey(String terminal, PublicKey key) {
        ChainView store = this;
        return new ChainView() {
            @Override
            public Optional<PublicKey> signingKey(String t) {
                return t.equals(terminal) ? Optional.of(key) : store.signingKey(t);
            }

            @Override
            public long highestSeq(String t) {
                return store.highestSeq(t);
            }

            @Override
            public byte[] hashAt(String t, long seq) {
                return store.hashAt(t, seq);
            }

            @Override
            public boolean msgidHeld(String msgid) {
                return store.msgidHeld(msgid);
            }

            @Override
            public boolean cardWriteHeld(String cardNo, ProofKind kind, int counter) {
                return store.cardWriteHeld(cardNo, kind, counter);
            }
        };
    }
}
