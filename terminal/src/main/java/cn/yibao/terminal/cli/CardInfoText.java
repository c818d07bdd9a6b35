package cn.yibao.terminal.cli;

import cn.yibao.card.CardNumbers;
import cn.yibao.card.Money;
import cn.yibao.card.app.InsuranceInfo;
import cn.yibao.card.session.CardInfo;
import java.util.ArrayList;
import java.util.List;

/** What a card says, as lines for the counter: Chinese labels, card and social-security numbers masked. */
final class CardInfoText {

    private CardInfoText() {
    }

    static List<String> lines(CardInfo info) {
        List<String> lines = new ArrayList<>();
        InsuranceInfo ins = info.insurance();
        lines.add("卡号：" + info.identity().maskedCardNumber());
        lines.add("姓名：" + info.holder().name());
        lines.add("性别：" + info.holder().genderZh());
        lines.add("社会保障号码：" + CardNumbers.mask(info.holder().ssn()));
        lines.add("参保类别：" + ins.category().nameZh());
        lines.add("居民类别：" + ins.residentGroup().nameZh());
        lines.add("退休：" + yesNo(ins.retired()));
        lines.add("公务员：" + yesNo(ins.civilServant()));
        lines.add("参保状态：" + ins.status().nameZh());
        lines.add("卡状态：" + ins.cardState().nameZh());
        lines.add("统筹区：" + ins.region());
        lines.add("个人账户：" + (ins.hasAccount() ? "有" : "无"));
        lines.add("个人账户余额：" + yuan(info.purse().balance()));
        lines.add("脱机交易序号：" + info.purse().offlineCounter());
        lines.add("密码剩余次数：" + info.pinTriesLeft());
        info.accumulators().ifPresent(a -> {
            lines.add("累计年度：" + a.year());
            lines.add("本年基本医疗累计：" + yuan(a.ytdBase()));
            lines.add("本年超限额累计：" + yuan(a.ytdOver()));
            lines.add("本年门诊累计：" + yuan(a.ytdOutpatient()));
        });
        return lines;
    }

    private static String yesNo(boolean b) {
        return b ? "是" : "否";
    }

    private static String yuan(Money m) {
        return m.toYuanString() + " 元";
    }
}
