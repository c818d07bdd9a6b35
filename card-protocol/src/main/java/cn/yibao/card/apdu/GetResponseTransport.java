package cn.yibao.card.apdu;

import cn.yibao.card.CardError;
import cn.yibao.card.CardException;
import cn.yibao.card.Transport;
import java.io.ByteArrayOutputStream;

/**
 * A bounded GET RESPONSE decorator: follows 61xx with {@code 00 C0 00 00 xx} and answers one 6Cxx
 * by re-sending the command with Le = xx. At most {@value #MAX_ROUNDS} extra exchanges and
 * {@link ResponseApdu#MAX_LENGTH} bytes in total; beyond that a typed
 * {@link CardError#GET_RESPONSE_LOOP} or {@link CardError#RESPONSE_TOO_LONG}.
 */
public final class GetResponseTransport implements Transport {

    /** The most GET RESPONSE / re-send exchanges after one command. */
    public static final int MAX_ROUNDS = 16;

    private final Transport delegate;

    public GetResponseTransport(Transport delegate) {
        if (delegate == null) {
            throw new IllegalArgumentException("delegate required");
        }
        this.delegate = delegate;
    }

    @Override
    public byte[] transceive(byte[] command) {
        ResponseApdu r = ResponseApdu.parse(delegate.transceive(command));
        if (r.sw1() == 0x6C) {
            r = ResponseApdu.parse(delegate.transceive(withLe(command, r.sw2())));
            if (r.sw1() == 0x6C) {
                throw CardException.protocol(CardError.GET_RESPONSE_LOOP, "6Cxx twice");
            }
        }
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        append(data, r);
        int rounds = 0;
        while (r.sw1() == 0x61) {
            if (++rounds > MAX_ROUNDS) {
                throw CardException.protocol(CardError.GET_RESPONSE_LOOP, "more than " + MAX_ROUNDS + " 61xx");
            }
            byte[] getResponse = {0x00, (byte) 0xC0, 0x00, 0x00, (byte) r.sw2()};
            r = ResponseApdu.parse(delegate.transceive(getResponse));
            append(data, r);
        }
        return new ResponseApdu(data.toByteArray(), r.sw()).bytes();
    }

    private static void append(ByteArrayOutputStream out, ResponseApdu r) {
        if (out.size() + r.data().length > ResponseApdu.MAX_LENGTH - 2) {
            throw CardException.protocol(CardError.RESPONSE_TOO_LONG, "chained response beyond the bound");
        }
        out.writeBytes(r.data());
    }

    private static byte[] withLe(byte[] command, int le) {
        CommandApdu c;
        try {
            c = CommandApdu.parse(command);
        } catch (IllegalArgumentException e) {
            throw CardException.protocol(CardError.WRONG_LENGTH, "6Cxx for a command that cannot be re-sent");
        }
        return new CommandApdu(c.cla(), c.ins(), c.p1(), c.p2(), c.data(), le == 0 ? 256 : le).bytes();
    }
}
