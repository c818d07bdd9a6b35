package cn.yibao.card.app;

import cn.yibao.card.CardError;
import cn.yibao.card.CardException;
import cn.yibao.card.apdu.Bytes;
import cn.yibao.card.apdu.Hex;
import cn.yibao.card.apdu.Tlv;
import cn.yibao.card.apdu.TlvList;
import cn.yibao.card.crypto.Algorithm;
import java.util.Arrays;

/**
 * The answer to SELECT of the SSSE environment: identity, holder, a fresh challenge for the next
 * EXTERNAL AUTHENTICATE and the purse counters, so that one contactless command gives the
 * terminal everything it needs to start.
 *
 * @param identity the card identity
 * @param holder the holder
 * @param challenge 8 random bytes, valid for the next command only
 * @param offlineCounter the purse offline (purchase) counter
 * @param onlineCounter the purse online (load) counter
 */
public record SelectAnswer(CardIdentity identity, Holder holder, byte[] challenge, int offlineCounter,
        int onlineCounter) {

    /** The SSSE environment's AID, "sx1.sh.社会保障" in GBK. */
    public static final String SSSE_AID_HEX = "7378312E73682EC9E7BBE1B1A3D5CF";

    public SelectAnswer {
        if (identity == null || holder == null) {
            throw new IllegalArgumentException("identity and holder required");
        }
        if (challenge == null || challenge.length != 8) {
            throw new IllegalArgumentException("challenge must be 8 bytes");
        }
        challenge = challenge.clone();
        if (offlineCounter < 0 || offlineCounter > 0xFFFF || onlineCounter < 0 || onlineCounter > 0xFFFF) {
            throw new IllegalArgumentException("counter out of range");
        }
    }

    @Override
    public byte[] challenge() {
        return challenge.clone();
    }

    /** @return the SSSE AID bytes */
    public static byte[] ssseAid() {
        return Hex.parse(SSSE_AID_HEX);
    }

    /** @return the FCI: {@code 6F { 84 AID, A5 { … } }} */
    public byte[] encode() {
        CardIdentity id = identity;
        TlvList proprietary = TlvList.of(
                new Tlv(Tags.CARD_ID_CODE, Hex.parse(id.cardIdCode())),
                new Tlv(Tags.CARD_TYPE, Fields.an(String.valueOf(id.cardType()), 1)),
                new Tlv(Tags.SPEC_VERSION, Fields.an(id.specVersion(), 4)),
                new Tlv(Tags.ISSUE_DATE, Fields.date(id.issueDate())),
                new Tlv(Tags.EXPIRY_DATE, Fields.date(id.expiryDate())),
                new Tlv(Tags.CARD_NUMBER, Fields.an(id.cardNumber(), 9)),
                new Tlv(Tags.SSN, Fields.an(holder.ssn(), 18)),
                new Tlv(Tags.NAME, Fields.gbk(holder.name())),
                new Tlv(Tags.GENDER, Fields.an(String.valueOf(holder.gender()), 1)),
                new Tlv(Tags.APP_SERIAL, id.appSerial()),
                new Tlv(Tags.ALGORITHM, new byte[] {(byte) id.algorithm().id()}),
                new Tlv(Tags.KEY_VERSION, new byte[] {(byte) id.keyVersion()}),
                new Tlv(Tags.CHALLENGE, challenge),
                new Tlv(Tags.OFFLINE_COUNTER, Bytes.be(offlineCounter, 2)),
                new Tlv(Tags.ONLINE_COUNTER, Bytes.be(onlineCounter, 2)));
        TlvList fci = TlvList.of(new Tlv(Tags.DF_NAME, ssseAid()), new Tlv(Tags.PROPRIETARY, proprietary.bytes()));
        return new Tlv(Tags.FCI, fci.bytes()).bytes();
    }

    /**
     * Parses the FCI.
     *
     * @throws CardException {@link CardError#MALFORMED_RESPONSE} if it is not one
     */
    public static SelectAnswer parse(byte[] data) {
        TlvList outer = TlvList.parse(data);
        TlvList fci = TlvList.parse(outer.require(Tags.FCI));
        if (!Arrays.equals(fci.require(Tags.DF_NAME), ssseAid())) {
            throw CardException.protocol(CardError.MALFORMED_RESPONSE, "FCI names another DF");
        }
        TlvList p = TlvList.parse(fci.require(Tags.PROPRIETARY));
        try {
            String type = Fields.an(p.require(Tags.CARD_TYPE, 1));
            String gender = Fields.an(p.require(Tags.GENDER, 1));
            byte[] name = p.require(Tags.NAME);
            if (name.length > 30 || type.isEmpty() || gender.isEmpty()) {
                throw CardException.protocol(CardError.MALFORMED_RESPONSE, "bad name, type or gender");
            }
            CardIdentity identity = new CardIdentity(Hex.of(p.require(Tags.CARD_ID_CODE, 16)), type.charAt(0),
                    Fields.an(p.require(Tags.SPEC_VERSION, 4)), Fields.date(p.require(Tags.ISSUE_DATE, 4)),
                    Fields.date(p.require(Tags.EXPIRY_DATE, 4)), Fields.an(p.require(Tags.CARD_NUMBER, 9)),
                    p.require(Tags.APP_SERIAL, 8), Algorithm.ofId(Fields.u8(p.require(Tags.ALGORITHM, 1))),
                    Fields.u8(p.require(Tags.KEY_VERSION, 1)));
            Holder holder = new Holder(Fields.an(p.require(Tags.SSN, 18)), Fields.gbk(name), gender.charAt(0));
            int offline = (int) Bytes.be(p.require(Tags.OFFLINE_COUNTER, 2), 0, 2);
            int online = (int) Bytes.be(p.require(Tags.ONLINE_COUNTER, 2), 0, 2);
            return new SelectAnswer(identity, holder, p.require(Tags.CHALLENGE, 8), offline, online);
        } catch (IllegalArgumentException e) {
            throw CardException.protocol(CardError.MALFORMED_RESPONSE, "invalid FCI field: " + e.getMessage());
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SelectAnswer s && s.identity.equals(identity) && s.holder.equals(holder)
                && Arrays.equals(s.challenge, challenge) && s.offlineCounter == offlineCounter
                && s.onlineCounter == onlineCounter;
    }

    @Override
    public int hashCode() {
        return identity.hashCode() * 31 + offlineCounter;
    }

    @Override
    public String toString() {
        return "SelectAnswer[" + identity + ", " + holder + ", counters " + offlineCounter + "/" + onlineCounter + "]";
    }
}
