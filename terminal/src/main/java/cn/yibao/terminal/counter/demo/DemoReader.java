package cn.yibao.terminal.counter.demo;

import cn.yibao.card.Money;
import cn.yibao.terminal.counter.BaseInfo;
import cn.yibao.terminal.counter.CounterRefusal;
import cn.yibao.terminal.counter.CounterRefusedException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The demo's five personas' cards and the reader, with the employee's card on it at the start.
 * Not thread-safe: {@link DemoCounter} serialises access.
 */
final class DemoReader {

    private final Map<String, DemoCard> cards = new LinkedHashMap<>();
    private String onReader;

    DemoReader(Clock clock) {
        LocalDate today = LocalDate.now(clock);
        addCard(today, DemoCounter.EMPLOYEE, "张三", "1", LocalDate.of(1980, 5, 12), "310", "11", "0", "300.00",
                DemoCard.State.NORMAL);
        addCard(today, DemoCounter.RETIRED_CIVIL_SERVANT, "李四", "2", LocalDate.of(1956, 3, 2), "310", "21", "1",
                "20.00", DemoCard.State.NORMAL);
        addCard(today, DemoCounter.RESIDENT, "王五", "1", LocalDate.of(1992, 11, 30), "390", "50", "0", "0.00",
                DemoCard.State.NORMAL);
        addCard(today, DemoCounter.LOST_CARD, "赵六", "1", LocalDate.of(1975, 1, 20), "310", "11", "0", "500.00",
                DemoCard.State.LOST);
        addCard(today, DemoCounter.BLACKLISTED_CARD, "钱七", "2", LocalDate.of(1988, 8, 8), "310", "11", "0", "80.00",
                DemoCard.State.BLACKLISTED);
        onReader = DemoCounter.EMPLOYEE;
    }

    private void addCard(LocalDate today, String psnNo, String name, String gend, LocalDate brdy, String insutype,
            String psnType, String cvlserv, String balance, DemoCard.State state) {
        String certno = "220102" + brdy.toString().replace("-", "") + "00" + psnNo.substring(3);
        String masked = certno.substring(0, 6) + "*".repeat(certno.length() - 10) + certno.substring(certno.length() - 4);
        int age = Period.between(brdy, today).getYears();
        BaseInfo person = new BaseInfo(psnNo, "01", masked, name, gend, "01", brdy, age);
        String cardNo = "220100D156" + psnNo.substring(1) + "X";
        cards.put(psnNo, new DemoCard(person, insutype, psnType, cvlserv, cardNo, Money.parseYuan(balance), state));
    }

    /** Puts the card of persona {@code psnNo} on the reader (a tap). */
    void place(String psnNo) {
        if (!cards.containsKey(psnNo)) {
            throw new IllegalArgumentException("no persona " + psnNo);
        }
        onReader = psnNo;
    }

    /** Takes the card off the reader. */
    void remove() {
        onReader = null;
    }

    /** @return the persona's card, wherever it is */
    DemoCard card(String psnNo) {
        return cards.get(psnNo);
    }

    /** @return the card on the reader */
    DemoCard onReader() {
        if (onReader == null) {
            throw new CounterRefusedException(CounterRefusal.CARD_ABSENT);
        }
        return cards.get(onReader);
    }

    /** @return the card on the reader, which must be {@code psnNo}'s and usable */
    DemoCard tapped(String psnNo) {
        DemoCard card = onReader();
        card.checkUsable();
        if (!card.psnNo().equals(psnNo)) {
            throw new CounterRefusedException(CounterRefusal.CARD_MISMATCH);
        }
        return card;
    }
}
