package cn.yibao.terminal.settlement;

import cn.yibao.card.Money;
import cn.yibao.card.app.InsuranceStatus;
import cn.yibao.card.app.ResidentGroup;
import cn.yibao.terminal.policy.InstitutionLevel;
import java.util.ArrayList;
import java.util.List;

/** Test fixture: builds settlement requests fluently (also used by simulator tests via the test-jar). */
public final class RequestBuilder {

    private PersonCategory category;
    private ResidentGroup group;
    private boolean retired;
    private boolean civilServant;
    private InsuranceStatus status = InsuranceStatus.NORMAL;
    private Money balance = Money.ZERO;
    private VisitType type = VisitType.INPATIENT;
    private InstitutionLevel level = InstitutionLevel.MUNICIPAL;
    private boolean outOfRegion;
    private YearToDate ytd = YearToDate.ZERO;
    private boolean useAccount = true;
    private final List<Item> items = new ArrayList<>();

    private RequestBuilder(PersonCategory category, ResidentGroup group) {
        this.category = category;
        this.group = group;
    }

    public static RequestBuilder employee() {
        return new RequestBuilder(PersonCategory.EMPLOYEE, null);
    }

    public static RequestBuilder poolOnly() {
        return new RequestBuilder(PersonCategory.EMPLOYEE_POOL_ONLY, null);
    }

    public static RequestBuilder resident(ResidentGroup group) {
        return new RequestBuilder(PersonCategory.RESIDENT, group);
    }

    public static RequestBuilder specialCare() {
        return new RequestBuilder(PersonCategory.SPECIAL_CARE, null);
    }

    public RequestBuilder retired() {
        retired = true;
        return this;
    }

    public RequestBuilder civilServant() {
        civilServant = true;
        return this;
    }

    public RequestBuilder status(InsuranceStatus s) {
        status = s;
        return this;
    }

    public RequestBuilder balance(String yuan) {
        balance = Money.parseYuan(yuan);
        return this;
    }

    public RequestBuilder visit(VisitType t, InstitutionLevel l) {
        type = t;
        level = l;
        return this;
    }

    public RequestBuilder inpatient(InstitutionLevel l) {
        return visit(VisitType.INPATIENT, l);
    }

    public RequestBuilder pharmacy() {
        return visit(VisitType.PHARMACY, InstitutionLevel.PHARMACY);
    }

    public RequestBuilder outOfRegion() {
        outOfRegion = true;
        return this;
    }

    public RequestBuilder ytd(String base, String over, String outpatient) {
        ytd = new YearToDate(Money.parseYuan(base), Money.parseYuan(over), Money.parseYuan(outpatient));
        return this;
    }

    public RequestBuilder noAccount() {
        useAccount = false;
        return this;
    }

    public RequestBuilder item(ItemClass c, String yuan) {
        items.add(new Item("X" + (items.size() + 1), "item " + (items.size() + 1), c, Money.parseYuan(yuan)));
        return this;
    }

    public SettlementRequest build() {
        return new SettlementRequest(new Person(category, group, retired, civilServant, status, balance),
                new VisitTerms(type, level, outOfRegion), ytd, useAccount, items);
    }
}
