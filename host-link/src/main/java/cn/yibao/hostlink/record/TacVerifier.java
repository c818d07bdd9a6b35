package cn.yibao.hostlink.record;

/** Verifies a card's TAC (the simulated issuer holds the master keys). */
@FunctionalInterface
public interface TacVerifier {

    /** @return true when {@code record}'s card proof carries a TAC the card really computed (false without one) */
    boolean verify(SignedRecord record);
}
