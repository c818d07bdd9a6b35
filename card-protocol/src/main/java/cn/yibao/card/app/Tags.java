package cn.yibao.card.app;

/** The simple-TLV tags of the SELECT answer and of READ MEDICAL DATA (see docs/card-application.md). */
public final class Tags {

    /** FCI template. */
    public static final int FCI = 0x6F;
    /** DF name (AID). */
    public static final int DF_NAME = 0x84;
    /** Proprietary template. */
    public static final int PROPRIETARY = 0xA5;

    /** SSSE EF05 tag 01: card identification code, 16 bytes. */
    public static final int CARD_ID_CODE = 0x01;
    /** SSSE EF05 tag 02: card type, an 1. */
    public static final int CARD_TYPE = 0x02;
    /** SSSE EF05 tag 03: spec version, an 4. */
    public static final int SPEC_VERSION = 0x03;
    /** SSSE EF05 tag 05: issue date, cn 4. */
    public static final int ISSUE_DATE = 0x05;
    /** SSSE EF05 tag 06: expiry date, cn 4. */
    public static final int EXPIRY_DATE = 0x06;
    /** SSSE EF05 tag 07: card number, an 9. */
    public static final int CARD_NUMBER = 0x07;
    /** SSSE EF06 tag 08: social security number, an 18. */
    public static final int SSN = 0x08;
    /** SSSE EF06 tag 09: name, GBK up to 30 bytes. */
    public static final int NAME = 0x09;
    /** SSSE EF06 tag 0A: gender, an 1. */
    public static final int GENDER = 0x0A;
    /** Application serial number, 8 bytes (key diversification). */
    public static final int APP_SERIAL = 0xC0;
    /** Algorithm id, 1 byte. */
    public static final int ALGORITHM = 0xC1;
    /** Key version of DPK/DLK/DTK/RK, 1 byte. */
    public static final int KEY_VERSION = 0xC2;
    /** Challenge for the next EXTERNAL AUTHENTICATE, 8 bytes. */
    public static final int CHALLENGE = 0xC3;
    /** Purse offline counter, 2 bytes. */
    public static final int OFFLINE_COUNTER = 0xC4;
    /** Purse online counter, 2 bytes. */
    public static final int ONLINE_COUNTER = 0xC5;

    /** DF04 EF05: insurance category. */
    public static final int CATEGORY = 0x21;
    /** DF04 EF05: resident group. */
    public static final int RESIDENT_GROUP = 0x22;
    /** DF04 EF05: retired flag. */
    public static final int RETIRED = 0x23;
    /** DF04 EF05: civil-servant flag. */
    public static final int CIVIL_SERVANT = 0x24;
    /** DF04 EF05: insurance status. */
    public static final int INSURANCE_STATUS = 0x25;
    /** DF04 EF05: card state. */
    public static final int CARD_STATE = 0x26;
    /** DF04 EF05: region code, cn 3 (6 digits). */
    public static final int REGION = 0x27;
    /** DF04 EF05: personal-account flag. */
    public static final int HAS_ACCOUNT = 0x28;
    /** Purse balance, b4. */
    public static final int BALANCE = 0x31;
    /** Purse offline counter, b2. */
    public static final int PURSE_OFFLINE = 0x32;
    /** Purse online counter, b2. */
    public static final int PURSE_ONLINE = 0x33;
    /** PIN tries left, b1. */
    public static final int PIN_TRIES = 0x34;
    /** DF04 EF06: accumulator year, cn 2. */
    public static final int ACC_YEAR = 0x41;
    /** DF04 EF06: year-to-date base handled by basic pooling, b4. */
    public static final int YTD_BASE = 0x42;
    /** DF04 EF06: year-to-date over-limit amount, b4. */
    public static final int YTD_OVER = 0x43;
    /** DF04 EF06: year-to-date outpatient eligible amount, b4. */
    public static final int YTD_OUTPATIENT = 0x44;

    private Tags() {
    }
}
