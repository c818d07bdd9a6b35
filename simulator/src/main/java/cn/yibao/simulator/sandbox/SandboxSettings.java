package cn.yibao.simulator.sandbox;

import cn.yibao.hostlink.msg.BusinessZone;
import cn.yibao.simulator.card.Personas;
import cn.yibao.terminal.http.ApiServer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * How to run the sandbox.
 *
 * @param terminalDir   the counter's data directory ({@code $YIBAO_HOME/terminal}): journal, msgid
 *                      bindings, card lists, keys, {@code counter.properties}, {@code api-token}
 * @param simulatorDir  the simulators' data directory ({@code $YIBAO_HOME/simulator}): the cards and
 *                      the PSAM ({@code cards/}), the host ({@code host/}), the control socket
 * @param port          the HIS API's port on 127.0.0.1 (0: a free one)
 * @param persona       the persona whose card is on the reader at start, or null for none
 * @param fresh         start over: the journal, the msgid bindings, the card lists, the cards and
 *                      the host go (the keys, the API token and the settings stay)
 * @param timing        cards and PSAM delay their answers as the timing model says
 * @param cardWait      how long a piece of card work waits for a card in the field
 * @param clock         the counter's and the API's clock
 * @param maxBodyBytes  the largest request body the API accepts
 */
public record SandboxSettings(Path terminalDir, Path simulatorDir, int port, String persona, boolean fresh,
        boolean timing, Duration cardWait, Clock clock, int maxBodyBytes) {

    /** The default card wait, as {@code terminal serve --wait}. */
    public static final Duration CARD_WAIT = Duration.ofSeconds(10);

    public SandboxSettings {
        Objects.requireNonNull(terminalDir, "terminalDir");
        Objects.requireNonNull(simulatorDir, "simulatorDir");
        Objects.requireNonNull(clock, "clock");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535");
        }
        if (persona != null && Personas.find(persona).isEmpty()) {
            throw new IllegalArgumentException("unknown persona '" + persona + "'; see: simulator card personas");
        }
        if (cardWait == null || cardWait.isNegative() || cardWait.toSeconds() > 600) {
            throw new IllegalArgumentException("card wait must be 0..600 seconds");
        }
        if (maxBodyBytes < 1024) {
            throw new IllegalArgumentException("max body must be at least 1024 bytes");
        }
    }

    /**
     * The defaults under {@code home} ({@code home/terminal}, {@code home/simulator}): a free port,
     * the employee's card, state kept, no timing model, the system clock.
     */
    public static SandboxSettings under(Path home) {
        return new SandboxSettings(home.resolve("terminal"), home.resolve("simulator"), 0, "employee", false, false,
                CARD_WAIT, BusinessZone.clock(), ApiServer.DEFAULT_MAX_BODY);
    }

    public SandboxSettings withPort(int newPort) {
        return new SandboxSettings(terminalDir, simulatorDir, newPort, persona, fresh, timing, cardWait, clock,
                maxBodyBytes);
    }

    public SandboxSettings withPersona(String newPersona) {
        return new SandboxSettings(terminalDir, simulatorDir, port, newPersona, fresh, timing, cardWait, clock,
                maxBodyBytes);
    }

    public SandboxSettings withFresh(boolean startOver) {
        return new SandboxSettings(terminalDir, simulatorDir, port, persona, startOver, timing, cardWait, clock,
                maxBodyBytes);
    }

    public SandboxSettings withTiming(boolean timed) {
        return new SandboxSettings(terminalDir, simulatorDir, port, persona, fresh, timed, cardWait, clock,
                maxBodyBytes);
    }

    public SandboxSettings withCardWait(Duration wait) {
        return new SandboxSettings(terminalDir, simulatorDir, port, persona, fresh, timing, wait, clock, maxBodyBytes);
    }

    public SandboxSettings withClock(Clock newClock) {
        return new SandboxSettings(terminalDir, simulatorDir, port, persona, fresh, timing, cardWait, newClock,
                maxBodyBytes);
    }

    public SandboxSettings withMaxBody(int bytes) {
        return new SandboxSettings(terminalDir, simulatorDir, port, persona, fresh, timing, cardWait, clock, bytes);
    }
}
