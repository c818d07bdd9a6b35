package cn.yibao.terminal.pcsc;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.TerminalFactory;

/**
 * What the PC/SC stack looks like from here: the client library in use and the readers pcscd
 * reports.
 *
 * @param library the pcsclite client library path
 * @param readers the reader names, empty when there are none or pcscd is not reachable
 * @param problem why the list is empty, or the empty string
 */
public record PcscStatus(String library, List<String> readers, String problem) {

    /** System property the JDK reads for the pcsclite library path. */
    public static final String LIBRARY_PROPERTY = "sun.security.smartcardio.library";

    /** Debian's versioned client library: the JDK's default, unversioned name is only in -dev. */
    public static final String DEBIAN_LIBRARY = "/usr/lib/x86_64-linux-gnu/libpcsclite.so.1";

    public PcscStatus {
        readers = List.copyOf(readers);
    }

    /**
     * Points the JDK at Debian's pcsclite library unless the property is already set, and turns
     * off the JDK's automatic GET RESPONSE. Must run before the first use of {@link TerminalFactory}.
     */
    public static String configureLibrary() {
        // The card protocol chains GET RESPONSE itself and must see 61xx/6Cxx: stop the JDK from
        // chasing them (read once, when the JDK's channel class loads).
        System.getProperties().putIfAbsent("sun.security.smartcardio.t0GetResponse", "false");
        System.getProperties().putIfAbsent("sun.security.smartcardio.t1GetResponse", "false");
        String configured = System.getProperty(LIBRARY_PROPERTY);
        if (configured == null && Files.exists(Path.of(DEBIAN_LIBRARY))) {
            System.setProperty(LIBRARY_PROPERTY, DEBIAN_LIBRARY);
            configured = DEBIAN_LIBRARY;
        }
        return configured == null ? "(JDK default)" : configured;
    }

    /**
     * A PC/SC terminal factory. Unlike {@link TerminalFactory#getDefault()}, which is computed once
     * per JVM and silently becomes the empty "None" factory if pcscd was not reachable at that
     * moment, this retries connecting to pcscd on every call until it succeeds once.
     *
     * @throws CardException if pcscd is not reachable or the library cannot be loaded
     */
    public static TerminalFactory factory() throws CardException {
        configureLibrary();
        try {
            return TerminalFactory.getInstance("PC/SC", null);
        } catch (java.security.NoSuchAlgorithmException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new CardException("PC/SC not available: " + cause.getMessage(), e);
        }
    }

    /** Lists the readers; never throws. */
    public static PcscStatus probe() {
        String library = configureLibrary();
        try {
            List<String> names = factory().terminals().list().stream()
                    .map(CardTerminal::getName).toList();
            return new PcscStatus(library, names, names.isEmpty() ? "no readers" : "");
        } catch (CardException e) {
            // WORKAROUND: javax.smartcardio throws instead of returning an empty list when pcscd
            // has no readers (SCARD_E_NO_READERS_AVAILABLE) or is not running.
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return new PcscStatus(library, List.of(), cause.getMessage());
        } catch (RuntimeException e) {
            return new PcscStatus(library, List.of(), e.toString());
        }
    }
}
