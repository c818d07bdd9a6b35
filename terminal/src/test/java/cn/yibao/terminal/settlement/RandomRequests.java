package cn.yibao.terminal.settlement;

import cn.yibao.card.Money;
import cn.yibao.card.app.InsuranceStatus;
import cn.yibao.card.app.ResidentGroup;
import cn.yibao.terminal.policy.InstitutionLevel;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Test fixture: random valid settlement requests (no class-N items) from a seed. */
public final class RandomRequests {

    private static final ItemClass[] CLASSES = {ItemClass.A, ItemClass.A, ItemClass.B, ItemClass.C};
    private static final InstitutionLevel[] HOSPITALS = {InstitutionLevel.PROVINCIAL, InstitutionLevel.MUNICIPAL,
        InstitutionLevel.DISTRICT, InstitutionLevel.REHAB};

    private RandomRequests() {
    }

    /** @return a random valid request */
    public static SettlementRequest next(SplittableRandom r) {
        PersonCategory category = PersonCategory.values()[r.nextInt(PersonCategory.values().length)];
        ResidentGroup group = category == PersonCategory.RESIDENT
                ? ResidentGroup.groups().get(r.nextInt(ResidentGroup.groups().size())) : null;
        boolean civilServant = category.isEmployee() && r.nextInt(4) == 0;
        InsuranceStatus status = r.nextInt(10) < 8 ? InsuranceStatus.NORMAL
                : InsuranceStatus.values()[1 + r.nextInt(2)];
        Person person = new Person(category, group, r.nextBoolean(), civilServant, status,
                r.nextInt(4) == 0 ? Money.ZERO : fen(r, 500_000));
        VisitType type = VisitType.values()[r.nextInt(VisitType.values().length)];
        InstitutionLevel level = type == VisitType.PHARMACY ? InstitutionLevel.PHARMACY
                : HOSPITALS[r.nextInt(HOSPITALS.length)];
        VisitTerms visit = new VisitTerms(type, level, r.nextInt(8) == 0);
        YearToDate ytd = r.nextBoolean() ? YearToDate.ZERO
                : new YearToDate(fen(r, 6_000_000), fen(r, r.nextBoolean() ? 3_500_000 : 25_000_000), fen(r, 60_000));
        int count = r.nextInt(50) == 0 ? 1 + r.nextInt(100) : 1 + r.nextInt(12);
        boolean large = type == VisitType.INPATIENT && r.nextBoolean();
        List<Item> items = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            items.add(item(r, i, large));
        }
        return new SettlementRequest(person, visit, ytd, r.nextInt(5) != 0, items);
    }

    /** @return a random item of a random class A, B or C */
    static Item item(SplittableRandom r, int i, boolean large) {
        long max = large ? 5_000_000 : r.nextInt(3) == 0 ? 100 : 20_000;
        return new Item("R" + i, "随机" + i, CLASSES[r.nextInt(CLASSES.length)], fen(r, max));
    }

    private static Money fen(SplittableRandom r, long maxFen) {
        return Money.ofFen(r.nextLong(maxFen + 1));
    }
}
