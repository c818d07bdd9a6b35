package cn.yibao.card.session;

import cn.yibao.card.Money;
import cn.yibao.card.apdu.Bytes;
import cn.yibao.card.apdu.Hex;
import cn.yibao.card.apdu.ResponseApdu;
import cn.yibao.card.app.Accumulators;
import cn.yibao.card.app.CardCommands;
import cn.yibao.card.app.CardIdentity;
import cn.yibao.card.app.CardState;
import cn.yibao.card.app.Holder;
import cn.yibao.card.app.InsuranceCategory;
import cn.yibao.card.app.InsuranceInfo;
import cn.yibao.card.app.InsuranceStatus;
import cn.yibao.card.app.LoadInit;
import cn.yibao.card.app.MedicalData;
import cn.yibao.card.app.MedicalLogRecord;
import cn.yibao.card.app.PsamCommands;
import cn.yibao.card.app.PurchaseInit;
import cn.yibao.card.app.PurseInfo;
import cn.yibao.card.app.ResidentGroup;
import cn.yibao.card.app.SelectAnswer;
import cn.yibao.card.crypto.Algorithm;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Optional;

/** Well-formed answers of a card and a PSAM, by INS, for protocol tests that need no crypto. */
final class ScriptedCard {

    static final byte[] SERIAL = Hex.parse("2201000000000001");

    private ScriptedCard() {
    }

    static SelectAnswer selectAnswer(int counter) {
        CardIdentity id = new CardIdentity("220100D15600000522010000" + "00000001", '3', "2.00",
                LocalDate.of(2024, 1, 1), LocalDate.of(2034, 1, 1), "A22000001", SERIAL, Algorithm.TDES, 1);
        return new SelectAnswer(id, new Holder("220102198101010001", "张伟", '1'), new byte[8], counter, 0);
    }

    /** @return the well-formed card answer (data and 9000) to a command */
    static byte[] card(byte[] command) {
        int ins = command.length > 1 ? command[1] & 0xFF : 0;
        byte[] data = switch (ins) {
            case CardCommands.SELECT -> selectAnswer(5).encode();
            case CardCommands.READ_MEDICAL -> new MedicalData(new InsuranceInfo(InsuranceCategory.EMPLOYEE,
                    ResidentGroup.NONE, false, false, InsuranceStatus.NORMAL, CardState.NORMAL, "220100", true),
                    new PurseInfo(Money.ofFen(100_000), 5, 0), 3, Optional.of(Accumulators.zero(2026))).encode();
            case CardCommands.INITIALIZE -> command.length > 2 && command[2] == 0x00
                    ? new LoadInit(Money.ofFen(100_000), 0, 1, Algorithm.TDES, new byte[4], new byte[4]).encode()
                    : new PurchaseInit(Money.ofFen(100_000), 5, Money.ZERO, 1, Algorithm.TDES, new byte[4]).encode();
            case CardCommands.DEBIT, CardCommands.GET_PROVE -> new byte[8];
            case CardCommands.CREDIT -> new byte[4];
            case CardCommands.READ_RECORD -> new MedicalLogRecord(4, '2', "220100000001",
                    LocalDateTime.of(2026, 1, 1, 0, 0), Money.ofFen(1), Money.ZERO, Money.ZERO).encode();
            default -> new byte[0];
        };
        return ResponseApdu.of(data, 0x9000).bytes();
    }

    /** @return the well-formed PSAM answer to a command */
    static byte[] psam(byte[] command) {
        int ins = command.length > 1 ? command[1] & 0xFF : 0;
        byte[] data = switch (ins) {
            case PsamCommands.READ_BINARY -> Bytes.bcd("220100000001", 6);
            case PsamCommands.AUTH_CRYPTOGRAM, PsamCommands.INIT_SAM_PURCHASE -> new byte[8];
            default -> new byte[0];
        };
        return ResponseApdu.of(data, 0x9000).bytes();
    }
}
