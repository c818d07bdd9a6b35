package cn.yibao.simulator.card;

import cn.yibao.card.Money;
import cn.yibao.card.apdu.Bytes;
import cn.yibao.card.apdu.Hex;
import cn.yibao.card.app.Accumulators;
import cn.yibao.card.app.CardIdentity;
import cn.yibao.card.app.CardState;
import cn.yibao.card.app.Holder;
import cn.yibao.card.app.InsuranceCategory;
import cn.yibao.card.app.InsuranceInfo;
import cn.yibao.card.app.InsuranceStatus;
import cn.yibao.card.app.MedicalLogRecord;
import cn.yibao.card.app.ResidentGroup;
import cn.yibao.card.crypto.Algorithm;
import cn.yibao.card.crypto.CardKeys;
import cn.yibao.card.crypto.IssuerKeys;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The virtual card's non-volatile memory ("EEPROM"): personalisation, keys, PIN, purse, accumulators,
 * the cyclic log and the proofs of the last transactions. Saved as one small properties file,
 * written atomically, so a transaction either happened entirely or not at all.
 */
final class CardImage {

    static final int LOG_CAPACITY = 30;
    static final int PROOF_CAPACITY = 8;
    static final int PIN_TRIES = 3;

    final String personaId;
    final CardIdentity identity;
    final Holder holder;
    final CardKeys keys;
    InsuranceInfo insurance;
    String pin;
    int pinTries;
    long balanceFen;
    int offlineCounter;
    int onlineCounter;
    Accumulators accumulators;
    /** Newest first. */
    final List<MedicalLogRecord> log = new ArrayList<>();
    /** Key {@code tti:seq}, value MAC ‖ TAC; insertion order, oldest evicted. */
    final Map<String, byte[]> proofs = new LinkedHashMap<>();

    private CardImage(String personaId, CardIdentity identity, Holder holder, CardKeys keys) {
        this.personaId = personaId;
        this.identity = identity;
        this.holder = holder;
        this.keys = keys;
    }

    /** Personalises a new card for a persona, with keys diversified from the issuer's test keys. */
    static CardImage personalise(Persona p) {
        byte[] serial = Bytes.bcd(p.serialDigits(), 8);
        CardIdentity id = new CardIdentity(p.cardIdCode(), '3', "2.00", LocalDate.of(2024, 1, 1),
                LocalDate.of(2034, 1, 1), p.cardNumber(), serial, p.algorithm(), 1);
        CardImage image = new CardImage(p.id(), id, new Holder(p.ssn(), p.name(), p.gender()),
                IssuerKeys.test(p.algorithm()).forCard(serial));
        image.insurance = new InsuranceInfo(p.category(), p.group(), p.retired(), p.civilServant(), p.status(),
                p.state(), Persona.REGION, p.hasAccount());
        image.pin = Persona.DEFAULT_PIN;
        image.pinTries = p.pinTries();
        image.balanceFen = p.balance().fen();
        image.accumulators = p.accumulators();
        return image;
    }

    void addLog(MedicalLogRecord record) {
        log.add(0, record);
        while (log.size() > LOG_CAPACITY) {
            log.remove(log.size() - 1);
        }
    }

    void addProof(int tti, int seq, byte[] macAndTac) {
        proofs.put(tti + ":" + seq, macAndTac.clone());
        while (proofs.size() > PROOF_CAPACITY) {
            proofs.remove(proofs.keySet().iterator().next());
        }
    }

    byte[] proof(int tti, int seq) {
        byte[] p = proofs.get(tti + ":" + seq);
        return p == null ? null : p.clone();
    }

    // ---- persistence --------------------------------------------------------------------------

