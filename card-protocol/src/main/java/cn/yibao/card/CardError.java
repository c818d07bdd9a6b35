package cn.yibao.card;

/**
 * Every error the card, the PSAM or the protocol layer can produce, with a stable code, a Chinese
 * message for the counter and an English one for logs. Status words are mapped here by
 * {@link #forStatusWord(int)}; the one place that turns a status word into an exception is
 * {@link cn.yibao.card.apdu.StatusWord#require}.
 */
public enum CardError implements Refusal {

    // ---- status words -------------------------------------------------------------------------
    /** 6700 or 6Cxx. */
    WRONG_LENGTH("CARD_WRONG_LENGTH", "卡片指令长度错误", "wrong length"),
    /** 6300: external authentication failed. */
    AUTHENTICATION_FAILED("CARD_AUTH_FAILED", "卡片认证失败，请确认卡片与PSAM匹配", "external authentication failed"),
    /** 63Cx: the PIN is wrong, x tries left. */
    PIN_WRONG("PIN_WRONG", "密码错误，还可尝试%d次", "wrong PIN, %d tries left"),
    /** 6581. */
    MEMORY_FAILURE("CARD_MEMORY_FAILURE", "卡片存储器故障，请联系经办机构", "card memory failure"),
    /** 6901: command out of sequence (purse state machine). */
    STATE_INVALID("CARD_STATE_INVALID", "卡片交易状态错误，请重新刷卡", "command not allowed in the card's current state"),
    /** 6982. */
    SECURITY_NOT_SATISFIED("CARD_SECURITY_NOT_SATISFIED", "卡片安全状态不满足（需认证或密码）",
            "security status not satisfied"),
    /** 6983: the PIN (or a key) is blocked. */
    BLOCKED("PIN_LOCKED", "密码已锁定，请到医保经办机构解锁", "PIN or key blocked"),
    /** 6984: no challenge or reference data invalid. */
    REFERENCE_DATA_INVALID("CARD_REFERENCE_DATA_INVALID", "卡片认证数据无效，请重新刷卡",
            "reference data invalid (no challenge)"),
    /** 6985. */
    CONDITIONS_NOT_SATISFIED("CARD_CONDITIONS_NOT_SATISFIED", "卡片使用条件不满足", "conditions of use not satisfied"),
    /** 6986. */
    COMMAND_NOT_ALLOWED("CARD_COMMAND_NOT_ALLOWED", "卡片不允许此操作", "command not allowed"),
    /** 6987 or 6988. */
    SECURE_MESSAGING("CARD_SECURE_MESSAGING", "卡片安全报文错误", "secure messaging object missing or wrong"),
    /** 6A80. */
    WRONG_DATA("CARD_WRONG_DATA", "卡片指令数据错误", "wrong data in command"),
    /** 6A81. */
    FUNCTION_NOT_SUPPORTED("CARD_FUNCTION_NOT_SUPPORTED", "卡片不支持此功能", "function not supported"),
    /** 6A82. */
    FILE_NOT_FOUND("CARD_FILE_NOT_FOUND", "卡片无医保应用，请确认是社会保障卡", "file or application not found"),
    /** 6A83. */
    RECORD_NOT_FOUND("CARD_RECORD_NOT_FOUND", "卡片记录不存在", "record not found"),
    /** 6A86 or 6B00. */
    WRONG_P1P2("CARD_WRONG_P1P2", "卡片指令参数错误", "wrong P1/P2"),
    /** 6A88. */
    DATA_NOT_FOUND("CARD_DATA_NOT_FOUND", "卡片引用数据不存在", "referenced data not found"),
    /** 6D00. */
    INS_NOT_SUPPORTED("CARD_INS_NOT_SUPPORTED", "卡片不支持此指令", "instruction not supported"),
    /** 6E00. */
    CLA_NOT_SUPPORTED("CARD_CLA_NOT_SUPPORTED", "卡片不支持此指令类别", "class not supported"),
    /** 6F00. */
    CARD_INTERNAL_ERROR("CARD_INTERNAL_ERROR", "卡片内部错误", "card internal error"),
    /** 9302 (card or PSAM): a MAC did not verify. */
    MAC_INVALID("CARD_MAC_INVALID", "交易校验码错误，交易未完成", "MAC invalid"),
    /** 9303. */
    APPLICATION_LOCKED("CARD_APPLICATION_LOCKED", "卡片应用已锁定，请到经办机构处理", "application locked"),
    /** 9401 (9301 on CAPP cards). */
    INSUFFICIENT_BALANCE("CARD_INSUFFICIENT_BALANCE", "个人账户余额不足", "insufficient balance"),
    /** 9403. */
    KEY_INDEX_UNSUPPORTED("CARD_KEY_INDEX_UNSUPPORTED", "密钥索引不支持，请确认PSAM与卡片匹配", "key index not supported"),
    /** 9406: no MAC/TAC for the transaction asked for. */
    PROOF_NOT_AVAILABLE("CARD_PROOF_NOT_AVAILABLE", "卡片无该笔交易凭证", "MAC/TAC not available"),
    /** Any other status word. */
    UNEXPECTED_STATUS("CARD_UNEXPECTED_STATUS", "卡片返回未知状态%04X", "unexpected status word %04X"),

