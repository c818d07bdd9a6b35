package cn.yibao.card.app;

import cn.yibao.card.CardCode;
import cn.yibao.card.CardError;
import cn.yibao.card.CardException;
import cn.yibao.card.apdu.Bytes;
import cn.yibao.card.apdu.Tlv;
import cn.yibao.card.apdu.TlvList;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The answer to READ MEDICAL DATA: DF04 EF05 insurance data, the purse, the PIN tries left and,
 * when the PIN was verified, the DF04 EF06 accumulators.
 *
 * @param insurance insurance data
 * @param purse the purse
 * @param pinTriesLeft PIN tries left (0 = locked)
 * @param accumulators the accumulators, present only if read with a verified PIN
 */
public record MedicalData(InsuranceInfo insurance, PurseInfo purse, int pinTriesLeft,
        Optional<Accumulators> accumulators) {

    public MedicalData {
        if (insurance == null || purse == null || accumulators == null) {
            throw new IllegalArgumentException("insurance, purse and accumulators (maybe empty) required");
        }
        if (pinTriesLeft < 0 || pinTriesLeft > 15) {
            throw new IllegalArgumentException("PIN tries out of range");
        }
    }

    /** @return the simple-TLV encoding */
    public byte[] encode() {
        InsuranceInfo i = insurance;
        List<Tlv> tlvs = new ArrayList<>(List.of(
                one(Tags.CATEGORY, i.category().cardByte()),
                one(Tags.RESIDENT_GROUP, i.residentGroup().cardByte()),
                one(Tags.RETIRED, i.retired() ? 1 : 0),
                one(Tags.CIVIL_SERVANT, i.civilServant() ? 1 : 0),
                one(Tags.INSURANCE_STATUS, i.status().cardByte()),
                one(Tags.CARD_STATE, i.cardState().cardByte()),
                new Tlv(Tags.REGION, Bytes.bcd(i.region(), 3)),
                one(Tags.HAS_ACCOUNT, i.hasAccount() ? 1 : 0),
                new Tlv(Tags.BALANCE, Fields.amount(purse.balance())),
                new Tlv(Tags.PURSE_OFFLINE, Bytes.be(purse.offlineCounter(), 2)),
                new Tlv(Tags.PURSE_ONLINE, Bytes.be(purse.onlineCounter(), 2)),
                one(Tags.PIN_TRIES, pinTriesLeft)));
        accumulators.ifPresent(a -> tlvs.addAll(List.of(
                new Tlv(Tags.ACC_YEAR, Bytes.bcd(Integer.toString(a.year()), 2)),
                new Tlv(Tags.YTD_BASE, Fields.amount(a.ytdBase())),
                new Tlv(Tags.YTD_OVER, Fields.amount(a.ytdOver())),
                new Tlv(Tags.YTD_OUTPATIENT, Fields.amount(a.ytdOutpatient())))));
        return new TlvList(tlvs).bytes();
    }

    /**
     * Parses the answer.
     *
     * @throws CardException {@link CardError#MALFORMED_RESPONSE} if it is not one
     */
    public static MedicalData parse(byte[] data) {
        TlvList t = TlvList.parse(data);
        try {
            InsuranceInfo insurance = new InsuranceInfo(
                    CardCode.of(InsuranceCategory.class, u8(t, Tags.CATEGORY)),
                    CardCode.of(ResidentGroup.class, u8(t, Tags.RESIDENT_GROUP)),
                    Fields.flag(t.require(Tags.RETIRED, 1)),
                    Fields.flag(t.require(Tags.CIVIL_SERVANT, 1)),
                    CardCode.of(InsuranceStatus.class, u8(t, Tags.INSURANCE_STATUS)),
                    CardCode.of(CardState.class, u8(t, Tags.CARD_STATE)),
                    Bytes.unbcd(t.require(Tags.REGION, 3)),
                    Fields.flag(t.require(Tags.HAS_ACCOUNT, 1)));
            PurseInfo purse = new PurseInfo(Fields.amount(t.require(Tags.BALANCE, 4), 0),
                    (int) Bytes.be(t.require(Tags.PURSE_OFFLINE, 2), 0, 2),
                    (int) Bytes.be(t.require(Tags.PURSE_ONLINE, 2), 0, 2));
            Optional<Accumulators> acc = Optional.empty();
            if (t.find(Tags.ACC_YEAR).isPresent()) {
                acc = Optional.of(new Accumulators(Integer.parseInt(Bytes.unbcd(t.require(Tags.ACC_YEAR, 2))),
                        Fields.amount(t.require(Tags.YTD_BASE, 4), 0), Fields.amount(t.require(Tags.YTD_OVER, 4), 0),
                        Fields.amount(t.require(Tags.YTD_OUTPATIENT, 4), 0)));
            }
            return new MedicalData(insurance, purse, u8(t, Tags.PIN_TRIES), acc);
        } catch (IllegalArgumentException e) {
            throw CardException.protocol(CardError.MALFORMED_RESPONSE, "invalid medical data: " + e.getMessage());
        }
    }

    private static int u8(TlvList t, int tag) {
        return Fields.u8(t.require(tag, 1));
    }

    private static Tlv one(int tag, int value) {
        return new Tlv(tag, new byte[] {(byte) value});
    }
}
