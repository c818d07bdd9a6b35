package cn.yibao.simulator.card;

import static cn.yibao.simulator.card.Replies.ok;
import static cn.yibao.simulator.card.Replies.sw;

import cn.yibao.card.apdu.Bytes;
import cn.yibao.card.apdu.CommandApdu;
import cn.yibao.card.apdu.StatusWord;
import cn.yibao.card.app.CardCommands;
import cn.yibao.card.app.MedicalData;
import cn.yibao.card.app.SelectAnswer;
import cn.yibao.card.crypto.PurseCrypto;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Optional;

/**
 * A contactless medical-insurance card (SSSE + DF04 + personal-account purse) as documented in
 * docs/card-application.md, persisted to {@code <dir>/card-<persona>.properties} after every state
 * change (atomically), so it survives power cycles and simulator restarts.
 *
 * <p>Optional (see {@link VirtualChip}): a {@link TimingModel} (modelled time, optionally real
 * delay) and {@link Tear} injection, which throws {@link CardVanishedException} from
 * {@link #process(byte[])}.
 */
public final class VirtualCard extends VirtualChip {

    private static final byte[] ATR = buildAtr();

    private final SecureRandom random = new SecureRandom();
    private final Path file;
    private final CardImage image;
    private final PurseEngine purse;
    private boolean selected;
    private byte[] challenge;
    private boolean authenticated;
    private boolean pinVerified;
    private int work;
    private int writes;
    private volatile boolean durable = true;

    /**
     * Opens the card of a persona in {@code dataDir}: loads its file, or personalises a new card and
     * writes it.
     *
     * @throws IllegalArgumentException for an unknown persona
     */
    public VirtualCard(String personaId, Path dataDir) {
        Persona persona = Personas.byId(personaId);
        this.file = dataDir.resolve("card-" + persona.id() + ".properties");
        this.image = Files.exists(file) ? CardImage.load(file) : CardImage.personalise(persona);
        this.purse = new PurseEngine(image, this::persist);
        if (!Files.exists(file)) {
            persist();
        }
    }

    /** Re-personalises the persona's card in {@code dataDir}, discarding its history. */
    public static VirtualCard fresh(String personaId, Path dataDir) {
        CardImage.personalise(Personas.byId(personaId)).save(dataDir.resolve("card-" + personaId + ".properties"), true);
        return new VirtualCard(personaId, dataDir);
    }

    @Override
    public byte[] atr() {
        return ATR.clone();
    }

    @Override
    public synchronized void powerOn() {
        clearVolatile();
    }

    @Override
    public synchronized void powerOff() {
        clearVolatile();
    }

    @Override
    public synchronized void reset() {
        clearVolatile();
    }

    @Override
    public synchronized byte[] process(byte[] command) {
        Tear.Phase tear = clock.onCommand();
        if (tear == Tear.Phase.BEFORE_ACTING) {
            vanish("before acting");
        }
        work = 0;
        writes = 0;
        purse.takeWork();
        byte[] response;
        try {
            response = dispatch(CommandApdu.parse(command));
        } catch (IllegalArgumentException e) {
            response = sw(StatusWord.WRONG_LENGTH);
        }
        if (Replies.sw(response) != StatusWord.OK) {
            purse.idle();
        }
        Work purseWork = purse.takeWork();
        if (tear == Tear.Phase.AFTER_ACTING) {
            vanish("after acting");
        }
        // the purse counts its own EEPROM pages; its one image write is not counted twice
        int pages = purseWork.eepromWrites() > 0 ? purseWork.eepromWrites() : writes;
        clock.account(command.length, response.length, new Work(purseWork.cryptoOps() + work, pages));
        return response;
    }

