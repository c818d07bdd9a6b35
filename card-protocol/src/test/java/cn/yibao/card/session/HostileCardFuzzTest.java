package cn.yibao.card.session;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import cn.yibao.card.CardException;
import cn.yibao.card.Money;
import cn.yibao.card.TransportException;
import cn.yibao.card.apdu.Bytes;
import cn.yibao.card.app.SettlementRecord;
import cn.yibao.card.crypto.Algorithm;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A hostile card: at least 100 000 malformed responses (valid ones are mixed in to reach deeper) (wrong lengths, truncated records, absurd
 * TLV sizes, endless 61xx, 6Cxx loops, garbage, oversize, null, a vanishing card) reach the session
 * API; the only exception allowed out is {@link CardException}, and nothing hangs.
 */
class HostileCardFuzzTest {

    private static final int RESPONSES = 100_000;
    private static final long SEED = 0x5EED_CA4DL;

    enum Mutation { VALID, TRUNCATE, APPEND, GARBAGE, FLIP, ENDLESS_61, LOOP_6C, ABSURD_LENGTH, HUGE, RANDOM_SW,
        NULL, VANISH, SW_ONLY }

    private final Random random = new Random(SEED);
    private final Map<Mutation, Integer> used = new EnumMap<>(Mutation.class);
    private int responses;
    private int malformed;
    private int typedErrors;
    private int successes;

    @Test
    void onlyTypedErrorsNoHang() {
        assertTimeoutPreemptively(Duration.ofMinutes(3), () -> {
            while (malformed < RESPONSES) {
                oneSession();
            }
        });
        assertTrue(malformed >= RESPONSES && responses > malformed);
        assertTrue(typedErrors > RESPONSES / 20, "hostile answers must cause typed errors: " + typedErrors);
        assertTrue(successes > 0, "some sessions get through (valid answers are mixed in)");
        for (Mutation m : Mutation.values()) {
            assertTrue(used.getOrDefault(m, 0) > 100, "mutation " + m + " used " + used.get(m));
        }
    }

    private void oneSession() {
        CardSession session = new CardSession(this::hostileCard, this::hostilePsam);
        PendingDebit pending = new PendingDebit(ScriptedCard.SERIAL, "A22000001", Algorithm.TDES, 5,
                Money.ofFen(100), "220100000001", 1, LocalDateTime.of(2026, 1, 1, 0, 0), Money.ofFen(100_000),
                Optional.empty());
        int step = random.nextInt(5);
        try {
            if (step == 4) {
                session.readCard();
                PendingLoad load = session.initLoad(Money.ofFen(100));
                session.credit(load, LocalDateTime.of(2026, 1, 1, 0, 0), new byte[4]);
                session.recoverLoad(load);
                successes++;
                return;
            }
            session.readCard("123456");
            if (step >= 1) {
                session.settle(new SettleRequest(Money.ofFen(100), SettlementRecord.simple(Money.ZERO, Money.ZERO,
                        2026), LocalDateTime.of(2026, 1, 1, 0, 0)));
            }
            if (step >= 2) {
                session.recover(pending);
            }
            if (step == 3) {
                session.readLog(3);
            }
            successes++;
        } catch (CardException e) {
            typedErrors++;
            if (e.code().isEmpty() || e.messageZh().isEmpty() || e.message().isEmpty()) {
                fail("typed error without messages: " + e);
            }
        } catch (RuntimeException | Error e) {
            throw new AssertionError("untyped " + e + " after " + responses + " responses (seed " + SEED + ")", e);
        }
    }

    private byte[] hostileCard(byte[] command) {
        return mutate(ScriptedCard.card(command));
    }

    private byte[] hostilePsam(byte[] command) {
        return random.nextInt(8) == 0 ? mutate(ScriptedCard.psam(command)) : ScriptedCard.psam(command);
    }

    private byte[] mutate(byte[] valid) {
        responses++;
        Mutation m = random.nextInt(4) == 0 ? Mutation.VALID
                : Mutation.values()[random.nextInt(Mutation.values().length)];
        used.merge(m, 1, Integer::sum);
        if (m != Mutation.VALID) {
            malformed++;
        }
        byte[] data = Arrays.copyOf(valid, valid.length - 2);
        return switch (m) {
            case VALID -> valid;
            case TRUNCATE -> Arrays.copyOf(valid, random.nextInt(valid.length));
            case APPEND -> Bytes.concat(data, randomBytes(1 + random.nextInt(40)), ok());
            case GARBAGE -> randomBytes(random.nextInt(300));
            case FLIP -> flip(valid);
            case ENDLESS_61 -> new byte[] {0x61, (byte) random.nextInt(256)};
            case LOOP_6C -> new byte[] {0x6C, (byte) random.nextInt(256)};
            case ABSURD_LENGTH -> absurdLength(data);
            case HUGE -> new byte[70_000 + random.nextInt(1000)];
            case RANDOM_SW -> Bytes.concat(data, Bytes.be(random.nextInt(0x10000), 2));
            case NULL -> null;
            case VANISH -> throw new TransportException("card vanished (fuzz)");
            case SW_ONLY -> Bytes.be(random.nextInt(0x10000), 2);
        };
    }

    private byte[] flip(byte[] valid) {
        byte[] out = valid.clone();
        for (int i = 0, n = 1 + random.nextInt(4); i < n && out.length > 2; i++) {
            out[random.nextInt(out.length - 2)] ^= (byte) (1 << random.nextInt(8));
        }
        return out;
    }

    private byte[] absurdLength(byte[] data) {
        byte[] out = data.length == 0 ? new byte[3] : data.clone();
        int at = random.nextInt(out.length);
        out[at] = (byte) (0xF0 + random.nextInt(16));
        if (at + 1 < out.length) {
            out[at + 1] = (byte) 0xFF;
        }
        return Bytes.concat(out, ok());
    }

    private byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    private static byte[] ok() {
        return new byte[] {(byte) 0x90, 0x00};
    }
}
