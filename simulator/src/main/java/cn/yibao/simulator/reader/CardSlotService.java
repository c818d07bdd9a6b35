package cn.yibao.simulator.reader;

import cn.yibao.simulator.card.Persona;
import cn.yibao.simulator.card.Personas;
import cn.yibao.simulator.card.TimingModel;
import cn.yibao.simulator.card.VirtualCard;
import cn.yibao.simulator.vpcd.VirtualIcc;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What a running {@code simulator card start} (or {@code simulator sandbox}) does when asked over {@link ReaderControl}: put a
 * persona's card into the field, take it out, say what is there.
 */
public final class CardSlotService {

    private final CardSlot reader;
    private final Path cardDir;
    private final boolean timing;
    private String persona;

    /**
     * @param reader the reader whose card slot this serves
     * @param cardDir where the cards' state files live
     * @param timing whether cards delay their answers as the timing model says
     */
    public CardSlotService(CardSlot reader, Path cardDir, boolean timing) {
        this.reader = reader;
        this.cardDir = cardDir;
        this.timing = timing;
    }

    /**
     * Inserts the card of {@code personaId}, loaded from its state file (or issued new).
     *
     * @param fresh re-issue the card, discarding its history
     * @throws IllegalArgumentException for an unknown persona
     */
    public synchronized String insert(String personaId, boolean fresh) {
        Optional<Persona> found = Personas.find(personaId);
        if (found.isEmpty()) {
            throw new IllegalArgumentException("unknown persona '" + personaId + "'; see: simulator card personas");
        }
        VirtualCard card = fresh ? VirtualCard.fresh(personaId, cardDir) : new VirtualCard(personaId, cardDir);
        if (timing) {
            card.timing(TimingModel.contactless(), true);
        }
        reader.insert(card);
        persona = personaId;
        return "inserted " + personaId + " (" + card.snapshot().maskedCardNumber() + ")";
    }

    /** Takes the card out of the field. */
    public synchronized String remove() {
        if (!reader.cardInField()) {
            reader.remove();
            return "no card in the field";
        }
        reader.remove();
        return "removed " + persona;
    }

    /** @return what is in the field */
    public synchronized String status() {
        Optional<VirtualIcc> card = reader.card();
        if (card.isEmpty() || !reader.cardInField()) {
            return "no card in the field";
        }
        return "card " + persona + " in the field";
    }

    /** Answers one {@link ReaderControl} request line. */
    public String handle(String request) {
        List<String> words = List.of(request.strip().split("\\s+"));
        try {
            return "ok " + switch (words.get(0)) {
                case "insert" -> {
                    if (words.size() < 2 || words.size() > 3 || (words.size() == 3 && !words.get(2).equals("fresh"))) {
                        throw new IllegalArgumentException("usage: insert <persona> [fresh]");
                    }
                    yield insert(words.get(1), words.size() == 3);
                }
                case "remove" -> remove();
                case "status" -> status();
                default -> throw new IllegalArgumentException("unknown request '" + words.get(0) + "'");
            };
        } catch (IllegalArgumentException e) {
            return "error " + e.getMessage();
        }
    }
}
