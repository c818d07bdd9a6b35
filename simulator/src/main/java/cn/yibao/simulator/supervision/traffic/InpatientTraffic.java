package cn.yibao.simulator.supervision.traffic;

import cn.yibao.card.Money;
import cn.yibao.simulator.supervision.CardRef;
import cn.yibao.simulator.supervision.CatalogClass;
import cn.yibao.simulator.supervision.FindingCode;
import cn.yibao.simulator.supervision.InpatientStay;
import cn.yibao.simulator.supervision.Institution;
import cn.yibao.simulator.supervision.HostPersonCategory;
import cn.yibao.simulator.supervision.SaleItem;
import cn.yibao.simulator.supervision.SettledTransaction;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A month of inpatient stays at a few hospitals: ordinary stays, honest readmissions (another
 * diagnosis; rarely a complication with the same one), and injected split admissions (the same
 * diagnosis split in two, or two cheap short stays under different diagnoses).
 */
final class InpatientTraffic {

    private static final String[] DIAGNOSES = {"J18.9", "I63.9", "E11.9", "I10", "K80.2", "N18.9", "S72.0",
        "C34.9", "I25.1", "K35.8", "J44.1", "M17.9"};
    private static final BigDecimal PCT_5 = new BigDecimal("0.05");
    private static final BigDecimal PCT_20 = new BigDecimal("0.20");
    private static final BigDecimal PCT_25 = new BigDecimal("0.25");

    private final MonthBuilder b;
    private final GeneratorOptions o;

    InpatientTraffic(MonthBuilder b, GeneratorOptions o) {
        this.b = b;
        this.o = o;
    }

    void generate() {
        for (int h = 0; h < o.hospitals(); h++) {
            String code = String.format("H22010%05d", h + 1);
            b.institution(new Institution(code, String.format("长春市第%d人民医院", h + 1), Institution.Kind.HOSPITAL));
            for (int s = 0; s < o.staysPerHospital(); s++) {
                CardRef card = CardRef.of(String.format("2202%05d%06d", h, s));
                HostPersonCategory cat = b.rng.nextInt(100) < 60 ? HostPersonCategory.EMPLOYEE
                        : b.rng.nextBoolean() ? HostPersonCategory.EMPLOYEE_RETIRED : HostPersonCategory.RESIDENT;
                stays(code, card, cat);
            }
        }
    }

    private void stays(String hospital, CardRef card, HostPersonCategory cat) {
        String diagnosis = DIAGNOSES[b.rng.nextInt(DIAGNOSES.length)];
        if (b.rng.nextDouble() < o.rateSplit()) {
            split(hospital, card, cat, diagnosis);
            return;
        }
        boolean cheap = b.rng.nextInt(100) < 8;
        int los = cheap ? 1 + b.rng.nextInt(3) : 4 + b.rng.nextInt(11);
        LocalDate admission = b.month.atDay(1 + b.rng.nextInt(b.days() - 15));
        stay(hospital, card, cat, admission, los, diagnosis, cheap ? yuan(1000, 3000) : cost(los));
        int r = b.rng.nextInt(1000);
        if (r < 42) {
            String other = DIAGNOSES[(indexOf(diagnosis) + 1 + b.rng.nextInt(DIAGNOSES.length - 1)) % DIAGNOSES.length];
            readmit(hospital, card, cat, admission.plusDays(los + 3 + b.rng.nextInt(12)), other);
        } else if (r < 44) {
            readmit(hospital, card, cat, admission.plusDays(los + 1 + b.rng.nextInt(10)), diagnosis);
        }
    }

    private void readmit(String hospital, CardRef card, HostPersonCategory cat, LocalDate admission, String diagnosis) {
        int los = 4 + b.rng.nextInt(8);
        if (!admission.plusDays(los).isAfter(b.month.atEndOfMonth())) {
            stay(hospital, card, cat, admission, los, diagnosis, cost(los));
        }
    }

