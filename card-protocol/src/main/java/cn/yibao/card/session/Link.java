package cn.yibao.card.session;

import cn.yibao.card.CardError;
import cn.yibao.card.CardException;
import cn.yibao.card.Transport;
import cn.yibao.card.TransportException;
import cn.yibao.card.apdu.CommandApdu;
import cn.yibao.card.apdu.GetResponseTransport;
import cn.yibao.card.apdu.ResponseApdu;
import cn.yibao.card.apdu.StatusWord;

/**
 * One card or PSAM link: counts raw exchanges (GET RESPONSE included), follows 61xx/6Cxx within
 * bounds, and turns a lost link into a typed error.
 */
final class Link {

    private final Transport chained;
    private final CardError lost;
    private long exchanges;

    /** @param lost the error for a failed link: CARD_REMOVED for the card, PSAM_UNAVAILABLE for the PSAM */
    Link(Transport raw, CardError lost) {
        if (raw == null) {
            throw new IllegalArgumentException("transport required");
        }
        this.lost = lost;
        this.chained = new GetResponseTransport(command -> {
            exchanges++;
            return raw.transceive(command);
        });
    }

    /** Sends the command and returns the response whatever its status word. */
    ResponseApdu send(CommandApdu command, String name) {
        try {
            return ResponseApdu.parse(chained.transceive(command.bytes()));
        } catch (TransportException e) {
            throw CardException.linkLost(lost, name, e);
        }
    }

    /** Sends the command and returns the data of a 9000 response; any other status word throws. */
    byte[] require(CommandApdu command, String name) {
        return StatusWord.require(send(command, name), name).data();
    }

    long exchanges() {
        return exchanges;
    }
}