    private byte[] dispatch(CommandApdu c) {
        if (c.cla() != 0x00 && c.cla() != 0x80) {
            return sw(StatusWord.CLA_NOT_SUPPORTED);
        }
        if (c.ins() == CardCommands.SELECT) {
            return select(c);
        }
        byte[] lastChallenge = challenge;
        challenge = null;
        if (!selected) {
            return sw(StatusWord.CONDITIONS_NOT_SATISFIED);
        }
        return switch (c.ins()) {
            case CardCommands.GET_CHALLENGE -> newChallenge(c);
            case CardCommands.EXTERNAL_AUTHENTICATE -> externalAuthenticate(c, lastChallenge);
            case CardCommands.VERIFY -> verify(c.data());
            case CardCommands.CHANGE_PIN -> changePin(c.data());
            case CardCommands.READ_MEDICAL -> readMedical(c);
            case CardCommands.READ_RECORD -> readLog(c);
            case CardCommands.INITIALIZE -> initialize(c);
            case CardCommands.DEBIT -> purse.debit(c);
            case CardCommands.CREDIT -> purse.credit(c);
            case CardCommands.GET_PROVE -> purse.prove(c);
            default -> sw(StatusWord.INS_NOT_SUPPORTED);
        };
    }

    private byte[] select(CommandApdu c) {
        if (c.p1() != 0x04) {
            return sw(StatusWord.WRONG_P1P2);
        }
        if (!Arrays.equals(c.data(), SelectAnswer.ssseAid())) {
            return sw(StatusWord.FILE_NOT_FOUND);
        }
        clearVolatile();
        selected = true;
        challenge = new byte[8];
        random.nextBytes(challenge);
        return ok(new SelectAnswer(image.identity, image.holder, challenge, image.offlineCounter,
                image.onlineCounter).encode());
    }

    private byte[] newChallenge(CommandApdu c) {
        if (c.le() != 8) {
            return sw(StatusWord.WRONG_LENGTH);
        }
        challenge = new byte[8];
        random.nextBytes(challenge);
        return ok(challenge);
    }

    /** The challenge is valid for the command right after SELECT or GET CHALLENGE only. */
    private byte[] externalAuthenticate(CommandApdu c, byte[] expected) {
        if (c.p2() != CardCommands.KEY_RK1DF04) {
            return sw(0x6A88);
        }
        if (c.lc() != 8) {
            return sw(StatusWord.WRONG_LENGTH);
        }
        if (expected == null) {
            return sw(StatusWord.REFERENCE_DATA_INVALID);
        }
        work++;
        authenticated = PurseCrypto.same(
                PurseCrypto.externalAuthCryptogram(image.keys.algorithm(), image.keys.rk(), expected), c.data());
        return authenticated ? sw(StatusWord.OK) : sw(StatusWord.AUTH_FAILED);
    }

    private byte[] verify(byte[] pinBlock) {
        if (image.pinTries == 0) {
            return sw(StatusWord.BLOCKED);
        }
        if (pinBlock.length < 2 || pinBlock.length > 6) {
            return sw(StatusWord.WRONG_LENGTH);
        }
        // a real card decrements the try counter before comparing and restores it after: 2 pages
        writes += 2;
        if (Arrays.equals(pinBlock, Bytes.bcd(image.pin, (image.pin.length() + 1) / 2))) {
            pinVerified = true;
            if (image.pinTries != CardImage.PIN_TRIES) {
                image.pinTries = CardImage.PIN_TRIES;
                persist();
            }
            return sw(StatusWord.OK);
        }
        pinVerified = false;
        image.pinTries--;
        persist();
        return sw(StatusWord.pinWrong(image.pinTries));
    }

