package cn.yibao.simulator.card;

import cn.yibao.card.apdu.ResponseApdu;

/** Response-building helpers of the virtual chips. */
final class Replies {

    private Replies() {
    }

    static byte[] sw(int sw) {
        return ResponseApdu.of(sw).bytes();
    }

    static byte[] ok(byte[] data) {
        return ResponseApdu.of(data, 0x9000).bytes();
    }

    static int sw(byte[] response) {
        return (response[response.length - 2] & 0xFF) << 8 | response[response.length - 1] & 0xFF;
    }
}