    // ---- protocol ----------------------------------------------------------------------------
    /** The response is too short, or its data does not have the documented layout. */
    MALFORMED_RESPONSE("CARD_MALFORMED_RESPONSE", "卡片应答格式错误", "malformed response"),
    /** The response (or the chained responses) exceed the bound. */
    RESPONSE_TOO_LONG("CARD_RESPONSE_TOO_LONG", "卡片应答过长", "response too long"),
    /** 61xx or 6Cxx kept coming. */
    GET_RESPONSE_LOOP("CARD_GET_RESPONSE_LOOP", "卡片应答无法结束", "endless GET RESPONSE chain"),

    // ---- session -----------------------------------------------------------------------------
    /** The card left the field (or the reader failed) in the middle of an exchange. */
    CARD_REMOVED("CARD_REMOVED", "社保卡已离开读卡区，请重新放卡", "the card left the reader or the link failed"),
    /** The PSAM (contact slot) did not answer: removed, or the reader failed. */
    PSAM_UNAVAILABLE("CARD_PSAM_UNAVAILABLE", "PSAM卡无响应，请检查读卡器", "PSAM not reachable"),
    /** A different card was presented for a recovery. */
    WRONG_CARD("CARD_WRONG_CARD", "不是同一张卡，请放回原卡", "a different card was presented"),
    /** The card cannot prove whether a torn debit happened. */
    RECOVERY_UNPROVABLE("CARD_RECOVERY_UNPROVABLE", "无法确认该笔扣款结果，请联系中心对账",
            "cannot prove whether the torn debit happened"),
    /** The PIN entered is not 4 to 12 digits. */
    PIN_FORMAT("CARD_PIN_FORMAT", "密码应为4至12位数字", "PIN must be 4 to 12 digits"),
    /** An amount does not fit the card's 4-byte field. */
    AMOUNT_OUT_OF_RANGE("CARD_AMOUNT_OUT_OF_RANGE", "金额超出卡片允许范围", "amount out of range for the card"),
    /** The card announced an algorithm this terminal does not implement. */
    ALGORITHM_UNSUPPORTED("CARD_ALGORITHM_UNSUPPORTED", "卡片算法不支持", "card algorithm not supported");

    private final String code;
    private final String messageZh;
    private final String message;

    CardError(String code, String messageZh, String message) {
        this.code = code;
        this.messageZh = messageZh;
        this.message = message;
    }

    @Override
    public String code() {
        return code;
    }

    /** @return the Chinese message; templates with {@code %d}/{@code %04X} are filled by {@link CardException} */
    @Override
    public String messageZh() {
        return messageZh;
    }

    @Override
    public String message() {
        return message;
    }

    /**
     * Maps a status word other than 9000 to its error.
     *
     * @param sw the status word
     * @return the error; {@link #UNEXPECTED_STATUS} for anything not listed
     */
    public static CardError forStatusWord(int sw) {
        int sw1 = sw >>> 8;
        if (sw1 == 0x6C) {
            return WRONG_LENGTH;
        }
        if ((sw & 0xFFF0) == 0x63C0) {
            return PIN_WRONG;
        }
        return switch (sw) {
            case 0x6700 -> WRONG_LENGTH;
            case 0x6300 -> AUTHENTICATION_FAILED;
            case 0x6581 -> MEMORY_FAILURE;
            case 0x6901 -> STATE_INVALID;
            case 0x6982 -> SECURITY_NOT_SATISFIED;
            case 0x6983 -> BLOCKED;
            case 0x6984 -> REFERENCE_DATA_INVALID;
            case 0x6985 -> CONDITIONS_NOT_SATISFIED;
            case 0x6986 -> COMMAND_NOT_ALLOWED;
            case 0x6987, 0x6988 -> SECURE_MESSAGING;
            case 0x6A80 -> WRONG_DATA;
            case 0x6A81 -> FUNCTION_NOT_SUPPORTED;
            case 0x6A82 -> FILE_NOT_FOUND;
            case 0x6A83 -> RECORD_NOT_FOUND;
            case 0x6A86, 0x6B00 -> WRONG_P1P2;
            case 0x6A88 -> DATA_NOT_FOUND;
            case 0x6D00 -> INS_NOT_SUPPORTED;
            case 0x6E00 -> CLA_NOT_SUPPORTED;
            case 0x6F00 -> CARD_INTERNAL_ERROR;
            case 0x9302 -> MAC_INVALID;
            case 0x9303 -> APPLICATION_LOCKED;
            case 0x9301, 0x9401 -> INSUFFICIENT_BALANCE;
            case 0x9403 -> KEY_INDEX_UNSUPPORTED;
            case 0x9406 -> PROOF_NOT_AVAILABLE;
            default -> UNEXPECTED_STATUS;
        };
    }
}
