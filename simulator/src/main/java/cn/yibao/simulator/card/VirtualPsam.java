package cn.yibao.simulator.card;

import static cn.yibao.simulator.card.Replies.ok;
import static cn.yibao.simulator.card.Replies.sw;

import cn.yibao.card.Money;
import cn.yibao.card.apdu.Bytes;
import cn.yibao.card.apdu.CommandApdu;
import cn.yibao.card.apdu.StatusWord;
import cn.yibao.card.app.CardCommands;
import cn.yibao.card.app.Fields;
import cn.yibao.card.app.PsamCommands;
import cn.yibao.card.app.PurseMacs;
import cn.yibao.card.crypto.Algorithm;
import cn.yibao.card.crypto.IssuerKeys;
import cn.yibao.card.crypto.PurseCrypto;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.EnumMap;
import java.util.Map;

/**
 * A PSAM (contact slot) holding the issuer's test master keys for 3DES and SM4: it reads out its
 * terminal id, computes EXTERNAL AUTHENTICATE cryptograms, MAC1 (INIT SAM FOR PURCHASE) and verifies
 * MAC2. Its terminal transaction sequence survives restarts: it is reserved in blocks of
 * {@value #SEQ_BLOCK} in {@code <dir>/psam-<terminal id>.properties} (fsynced), so a restart skips
 * to the next block and a sequence number is never issued twice.
 */
public final class VirtualPsam extends VirtualChip {

    /** The terminal id of the default PSAM: region 220100, terminal 000001. */
    public static final String DEFAULT_TERMINAL_ID = "220100000001";

    /** Terminal sequence numbers reserved per write of the PSAM file. */
    public static final int SEQ_BLOCK = 256;

    private static final byte[] ATR = Bytes.concat(new byte[] {0x3B, 0x69, 0x00, 0x00},
            "YBPSAM001".getBytes(StandardCharsets.US_ASCII));

    private final Path file;
    private final String terminalId;
    private final Map<Algorithm, IssuerKeys> keys = new EnumMap<>(Algorithm.class);
    private long terminalSeq;
    private long reservedUpTo;
    private Algorithm sessionAlg;
    private byte[] sessionKey;
    private Money sessionAmount;
    private int work;
    private int writes;

    /** The default PSAM (terminal {@value #DEFAULT_TERMINAL_ID}, test keys) persisted in {@code dataDir}. */
    public VirtualPsam(Path dataDir) {
        this(dataDir, DEFAULT_TERMINAL_ID);
    }

