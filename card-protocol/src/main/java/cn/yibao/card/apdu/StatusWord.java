package cn.yibao.card.apdu;

import cn.yibao.card.CardException;

/**
 * Status words as data, and the one choke point that turns a non-9000 status word into a typed
 * {@link CardException}. The mapping itself is {@link cn.yibao.card.CardError#forStatusWord(int)}.
 */
public final class StatusWord {

    /** 9000: success. */
    public static final int OK = 0x9000;
    /** 6300: authentication failed. */
    public static final int AUTH_FAILED = 0x6300;
    /** 63C0: base of "wrong PIN, x tries left". */
    public static final int PIN_WRONG_BASE = 0x63C0;
    /** 6581: memory failure. */
    public static final int MEMORY_FAILURE = 0x6581;
    /** 6700: wrong length. */
    public static final int WRONG_LENGTH = 0x6700;
    /** 6901: command not allowed in this state. */
    public static final int STATE_INVALID = 0x6901;
    /** 6982: security status not satisfied. */
    public static final int SECURITY_NOT_SATISFIED = 0x6982;
    /** 6983: authentication method blocked. */
    public static final int BLOCKED = 0x6983;
    /** 6984: reference data invalid. */
    public static final int REFERENCE_DATA_INVALID = 0x6984;
    /** 6985: conditions of use not satisfied. */
    public static final int CONDITIONS_NOT_SATISFIED = 0x6985;
    /** 6A80: wrong data. */
    public static final int WRONG_DATA = 0x6A80;
    /** 6A82: file not found. */
    public static final int FILE_NOT_FOUND = 0x6A82;
    /** 6A83: record not found. */
    public static final int RECORD_NOT_FOUND = 0x6A83;
    /** 6A86: wrong P1/P2. */
    public static final int WRONG_P1P2 = 0x6A86;
    /** 6D00: instruction not supported. */
    public static final int INS_NOT_SUPPORTED = 0x6D00;
    /** 6E00: class not supported. */
    public static final int CLA_NOT_SUPPORTED = 0x6E00;
    /** 6F00: internal error. */
    public static final int INTERNAL_ERROR = 0x6F00;
    /** 9302: MAC invalid. */
    public static final int MAC_INVALID = 0x9302;
    /** 9303: application locked. */
    public static final int APPLICATION_LOCKED = 0x9303;
    /** 9401: insufficient balance. */
    public static final int INSUFFICIENT_BALANCE = 0x9401;
    /** 9403: key index not supported. */
    public static final int KEY_INDEX_UNSUPPORTED = 0x9403;
    /** 9406: MAC/TAC not available. */
    public static final int PROOF_NOT_AVAILABLE = 0x9406;

    private StatusWord() {
    }

    /**
     * The choke point: returns the response if its status word is 9000, otherwise throws the typed
     * exception for it.
     *
     * @param response the response
     * @param command a short command name for the message, e.g. {@code "INIT FOR PURCHASE"}
     * @return {@code response}
     * @throws CardException for any status word other than 9000
     */
    public static ResponseApdu require(ResponseApdu response, String command) {
        if (response.sw() != OK) {
            throw CardException.forStatusWord(response.sw(), command);
        }
        return response;
    }

    /** @return 63Cx with {@code triesLeft} (0..15) */
    public static int pinWrong(int triesLeft) {
        return PIN_WRONG_BASE | Math.max(0, Math.min(15, triesLeft));
    }
}
