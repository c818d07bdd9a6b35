package cn.yibao.card.app;

import cn.yibao.card.CardNumbers;
import cn.yibao.card.apdu.Hex;
import cn.yibao.card.crypto.Algorithm;
import java.time.LocalDate;
import java.util.Arrays;

/**
 * What identifies the card (SSSE EF05 and the purse application), read freely with SELECT.
 *
 * @param cardIdCode card identification code, 32 hex digits (region code first)
 * @param cardType card type, one character
 * @param specVersion specification version, e.g. {@code "2.00"}
 * @param issueDate issue date
 * @param expiryDate expiry date
 * @param cardNumber card number, 9 characters (mask it before showing or logging)
 * @param appSerial application serial, 8 bytes, the key diversification input
 * @param algorithm purse algorithm
 * @param keyVersion version of the card keys
 */
public record CardIdentity(String cardIdCode, char cardType, String specVersion, LocalDate issueDate,
        LocalDate expiryDate, String cardNumber, byte[] appSerial, Algorithm algorithm, int keyVersion) {

    public CardIdentity {
        if (cardIdCode == null || !cardIdCode.matches("[0-9A-F]{32}")) {
            throw new IllegalArgumentException("card id code must be 32 hex digits");
        }
        if (specVersion == null || specVersion.length() > 4 || cardNumber == null || cardNumber.length() > 9) {
            throw new IllegalArgumentException("spec version or card number too long");
        }
        if (issueDate == null || expiryDate == null || algorithm == null) {
            throw new IllegalArgumentException("dates and algorithm required");
        }
        if (appSerial == null || appSerial.length != 8) {
            throw new IllegalArgumentException("application serial must be 8 bytes");
        }
        appSerial = appSerial.clone();
        if (keyVersion < 0 || keyVersion > 0xFF) {
            throw new IllegalArgumentException("key version out of range");
        }
    }

    @Override
    public byte[] appSerial() {
        return appSerial.clone();
    }

    /** @return the application serial as 16 hex digits */
    public String serialHex() {
        return Hex.of(appSerial);
    }

    /** @return the card number masked for display and logs */
    public String maskedCardNumber() {
        return CardNumbers.mask(cardNumber);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CardIdentity c && c.cardIdCode.equals(cardIdCode) && c.cardType == cardType
                && c.specVersion.equals(specVersion) && c.issueDate.equals(issueDate)
                && c.expiryDate.equals(expiryDate) && c.cardNumber.equals(cardNumber)
                && Arrays.equals(c.appSerial, appSerial) && c.algorithm == algorithm && c.keyVersion == keyVersion;
    }

    @Override
    public int hashCode() {
        return cardIdCode.hashCode() * 31 + Arrays.hashCode(appSerial);
    }

    /** Masks the card number. */
    @Override
    public String toString() {
        return "CardIdentity[card " + maskedCardNumber() + ", " + algorithm + ", spec " + specVersion
                + ", expires " + expiryDate + "]";
    }
}
