package cn.yibao.terminal.counter.demo;

import cn.yibao.card.Money;
import cn.yibao.terminal.counter.BaseInfo;
import cn.yibao.terminal.counter.CounterRefusal;
import cn.yibao.terminal.counter.CounterRefusedException;
import cn.yibao.terminal.counter.InsuInfo;
import cn.yibao.terminal.counter.PersonInfo;
import cn.yibao.terminal.counter.Pin;
import java.time.LocalDate;
import java.util.List;

/**
 * A simulated social-security card for the demo counter: a persona, a balance, a PIN with a retry
 * counter, and a state. Mutable; the owning {@link DemoCounter} serialises access.
 */
final class DemoCard {

    /** Card states of {@code RULES.md} §8 that the demo knows. */
    enum State { NORMAL, IN_HOSPITAL, LOST, BLACKLISTED }

    private static final int PIN_TRIES = 3;

    private final BaseInfo person;
    private final String insutype;
    private final String psnType;
    private final String cvlservFlag;
    private final String cardNo;
    private final Pin pin;
    private Money balance;
    private State state;
    private int pinTriesLeft = PIN_TRIES;

    DemoCard(BaseInfo person, String insutype, String psnType, String cvlservFlag, String cardNo, Money balance,
            State state) {
        this.person = person;
        this.insutype = insutype;
        this.psnType = psnType;
        this.cvlservFlag = cvlservFlag;
        this.cardNo = cardNo;
        this.pin = new Pin("123456".toCharArray());
        this.balance = balance;
        this.state = state;
    }

    String psnNo() {
        return person.psnNo();
    }

    String cardNo() {
        return cardNo;
    }

    BaseInfo person() {
        return person;
    }

    String insutype() {
        return insutype;
    }

    String psnType() {
        return psnType;
    }

    boolean hasAccount() {
        return insutype.equals("310");
    }

    Money balance() {
        return balance;
    }

    State state() {
        return state;
    }

    void setState(State newState) {
        state = newState;
    }

    /** Refuses a lost or blacklisted card; the one choke point for card states. */
    void checkUsable() {
        if (state == State.LOST) {
            throw new CounterRefusedException(CounterRefusal.CARD_LOST);
        }
        if (state == State.BLACKLISTED) {
            throw new CounterRefusedException(CounterRefusal.CARD_BLACKLISTED);
        }
    }

    PersonInfo read() {
        checkUsable();
        InsuInfo insu = new InsuInfo(balance, insutype, psnType, cvlservFlag, "220100", "长春市示范药业有限公司", "1",
                LocalDate.of(2001, 7, 1));
        String masked = "*".repeat(cardNo.length() - 4) + cardNo.substring(cardNo.length() - 4);
        return new PersonInfo(person, List.of(insu),
                new PersonInfo.CardInfo(masked, state == State.IN_HOSPITAL ? "2" : "1"));
    }

    /** Verifies the PIN, counting wrong tries: three wrong tries lock it. */
    void verifyPin(Pin offered) {
        if (pinTriesLeft == 0) {
            throw new CounterRefusedException(cn.yibao.card.CardError.BLOCKED);
        }
        if (offered == null) {
            throw new CounterRefusedException(CounterRefusal.PIN_REQUIRED);
        }
        if (!pin.matches(offered)) {
            pinTriesLeft--;
            throw new CounterRefusedException(pinTriesLeft == 0 ? cn.yibao.card.CardError.BLOCKED : cn.yibao.card.CardError.PIN_WRONG);
        }
        pinTriesLeft = PIN_TRIES;
    }

    void debit(Money amount) {
        if (balance.compareTo(amount) < 0) {
            throw new CounterRefusedException(CounterRefusal.INSUFFICIENT_BALANCE);
        }
        balance = balance.minus(amount);
    }

    void load(Money amount) {
        balance = balance.plus(amount);
    }
}