    void save(Path file, boolean durable) {
        Properties p = new Properties();
        p.setProperty("persona", personaId);
        p.setProperty("cardIdCode", identity.cardIdCode());
        p.setProperty("cardNumber", identity.cardNumber());
        p.setProperty("serial", identity.serialHex());
        p.setProperty("algorithm", identity.algorithm().name());
        p.setProperty("ssn", holder.ssn());
        p.setProperty("name", holder.name());
        p.setProperty("gender", String.valueOf(holder.gender()));
        p.setProperty("keys", Hex.of(Bytes.concat(keys.dpk(), keys.dlk(), keys.dtk(), keys.rk())));
        InsuranceInfo i = insurance;
        p.setProperty("insurance", String.join(",", i.category().name(), i.residentGroup().name(),
                String.valueOf(i.retired()), String.valueOf(i.civilServant()), statusName(i.status()),
                i.cardState().name(), i.region(), String.valueOf(i.hasAccount())));
        p.setProperty("pin", pin);
        p.setProperty("pinTries", Integer.toString(pinTries));
        p.setProperty("balance", Long.toString(balanceFen));
        p.setProperty("offlineCounter", Integer.toString(offlineCounter));
        p.setProperty("onlineCounter", Integer.toString(onlineCounter));
        Accumulators a = accumulators;
        p.setProperty("accumulators", a.year() + "," + a.ytdBase().fen() + "," + a.ytdOver().fen() + ","
                + a.ytdOutpatient().fen());
        for (int n = 0; n < log.size(); n++) {
            p.setProperty("log." + n, Hex.of(log.get(n).encode()));
        }
        int n = 0;
        for (Map.Entry<String, byte[]> e : proofs.entrySet()) {
            p.setProperty("proof." + n++, e.getKey() + "=" + Hex.of(e.getValue()));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            p.store(out, "virtual medical-insurance card (simulator); test keys only");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        AtomicFiles.write(file, out.toByteArray(), durable);
    }

    /**
     * @throws UncheckedIOException if the file cannot be read
     * @throws IllegalStateException if it is not a card file (the message names the file)
     */
    static CardImage load(Path file) {
        Properties p = new Properties();
        try {
            p.load(new StringReader(Files.readString(file, StandardCharsets.ISO_8859_1)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        try {
            return parse(p);
        } catch (RuntimeException e) {
            throw new IllegalStateException("corrupt card file " + file + ": " + e.getMessage(), e);
        }
    }

    /** The card file spells a paid-up status {@code ACTIVE}, as it has since the first card images. */
    private static final String PAID_UP_IN_FILE = "ACTIVE";

    private static String statusName(InsuranceStatus status) {
        return status == InsuranceStatus.NORMAL ? PAID_UP_IN_FILE : status.name();
    }

    private static InsuranceStatus status(String name) {
        return name.equals(PAID_UP_IN_FILE) ? InsuranceStatus.NORMAL : InsuranceStatus.valueOf(name);
    }

    private static CardImage parse(Properties p) {
        Persona persona = Personas.byId(p.getProperty("persona"));
        Algorithm alg = Algorithm.valueOf(p.getProperty("algorithm"));
        byte[] k = Hex.parse(p.getProperty("keys"));
        CardIdentity id = new CardIdentity(p.getProperty("cardIdCode"), '3', "2.00", LocalDate.of(2024, 1, 1),
                LocalDate.of(2034, 1, 1), p.getProperty("cardNumber"), Hex.parse(p.getProperty("serial")), alg, 1);
        CardImage image = new CardImage(persona.id(), id,
                new Holder(p.getProperty("ssn"), p.getProperty("name"), p.getProperty("gender").charAt(0)),
                new CardKeys(alg, Bytes.slice(k, 0, 16), Bytes.slice(k, 16, 16), Bytes.slice(k, 32, 16),
                        Bytes.slice(k, 48, 16)));
        String[] i = p.getProperty("insurance").split(",");
        image.insurance = new InsuranceInfo(InsuranceCategory.valueOf(i[0]), ResidentGroup.valueOf(i[1]),
                Boolean.parseBoolean(i[2]), Boolean.parseBoolean(i[3]), status(i[4]),
                CardState.valueOf(i[5]), i[6], Boolean.parseBoolean(i[7]));
        image.pin = p.getProperty("pin");
        image.pinTries = Integer.parseInt(p.getProperty("pinTries"));
        image.balanceFen = Long.parseLong(p.getProperty("balance"));
        image.offlineCounter = Integer.parseInt(p.getProperty("offlineCounter"));
        image.onlineCounter = Integer.parseInt(p.getProperty("onlineCounter"));
        String[] a = p.getProperty("accumulators").split(",");
        image.accumulators = new Accumulators(Integer.parseInt(a[0]), Money.ofFen(Long.parseLong(a[1])),
                Money.ofFen(Long.parseLong(a[2])), Money.ofFen(Long.parseLong(a[3])));
        for (int n = 0; p.getProperty("log." + n) != null; n++) {
            image.log.add(MedicalLogRecord.parse(Hex.parse(p.getProperty("log." + n))));
        }
        for (int n = 0; p.getProperty("proof." + n) != null; n++) {
            String[] kv = p.getProperty("proof." + n).split("=");
            image.proofs.put(kv[0], Hex.parse(kv[1]));
        }
        return image;
    }
}
