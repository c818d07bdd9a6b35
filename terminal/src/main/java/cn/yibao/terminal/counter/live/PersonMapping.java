package cn.yibao.terminal.counter.live;

import cn.yibao.card.CardNumbers;
import cn.yibao.card.Money;
import cn.yibao.card.app.CardState;
import cn.yibao.card.app.InsuranceInfo;
import cn.yibao.card.app.ResidentGroup;
import cn.yibao.card.session.CardInfo;
import cn.yibao.hostlink.msg.BusinessZone;
import cn.yibao.terminal.cardlist.ListStatus;
import cn.yibao.terminal.counter.BaseInfo;
import cn.yibao.terminal.counter.InsuInfo;
import cn.yibao.terminal.counter.PersonInfo;
import cn.yibao.terminal.settlement.Person;
import cn.yibao.terminal.settlement.PersonCategory;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/** Turns what the card says into the settlement engine's person and the national 1101 answer. */
final class PersonMapping {

    private PersonMapping() {
    }

    /** @return the settlement engine's view of the person on the card */
    static Person person(CardInfo card) {
        InsuranceInfo ins = card.insurance();
        PersonCategory category = PersonCategory.valueOf(ins.category().name());
        ResidentGroup group = category == PersonCategory.RESIDENT ? ins.residentGroup() : null;
        Money balance = ins.hasAccount() ? card.purse().balance() : Money.ZERO;
        return new Person(category, group, ins.retired(), ins.civilServant() && category.isEmployee(), ins.status(),
                balance);
    }

    /**
     * @return the 1101 answer: who, which insurance, which card ({@code card_stas} 1 normal, 2 in
     *     hospital, 3 lost, 4 blacklisted — by the card's state or the host's lists: {@code listed})
     */
    static PersonInfo personInfo(CardInfo card, Optional<ListStatus> listed) {
        String ssn = card.holder().ssn();
        LocalDate birthday = birthday(ssn);
        int age = birthday == null ? 0 : (int) ChronoUnit.YEARS.between(birthday, LocalDate.now(BusinessZone.ZONE));
        BaseInfo base = new BaseInfo(psnNo(card), "01", CardNumbers.mask(ssn), card.holder().name(),
                String.valueOf(card.holder().gender()), "01", birthday, Math.max(0, Math.min(age, 150)));
        InsuranceInfo ins = card.insurance();
        InsuInfo insu = new InsuInfo(ins.hasAccount() ? card.purse().balance() : Money.ZERO, insutype(ins), psnType(ins),
                ins.civilServant() ? "1" : "0", ins.region(), null, insuStas(ins), null);
        String stas = listed.map(l -> l == ListStatus.LOST ? "3" : "4")
                .orElse(ins.cardState() == CardState.IN_HOSPITAL ? "2" : "1");
        return new PersonInfo(base, List.of(insu),
                new PersonInfo.CardStatus(CardNumbers.mask(card.identity().cardNumber()), stas));
    }

    /**
     * A stable person number that does not reveal the social-security number: the first 16 hex
     * digits of its SHA-256, prefixed with the region.
     */
    static String psnNo(CardInfo card) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(card.holder().ssn().getBytes(StandardCharsets.UTF_8));
            return card.insurance().region() + HexFormat.of().withUpperCase().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing", e);
        }
    }

    /** @return insurance type: 310 employees' basic, 390 residents' basic, 340 retired cadres */
    static String insutype(InsuranceInfo ins) {
        return switch (ins.category()) {
            case EMPLOYEE, EMPLOYEE_POOL_ONLY -> "310";
            case RESIDENT -> "390";
            case SPECIAL_CARE -> "340";
        };
    }

    /** @return person type: 11 in service, 21 retired, 31 resident, 41 special care */
    static String psnType(InsuranceInfo ins) {
        return switch (ins.category()) {
            case EMPLOYEE, EMPLOYEE_POOL_ONLY -> ins.retired() ? "21" : "11";
            case RESIDENT -> "31";
            case SPECIAL_CARE -> "41";
        };
    }

    private static String insuStas(InsuranceInfo ins) {
        return switch (ins.status()) {
            case NORMAL -> "1";
            case SUSPENDED -> "2";
            case ARREARS -> "4";
        };
    }

    /** @return the birthday in an 18-digit resident ID number, or null if it has none */
    private static LocalDate birthday(String ssn) {
        if (ssn == null || ssn.length() != 18) {
            return null;
        }
        try {
            return LocalDate.parse(ssn.substring(6, 14), DateTimeFormatter.BASIC_ISO_DATE);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
