package cn.yibao.simulator.card;

import static cn.yibao.simulator.card.Replies.ok;
import static cn.yibao.simulator.card.Replies.sw;

import cn.yibao.card.apdu.Bytes;
import cn.yibao.card.apdu.CommandApdu;
import cn.yibao.card.apdu.StatusWord;
import cn.yibao.card.app.CardCommands;
import cn.yibao.card.app.MedicalData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A contactless medical-insurance card (SSSE + DF04 + personal-account purse) as documented in
 * docs/card-application.md, persisted to {@code <dir>/card-<persona>.properties} after every state
 * change (atomically), so it survives power cycles and simulator restarts. It dispatches the
 * commands: the access conditions and the commands that set them are {@link AccessConditions}'s,
 * the purse transactions {@link PurseEngine}'s; it reads the medical data and the log itself.
 *
 * <p>Optional (see {@link VirtualChip}): a {@link TimingModel} (modelled time, optionally real
 * delay) and {@link Tear} injection, which throws {@link CardVanishedException} from
 * {@link #process(byte[])}.
 */
public final class VirtualCard extends VirtualChip {

    private static final byte[] ATR = buildAtr();

    private final Path file;
    private final CardImage image;
    private final AccessConditions access;
    private final PurseEngine purse;
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
        this.access = new AccessConditions(image, this::persist);
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
        writes = 0;
        access.takeWork();
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
        ChipWork accessWork = access.takeWork();
        ChipWork purseWork = purse.takeWork();
        if (tear == Tear.Phase.AFTER_ACTING) {
            vanish("after acting");
        }
        // the purse counts its own EEPROM pages; its one image write is not counted twice
        int pages = purseWork.eepromWrites() > 0 ? purseWork.eepromWrites() : writes + accessWork.eepromWrites();
        clock.account(command.length, response.length,
                new ChipWork(purseWork.cryptoOps() + accessWork.cryptoOps(), pages));
        return response;
    }

    private byte[] dispatch(CommandApdu c) {
        if (c.cla() != 0x00 && c.cla() != 0x80) {
            return sw(StatusWord.CLA_NOT_SUPPORTED);
        }
        if (c.ins() == CardCommands.SELECT) {
            // a selection ends a purse transaction (a refused one too: its status word does)
            purse.idle();
            return access.select(c);
        }
        byte[] lastChallenge = access.takeChallenge();
        if (!access.selected()) {
            return sw(StatusWord.CONDITIONS_NOT_SATISFIED);
        }
        return switch (c.ins()) {
            case CardCommands.GET_CHALLENGE -> access.newChallenge(c);
            case CardCommands.EXTERNAL_AUTHENTICATE -> access.externalAuthenticate(c, lastChallenge);
            case CardCommands.VERIFY -> access.verify(c.data());
            case CardCommands.CHANGE_PIN -> access.changePin(c.data());
            case CardCommands.READ_MEDICAL -> readMedical(c);
            case CardCommands.READ_RECORD -> readLog(c);
            case CardCommands.INITIALIZE -> initialize(c);
            case CardCommands.DEBIT -> purse.debit(c);
            case CardCommands.CREDIT -> purse.credit(c);
            case CardCommands.GET_PROVE -> purse.prove(c);
            default -> sw(StatusWord.INS_NOT_SUPPORTED);
        };
    }

    private byte[] readMedical(CommandApdu c) {
        if (c.p1() != 0 || c.p2() > 1) {
            return sw(StatusWord.WRONG_P1P2);
        }
        boolean withAccumulators = c.p2() == 1;
        if (!access.authenticated() || (withAccumulators && !access.pinVerified())) {
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
        if (!access.pinVerified()) {
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
        if (c.p1() == 0x01 && !access.pinVerified()) {
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
        access.clear();
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
