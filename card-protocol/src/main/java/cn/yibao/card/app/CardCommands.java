package cn.yibao.card.app;

import cn.yibao.card.CardError;
import cn.yibao.card.CardException;
import cn.yibao.card.Money;
import cn.yibao.card.apdu.Bytes;
import cn.yibao.card.apdu.CommandApdu;
import java.time.LocalDateTime;

/** The contactless card's command set (docs/card-application.md §3). */
public final class CardCommands {

    /** INS SELECT. */
    public static final int SELECT = 0xA4;
    /** INS GET CHALLENGE. */
    public static final int GET_CHALLENGE = 0x84;
    /** INS EXTERNAL AUTHENTICATE. */
    public static final int EXTERNAL_AUTHENTICATE = 0x82;
    /** INS VERIFY. */
    public static final int VERIFY = 0x20;
    /** INS CHANGE PIN (CLA 80). */
    public static final int CHANGE_PIN = 0x5E;
    /** INS READ MEDICAL DATA (CLA 80). */
    public static final int READ_MEDICAL = 0xB4;
    /** INS READ RECORD. */
    public static final int READ_RECORD = 0xB2;
    /** INS INITIALIZE FOR PURCHASE / LOAD (CLA 80). */
    public static final int INITIALIZE = 0x50;
    /** INS DEBIT FOR PURCHASE (CLA 80). */
    public static final int DEBIT = 0x54;
    /** INS CREDIT FOR LOAD (CLA 80). */
    public static final int CREDIT = 0x52;
    /** INS GET TRANSACTION PROVE (CLA 80). */
    public static final int GET_PROVE = 0x5A;
    /** INS GET RESPONSE. */
    public static final int GET_RESPONSE = 0xC0;
    /** Key id of RK1DF04 (external authentication for DF04). */
    public static final int KEY_RK1DF04 = 0x84;
    /** Transaction type identifier: EP load. */
    public static final int TTI_LOAD = 0x02;
    /** Transaction type identifier: EP purchase. */
    public static final int TTI_PURCHASE = 0x06;
    /** SFI of the medical log DF04 EF08. */
    public static final int SFI_LOG = 0x08;
    /** Purchase/load key index used by this application. */
    public static final int KEY_INDEX = 0x01;

    private CardCommands() {
    }

    /** @return SELECT of the SSSE environment by name */
    public static CommandApdu selectSsse() {
        return CommandApdu.of(0x00, SELECT, 0x04, 0x00, SelectAnswer.ssseAid(), 256);
    }

    /** @return GET CHALLENGE of 8 bytes */
    public static CommandApdu getChallenge() {
        return CommandApdu.of(0x00, GET_CHALLENGE, 0, 0, null, 8);
    }

    /** @return EXTERNAL AUTHENTICATE with RK1DF04 */
    public static CommandApdu externalAuthenticate(byte[] cryptogram) {
        return CommandApdu.of(0x00, EXTERNAL_AUTHENTICATE, 0x00, KEY_RK1DF04, cryptogram);
    }

    /** @return VERIFY of the application PIN */
    public static CommandApdu verify(String pin) {
        return CommandApdu.of(0x00, VERIFY, 0x00, 0x00, pinBlock(pin));
    }

    /** @return CHANGE PIN: old ‖ FF ‖ new */
    public static CommandApdu changePin(String oldPin, String newPin) {
        return CommandApdu.of(0x80, CHANGE_PIN, 0x01, 0x00,
                Bytes.concat(pinBlock(oldPin), new byte[] {(byte) 0xFF}, pinBlock(newPin)));
    }

    /** @return READ MEDICAL DATA; with accumulators needs the PIN */
    public static CommandApdu readMedical(boolean withAccumulators) {
        return CommandApdu.of(0x80, READ_MEDICAL, 0x00, withAccumulators ? 0x01 : 0x00, null, 256);
    }

    /** @return READ RECORD {@code n} (1 = newest) of the medical log */
    public static CommandApdu readLog(int n) {
        return CommandApdu.of(0x00, READ_RECORD, n, SFI_LOG << 3 | 0x04, null, MedicalLogRecord.LENGTH);
    }

    /** @return INITIALIZE FOR PURCHASE */
    public static CommandApdu initPurchase(Money amount, byte[] terminalId) {
        return CommandApdu.of(0x80, INITIALIZE, 0x01, 0x02,
                Bytes.concat(new byte[] {KEY_INDEX}, Fields.amount(amount), terminalId), 0x0F);
    }

    /** @return DEBIT FOR PURCHASE with the settlement record */
    public static CommandApdu debit(long terminalSeq, LocalDateTime time, byte[] mac1, SettlementRecord record) {
        byte[] ext = record == null ? new byte[0] : record.encode();
        return CommandApdu.of(0x80, DEBIT, 0x01, 0x00,
                Bytes.concat(Bytes.be(terminalSeq, 4), Fields.dateTime(time), mac1, ext), 0x08);
    }

    /** @return INITIALIZE FOR LOAD */
    public static CommandApdu initLoad(Money amount, byte[] terminalId) {
        return CommandApdu.of(0x80, INITIALIZE, 0x00, 0x02,
                Bytes.concat(new byte[] {KEY_INDEX}, Fields.amount(amount), terminalId), 0x10);
    }

    /** @return CREDIT FOR LOAD */
    public static CommandApdu credit(LocalDateTime time, byte[] mac2) {
        return CommandApdu.of(0x80, CREDIT, 0x00, 0x00, Bytes.concat(Fields.dateTime(time), mac2), 0x04);
    }

    /** @return GET TRANSACTION PROVE for the transaction that used counter {@code seq} */
    public static CommandApdu getProve(int tti, int seq) {
        return CommandApdu.of(0x80, GET_PROVE, 0x00, tti, Bytes.be(seq, 2), 0x08);
    }

    /**
     * Encodes a PIN of 4 to 12 digits as BCD right-padded with F.
     *
     * @throws CardException {@link CardError#PIN_FORMAT} otherwise
     */
    public static byte[] pinBlock(String pin) {
        if (pin == null || pin.length() < 4 || pin.length() > 12 || !pin.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw CardException.protocol(CardError.PIN_FORMAT, "PIN rejected before sending");
        }
        return Bytes.bcd(pin, (pin.length() + 1) / 2);
    }
}
