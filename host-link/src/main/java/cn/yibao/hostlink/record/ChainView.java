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
}
