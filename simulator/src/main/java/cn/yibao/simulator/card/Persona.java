package cn.yibao.simulator.card;

import cn.yibao.card.Money;
import cn.yibao.card.app.Accumulators;
import cn.yibao.card.app.CardState;
import cn.yibao.card.app.InsuranceCategory;
import cn.yibao.card.app.InsuranceStatus;
import cn.yibao.card.app.ResidentGroup;
import cn.yibao.card.crypto.Algorithm;

/**
 * A kind of insured person a virtual card is personalised as.
 *
 * @param id stable id, e.g. {@code employee-retired}
 * @param index stable number, used for the card serial and number
 * @param descriptionZh what the persona is, in Chinese
 * @param name holder's name
 * @param gender {@code '1'} or {@code '2'}
 * @param category insurance category
 * @param group resident group
 * @param retired retired
 * @param civilServant civil servant
 * @param status insurance status
 * @param state card state
 * @param hasAccount has a personal account
 * @param balance initial balance
 * @param pinTries PIN tries left (0 = locked)
 * @param algorithm purse algorithm
 * @param accumulators initial accumulators
 */
public record Persona(String id, int index, String descriptionZh, String name, char gender,
        InsuranceCategory category, ResidentGroup group, boolean retired, boolean civilServant,
        InsuranceStatus status, CardState state, boolean hasAccount, Money balance, int pinTries,
        Algorithm algorithm, Accumulators accumulators) {

    /** The PIN every persona is issued with. */
    public static final String DEFAULT_PIN = "123456";
    /** The pooling region of every persona (Changchun). */
    public static final String REGION = "220100";

    public Persona {
        if (id == null || !id.matches("[a-z0-9-]{2,40}") || index < 1 || index > 9999) {
            throw new IllegalArgumentException("bad persona id or index");
        }
    }

    /** @return the 8-byte application serial as 16 digits */
    public String serialDigits() {
        return String.format("22010000%08d", index);
    }

    /** @return the 9-character card number */
    public String cardNumber() {
        return String.format("A%08d", 22_000_000 + index);
    }

    /** @return an 18-character social-security number (fictitious) */
    public String ssn() {
        return String.format("220102198%01d01%02d%04d", index % 10, 1 + index % 28, index);
    }

    /** @return the 32-hex-digit card identification code */
    public String cardIdCode() {
        return String.format("%sD15600000522010000%08d", REGION, index);
    }
}
