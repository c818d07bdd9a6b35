package cn.yibao.card.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.yibao.card.CardError;
import cn.yibao.card.CardException;
import cn.yibao.card.Money;
import cn.yibao.card.apdu.Hex;
import cn.yibao.card.crypto.Algorithm;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CodecTest {

    private static final byte[] SERIAL = Hex.parse("2201000000000001");

    private static SelectAnswer select() {
        CardIdentity id = new CardIdentity("220100D1560000052201000000000001", '3', "2.00", LocalDate.of(2024, 1, 1),
                LocalDate.of(2034, 1, 1), "A22000001", SERIAL, Algorithm.SM4, 2);
        return new SelectAnswer(id, new Holder("220102198101010001", "欧阳娜娜", '2'), Hex.parse("0102030405060708"),
                513, 7);
    }

    @Test
    void selectAnswerRoundTripsAndMasks() {
        SelectAnswer a = select();
        byte[] fci = a.encode();
        assertEquals(0x6F, fci[0] & 0xFF);
        assertEquals(a, SelectAnswer.parse(fci));
        assertTrue(a.toString().contains("A2*****01"));
        assertTrue(!a.toString().contains("A22000001") && !a.toString().contains("欧阳娜娜"));
    }

    @Test
    void medicalDataRoundTripsWithAndWithoutAccumulators() {
        InsuranceInfo i = new InsuranceInfo(InsuranceCategory.RESIDENT, ResidentGroup.LOW_INCOME, false, false,
                InsuranceStatus.ARREARS, CardState.IN_HOSPITAL, "220100", true);
        PurseInfo p = new PurseInfo(Money.ofFen(5_000), 7, 1);
        MedicalData with = new MedicalData(i, p, 2, Optional.of(new Accumulators(2026, Money.ofFen(1),
                Money.ofFen(2), Money.ofFen(3))));
        MedicalData without = new MedicalData(i, p, 2, Optional.empty());
        assertEquals(with, MedicalData.parse(with.encode()));
        assertEquals(without, MedicalData.parse(without.encode()));
    }

    @Test
    void unknownCodesAreMalformed() {
        byte[] bytes = new MedicalData(new InsuranceInfo(InsuranceCategory.EMPLOYEE, ResidentGroup.NONE, false, false,
                InsuranceStatus.NORMAL, CardState.NORMAL, "220100", true), new PurseInfo(Money.ZERO, 0, 0), 3,
                Optional.empty()).encode();
        bytes[2] = 9;
        assertEquals(CardError.MALFORMED_RESPONSE,
                assertThrows(CardException.class, () -> MedicalData.parse(bytes)).error());
    }

    @Test
    void logAndSettlementRecordsRoundTrip() {
        MedicalLogRecord log = new MedicalLogRecord(65_535, MedicalLogRecord.SETTLEMENT, "220100000001",
                LocalDateTime.of(2026, 11, 23, 23, 59, 58), Money.ofFen(1), Money.ofFen(2), Money.ofFen(3));
        assertEquals(MedicalLogRecord.LENGTH, log.encode().length);
        assertEquals(log, MedicalLogRecord.parse(log.encode()));
        SettlementRecord r = new SettlementRecord(Money.ofFen(10), Money.ofFen(20), 2026, Money.ofFen(30),
                Money.ofFen(40), Money.ofFen(50), Optional.of(CardState.NORMAL));
        assertEquals(SettlementRecord.LENGTH, r.encode().length);
        assertEquals(r, SettlementRecord.parse(r.encode()));
        byte[] bad = r.encode();
        bad[22] = 7;
        assertEquals(CardError.WRONG_DATA, assertThrows(CardException.class, () -> SettlementRecord.parse(bad))
                .error());
    }

    @Test
    void initAnswersRoundTrip() {
        PurchaseInit p = new PurchaseInit(Money.ofFen(123_456), 9, Money.ZERO, 1, Algorithm.TDES, Hex.parse("A1B2C3D4"));
        assertEquals(p, PurchaseInit.parse(p.encode()));
        LoadInit l = new LoadInit(Money.ofFen(5), 3, 1, Algorithm.SM4, Hex.parse("01020304"), Hex.parse("0A0B0C0D"));
        assertEquals(l, LoadInit.parse(l.encode()));
        byte[] unknownAlg = p.encode();
        unknownAlg[10] = 0x02;
        assertEquals(CardError.ALGORITHM_UNSUPPORTED,
                assertThrows(CardException.class, () -> PurchaseInit.parse(unknownAlg)).error());
    }

    @Test
    void datesAndAmountsAreChecked() {
        assertEquals("20260301", Hex.of(Fields.date(LocalDate.of(2026, 2, 28).plusDays(1))));
        assertEquals(LocalDate.of(2028, 2, 29), Fields.date(Hex.parse("20280229")));
        assertThrows(CardException.class, () -> Fields.date(Hex.parse("20260230")));
        assertThrows(CardException.class, () -> Fields.dateTime(Hex.parse("20261323000000")));
        assertEquals(CardError.AMOUNT_OUT_OF_RANGE,
                assertThrows(CardException.class, () -> Fields.amount(Money.ofFen(-1))).error());
        assertThrows(CardException.class, () -> Fields.gbk(Hex.parse("FF")));
        assertEquals("张伟", Fields.gbk(Fields.gbk("张伟")));
    }
}
