package cn.yibao.card.session;

import cn.yibao.card.Money;
import cn.yibao.card.app.LoadInit;
import java.util.Arrays;

/**
 * A load (credit) initialised on the card and waiting for the host's MAC2.
 *
 * @param appSerial the card's application serial
 * @param amount the amount to load
 * @param terminalId the terminal id, 12 digits
 * @param init the card's INITIALIZE FOR LOAD answer (balance, online counter, random, MAC1)
 */
public record PendingLoad(byte[] appSerial, Money amount, String terminalId, LoadInit init) {

    public PendingLoad {
        if (appSerial == null || appSerial.length != 8 || amount == null || terminalId == null || init == null) {
            throw new IllegalArgumentException("all fields required");
        }
        appSerial = appSerial.clone();
    }

    @Override
    public byte[] appSerial() {
        return appSerial.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PendingLoad p && Arrays.equals(p.appSerial, appSerial) && p.amount.equals(amount)
                && p.terminalId.equals(terminalId) && p.init.equals(init);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(appSerial) * 31 + init.hashCode();
    }

    @Override
    public String toString() {
        return "PendingLoad[amount " + amount + ", " + init + "]";
    }
}
