package cn.yibao.hostlink.record.stub;

import cn.yibao.hostlink.record.SignedRecord;
import cn.yibao.hostlink.record.TacVerifier;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * Stand-in for the issuer's TAC check until the card module's purse crypto is merged: the TAC is
 * the first 4 bytes of HMAC-SM3 under one issuer key over card number, counter, debit, terminal
 * and time. {@link #compute} is what a simulated card does.
 */
public final class KeyedTacVerifier implements TacVerifier {

    private final byte[] issuerKey;

    public KeyedTacVerifier(byte[] issuerKey) {
        this.issuerKey = Objects.requireNonNull(issuerKey).clone();
    }

    /** The TAC a card holding {@code issuerKey} computes for this debit. */
    public static byte[] compute(byte[] issuerKey, String cardNo, int counter, long debitFen, String terminalId,
                                 long timeMillis) {
        HMac mac = new HMac(new SM3Digest());
        mac.init(new KeyParameter(issuerKey));
        byte[] card = cardNo.getBytes(StandardCharsets.US_ASCII);
        byte[] term = terminalId.getBytes(StandardCharsets.US_ASCII);
        ByteBuffer b = ByteBuffer.allocate(card.length + term.length + 4 + 8 + 8 + 2);
        b.put((byte) card.length).put(card).putInt(counter).putLong(debitFen).put((byte) term.length).put(term)
                .putLong(timeMillis);
        mac.update(b.array(), 0, b.position());
        byte[] out = new byte[mac.getMacSize()];
        mac.doFinal(out, 0);
        return java.util.Arrays.copyOf(out, 4);
    }

    @Override
    public boolean verify(SignedRecord r) {
        byte[] expected = compute(issuerKey, r.proof().cardNo(), r.proof().counter(), r.proof().debitFen(),
                r.terminalId(), r.time().toEpochMilli());
        return MessageDigest.isEqual(expected, r.proof().tac());
    }
}