    /** A PSAM with the given 12-digit terminal id and the issuer's test keys. */
    public VirtualPsam(Path dataDir, String terminalId) {
        if (terminalId == null || !terminalId.matches("\\d{12}")) {
            throw new IllegalArgumentException("terminal id must be 12 digits");
        }
        this.terminalId = terminalId;
        this.file = dataDir.resolve("psam-" + terminalId + ".properties");
        for (Algorithm a : Algorithm.values()) {
            keys.put(a, IssuerKeys.test(a));
        }
        try {
            reservedUpTo = Files.exists(file) ? Long.parseLong(Files.readString(file, StandardCharsets.US_ASCII)
                    .replaceAll("\\D", "")) : 0;
            terminalSeq = reservedUpTo;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public byte[] atr() {
        return ATR.clone();
    }

    @Override
    public synchronized void powerOn() {
        sessionKey = null;
    }

    @Override
    public synchronized void powerOff() {
        sessionKey = null;
    }

    @Override
    public synchronized void reset() {
        sessionKey = null;
    }

    @Override
    public synchronized byte[] process(byte[] command) {
        Tear.Phase tear = clock.onCommand();
        if (tear == Tear.Phase.BEFORE_ACTING) {
            sessionKey = null;
            throw new CardVanishedException("PSAM removed before acting");
        }
        work = 0;
        writes = 0;
        byte[] response;
        try {
            response = dispatch(CommandApdu.parse(command));
        } catch (IllegalArgumentException e) {
            response = sw(StatusWord.WRONG_LENGTH);
        }
        if (tear == Tear.Phase.AFTER_ACTING) {
            sessionKey = null;
            throw new CardVanishedException("PSAM removed after acting");
        }
        clock.account(command.length, response.length, new ChipWork(work, writes));
        return response;
    }

    private byte[] dispatch(CommandApdu c) {
        return switch (c.ins()) {
            case PsamCommands.READ_BINARY -> c.p1() == (0x80 | PsamCommands.SFI_TERMINAL_ID)
                    ? ok(Bytes.bcd(terminalId, 6)) : sw(StatusWord.FILE_NOT_FOUND);
            case PsamCommands.AUTH_CRYPTOGRAM -> authCryptogram(c);
            case PsamCommands.INIT_SAM_PURCHASE -> mac1(c);
            case PsamCommands.VERIFY_MAC2 -> verifyMac2(c);
            default -> sw(StatusWord.INS_NOT_SUPPORTED);
        };
    }

    private byte[] authCryptogram(CommandApdu c) {
        byte[] d = c.data();
        if (d.length != 16) {
            return sw(StatusWord.WRONG_LENGTH);
        }
        IssuerKeys k = keysFor(c.p1());
        if (k == null || c.p2() != CardCommands.KEY_RK1DF04) {
            return sw(StatusWord.KEY_INDEX_UNSUPPORTED);
        }
        work += 3;
        byte[] rk = PurseCrypto.diversify(k.algorithm(), k.mrk(), Bytes.slice(d, 0, 8));
        return ok(PurseCrypto.externalAuthCryptogram(k.algorithm(), rk, Bytes.slice(d, 8, 8)));
    }

    private byte[] mac1(CommandApdu c) {
        byte[] d = c.data();
        if (d.length != 0x1C && d.length != 0x1C + 23) {
            return sw(StatusWord.WRONG_LENGTH);
        }
        IssuerKeys k = keysFor(d[19] & 0xFF);
        if (k == null || (d[10] & 0xFF) != CardCommands.TTI_PURCHASE) {
            return sw(StatusWord.KEY_INDEX_UNSUPPORTED);
        }
        LocalDateTime time;
        try {
            time = Fields.dateTime(Bytes.slice(d, 11, 7));
        } catch (RuntimeException e) {
            return sw(StatusWord.WRONG_DATA);
        }
        Money amount = Fields.amount(d, 6);
        byte[] dpk = PurseCrypto.diversify(k.algorithm(), k.mpk(), Bytes.slice(d, 20, 8));
        terminalSeq++;
        if (terminalSeq > reservedUpTo) {
            reservedUpTo = terminalSeq + SEQ_BLOCK - 1;
            AtomicFiles.write(file, ("reservedUpTo=" + reservedUpTo + "\n").getBytes(StandardCharsets.US_ASCII), true);
        }
        writes++;
        sessionAlg = k.algorithm();
        sessionKey = PurseCrypto.purchaseSessionKey(sessionAlg, dpk, Bytes.slice(d, 0, 4),
                (int) Bytes.be(d, 4, 2), terminalSeq);
        sessionAmount = amount;
        work += 4;
        byte[] ext = Bytes.slice(d, 0x1C, d.length - 0x1C);
        byte[] mac1 = PurseCrypto.mac(sessionAlg, sessionKey,
                PurseMacs.purchaseMac1(amount, Bytes.bcd(terminalId, 6), time, ext));
        return ok(Bytes.concat(Bytes.be(terminalSeq, 4), mac1));
    }

    private byte[] verifyMac2(CommandApdu c) {
        if (c.lc() != 4) {
            return sw(StatusWord.WRONG_LENGTH);
        }
        if (sessionKey == null) {
            return sw(StatusWord.CONDITIONS_NOT_SATISFIED);
        }
        work++;
        byte[] expected = PurseCrypto.mac(sessionAlg, sessionKey, PurseMacs.purchaseMac2(sessionAmount));
        return PurseCrypto.same(expected, c.data()) ? sw(StatusWord.OK) : sw(StatusWord.MAC_INVALID);
    }

    private IssuerKeys keysFor(int algId) {
        for (Algorithm a : Algorithm.values()) {
            if (a.id() == algId) {
                return keys.get(a);
            }
        }
        return null;
    }

    // ---- inspection ----------------------------------------------------------------------------

    /** @return the terminal id */
    public String terminalId() {
        return terminalId;
    }

    /** @return the last terminal transaction sequence issued */
    public synchronized long terminalSeq() {
        return terminalSeq;
    }
}