    /** 分解住院: one stay billed as two admissions; the readmission is the labelled one. */
    private void split(String hospital, CardRef card, HostPersonCategory cat, String diagnosis) {
        boolean cheapVariant = b.rng.nextInt(100) < 30;
        int los1 = cheapVariant ? 2 + b.rng.nextInt(3) : 3 + b.rng.nextInt(5);
        int los2 = cheapVariant ? 2 + b.rng.nextInt(3) : 3 + b.rng.nextInt(5);
        int gap = b.rng.nextInt(4);
        LocalDate first = b.month.atDay(1 + b.rng.nextInt(b.days() - los1 - los2 - gap - 1));
        LocalDate second = first.plusDays(los1 + gap);
        String diagnosis2 = cheapVariant
                ? DIAGNOSES[(indexOf(diagnosis) + 1 + b.rng.nextInt(DIAGNOSES.length - 1)) % DIAGNOSES.length]
                : diagnosis;
        stay(hospital, card, cat, first, los1, diagnosis, cheapVariant ? yuan(800, 1900) : cost(los1));
        SettledTransaction tx = stay(hospital, card, cat, second, los2, diagnosis2,
                cheapVariant ? yuan(800, 1900) : cost(los2));
        b.label(new Label(FindingCode.SPLIT_ADMISSION, tx.txId()));
    }

    private SettledTransaction stay(String hospital, CardRef card, HostPersonCategory cat, LocalDate admission, int los,
            String diagnosis, Money total) {
        LocalDate discharge = admission.plusDays(los);
        List<SaleItem> items = lines(los, total);
        Money balance = Money.ofYuan(b.rng.nextInt(1500));
        return b.inpatient(hospital, card, cat, b.at(discharge.getDayOfMonth(), 9, 16), items, fund(cat, items),
                balance, new InpatientStay(admission, discharge, diagnosis));
    }

    private static List<SaleItem> lines(int los, Money total) {
        Money bed = Money.ofYuan(60L * los);
        Money rest = total.minus(bed);
        Money c = rest.times(PCT_5);
        Money bClass = rest.times(PCT_25);
        Money exam = rest.times(PCT_20);
        Money a = rest.minus(c).minus(bClass).minus(exam);
        return List.of(new SaleItem("F00000000BED01", "YYBED01", "床位费", CatalogClass.A, Money.ofYuan(60), los),
                new SaleItem("F00000000DRA01", "YYDRA01", "西药费（甲类）", CatalogClass.A, a, 1),
                new SaleItem("F00000000DRB01", "YYDRB01", "西药费（乙类）", CatalogClass.B, bClass, 1),
                new SaleItem("F00000000EXM01", "YYEXM01", "检查化验费", CatalogClass.A, exam, 1),
                new SaleItem("F00000000OWN01", "YYOWN01", "自费药品", CatalogClass.C, c, 1));
    }

    /** A simplified municipal-level fund payment (RULES.md §5/§6 shapes; not the settlement engine). */
    private static Money fund(HostPersonCategory cat, List<SaleItem> items) {
        Money total = Money.ZERO;
        Money c = Money.ZERO;
        Money bClass = Money.ZERO;
        for (SaleItem i : items) {
            total = total.plus(i.amount());
            c = i.catalogClass() == CatalogClass.C ? c.plus(i.amount()) : c;
            bClass = i.catalogClass() == CatalogClass.B ? bClass.plus(i.amount()) : bClass;
        }
        boolean resident = cat == HostPersonCategory.RESIDENT;
        String selfRate = resident ? "0.15" : cat == HostPersonCategory.EMPLOYEE_RETIRED ? "0.08" : "0.10";
        Money eligible = total.minus(c).minus(bClass.times(new BigDecimal(selfRate)));
        Money base = eligible.minus(Money.ofYuan(resident ? 600 : 700)).positivePart();
        if (resident) {
            return base.times(new BigDecimal("0.62"));
        }
        return base.minus(base.times(new BigDecimal(cat == HostPersonCategory.EMPLOYEE_RETIRED ? "0.10" : "0.12")));
    }

    private Money cost(int los) {
        return Money.ofYuan(los * (500L + b.rng.nextInt(900)) + 1000);
    }

    private Money yuan(int from, int to) {
        return Money.ofYuan(from + b.rng.nextInt(to - from));
    }

    private static int indexOf(String diagnosis) {
        for (int i = 0; i < DIAGNOSES.length; i++) {
            if (DIAGNOSES[i].equals(diagnosis)) {
                return i;
            }
        }
        throw new IllegalArgumentException(diagnosis);
    }
}
