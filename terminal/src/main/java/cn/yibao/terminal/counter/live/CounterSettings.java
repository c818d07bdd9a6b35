package cn.yibao.terminal.counter.live;

import cn.yibao.terminal.policy.InstitutionLevel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Properties;

/**
 * The counter's local settings, from {@code counter.properties} in the data directory (each key
 * optional):
 *
 * <ul>
 *   <li>{@code institution_level}: the level this terminal's institution settles outpatient visits
 *       and stays as — PROVINCIAL, MUNICIPAL (default), DISTRICT or REHAB;
 *   <li>{@code card_list_refresh_seconds}: how often the lost and blacklist lists are refreshed
 *       from the host while the link is up, besides after each sign-in — 1 to 3600, default 60;
 *   <li>{@code pharmacy_name}: the pharmacy's name at the head of every receipt (UTF-8, at most
 *       {@value #MAX_PHARMACY_NAME} characters), default {@value #DEFAULT_PHARMACY_NAME}.
 * </ul>
 *
 * @param institutionLevel the institution's level
 * @param cardListEvery    the card lists' refresh interval
 */
public record CounterSettings(InstitutionLevel institutionLevel, Duration cardListEvery) {

    /** The file's name in the data directory. */
    public static final String FILE = "counter.properties";
    /** The defaults: MUNICIPAL, every 60 seconds. */
    public static final CounterSettings DEFAULTS = new CounterSettings(InstitutionLevel.MUNICIPAL, Duration.ofSeconds(60));

    /** The receipt's head when {@code pharmacy_name} is not set. */
    public static final String DEFAULT_PHARMACY_NAME = "定点零售药店";
    /** Longest pharmacy name. */
    public static final int MAX_PHARMACY_NAME = 40;

    public CounterSettings {
        Objects.requireNonNull(institutionLevel, "institutionLevel");
        if (cardListEvery.compareTo(Duration.ofSeconds(1)) < 0 || cardListEvery.compareTo(Duration.ofHours(1)) > 0) {
            throw new IllegalArgumentException("card list refresh must be 1 s .. 1 h");
        }
    }

    /**
     * @return the settings in {@code dataDir}, the defaults where a key (or the file) is absent
     * @throws IOException when the file cannot be read or a value is not one the key takes (naming both)
     */
    public static CounterSettings read(Path dataDir) throws IOException {
        Path file = dataDir.resolve(FILE);
        if (!Files.exists(file)) {
            return DEFAULTS;
        }
        Properties p = new Properties();
        try (var in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        }
        String level = p.getProperty("institution_level", DEFAULTS.institutionLevel().name()).trim();
        String every = p.getProperty("card_list_refresh_seconds", "" + DEFAULTS.cardListEvery().toSeconds()).trim();
        try {
            return new CounterSettings(InstitutionLevel.valueOf(level), Duration.ofSeconds(Long.parseLong(every)));
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": institution_level must be one of PROVINCIAL, MUNICIPAL, DISTRICT, REHAB"
                    + " (is " + level + ") and card_list_refresh_seconds 1 to 3600 (is " + every + ")", e);
        }
    }

    /**
     * @return the pharmacy's name for receipts ({@code pharmacy_name} in {@value #FILE}), else
     *     {@value #DEFAULT_PHARMACY_NAME}
     * @throws IOException when the file cannot be read or the name is too long or holds control characters
     */
    public static String pharmacyName(Path dataDir) throws IOException {
        Path file = dataDir.resolve(FILE);
        if (!Files.exists(file)) {
            return DEFAULT_PHARMACY_NAME;
        }
        Properties p = new Properties();
        try (var in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        }
        String name = p.getProperty("pharmacy_name", "").strip();
        if (name.length() > MAX_PHARMACY_NAME || name.chars().anyMatch(Character::isISOControl)) {
            throw new IOException(file + ": pharmacy_name must be at most " + MAX_PHARMACY_NAME
                    + " printable characters");
        }
        return name.isEmpty() ? DEFAULT_PHARMACY_NAME : name;
    }
}