    private byte[] changePin(byte[] data) {
        int sep = -1;
        for (int i = 0; i < data.length; i++) {
            if (data[i] == (byte) 0xFF) {
                sep = i;
                break;
            }
        }
        if (sep < 2 || data.length - sep - 1 < 2 || data.length - sep - 1 > 6) {
            return sw(StatusWord.WRONG_DATA);
        }
        byte[] answer = verify(Arrays.copyOf(data, sep));
        if (Replies.sw(answer) != StatusWord.OK) {
            return answer;
        }
        String newPin;
        try {
            newPin = Bytes.unbcd(Arrays.copyOfRange(data, sep + 1, data.length));
        } catch (RuntimeException e) {
            return sw(StatusWord.WRONG_DATA);
        }
        if (newPin.length() < 4) {
            return sw(StatusWord.WRONG_DATA);
        }
        image.pin = newPin;
        persist();
        return sw(StatusWord.OK);
    }

    private byte[] readMedical(CommandApdu c) {
        if (c.p1() != 0 || c.p2() > 1) {
            return sw(StatusWord.WRONG_P1P2);
        }
        boolean withAccumulators = c.p2() == 1;
        if (!authenticated || (withAccumulators && !pinVerified)) {
            return sw(StatusWord.SECURITY_NOT_SATISFIED);
        }
        return ok(new MedicalData(image.insurance, new cn.yibao.card.app.PurseInfo(
                cn.yibao.card.Money.ofFen(image.balanceFen), image.offlineCounter, image.onlineCounter),
                image.pinTries, withAccumulators ? Optional.of(image.accumulators) : Optional.empty()).encode());
    }

    private byte[] readLog(CommandApdu c) {
        if (c.p2() != (CardCommands.SFI_LOG << 3 | 0x04)) {
            return sw(StatusWord.FILE_NOT_FOUND);
        }
        if (!pinVerified) {
            return sw(StatusWord.SECURITY_NOT_SATISFIED);
        }
        if (c.p1() < 1 || c.p1() > image.log.size()) {
            return sw(StatusWord.RECORD_NOT_FOUND);
        }
        return ok(image.log.get(c.p1() - 1).encode());
    }

    private byte[] initialize(CommandApdu c) {
        if (c.p2() != 0x02 || (c.p1() != 0x00 && c.p1() != 0x01)) {
            return sw(StatusWord.WRONG_P1P2);
        }
        if (c.p1() == 0x01 && image.pinTries == 0) {
            return sw(StatusWord.BLOCKED);
        }
        if (c.p1() == 0x01 && !pinVerified) {
            return sw(StatusWord.SECURITY_NOT_SATISFIED);
        }
        return purse.initialize(c);
    }

    // ---- inspection ----------------------------------------------------------------------------

    /** @return the persisted state */
    public synchronized CardSnapshot snapshot() {
        return CardSnapshot.of(image);
    }

    /**
     * With {@code true} (the default) every state change is fsynced (file and directory) before
     * the card answers; with {@code false} it is still replaced atomically but not fsynced, which
     * survives a simulator crash but not an operating-system crash. For benchmarks of the
     * terminal side.
     */
    public void durable(boolean fsync) {
        this.durable = fsync;
    }

    /** @return the file the card lives in */
    public Path file() {
        return file;
    }

    private void vanish(String when) {
        clearVolatile();
        throw new CardVanishedException("card left the field " + when);
    }

    private void clearVolatile() {
        selected = false;
        challenge = null;
        authenticated = false;
        pinVerified = false;
        purse.idle();
    }

    private void persist() {
        writes++;
        image.save(file, durable);
    }

    private static byte[] buildAtr() {
        // ISO 14443-4 type B card as PC/SC part 3 builds it: 3B 88 80 01, 4 application bytes,
        // 3 protocol-info bytes, TCK
        byte[] atr = Bytes.concat(new byte[] {0x3B, (byte) 0x88, (byte) 0x80, 0x01}, "YBSS".getBytes(
                java.nio.charset.StandardCharsets.US_ASCII), new byte[] {0x00, (byte) 0x81, 0x71, 0x00});
        byte tck = 0;
        for (int i = 1; i < atr.length - 1; i++) {
            tck ^= atr[i];
        }
        atr[atr.length - 1] = tck;
        return atr;
    }
}
