package cn.yibao.simulator.card;

import static cn.yibao.simulator.card.Replies.ok;
import static cn.yibao.simulator.card.Replies.sw;

import cn.yibao.card.apdu.Bytes;
import cn.yibao.card.apdu.CommandApdu;
import cn.yibao.card.apdu.StatusWord;
import cn.yibao.card.app.CardCommands;
import cn.yibao.card.app.SelectAnswer;
import cn.yibao.card.crypto.PurseCrypto;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * The virtual card's access conditions and the commands that set them: SELECT of the SSSE
 * application (which also gives a challenge), GET CHALLENGE, EXTERNAL AUTHENTICATE with RK1DF04
 * (the terminal proves it holds the key), VERIFY and CHANGE PIN (the PIN and its try counter live
 * in the {@link CardImage}). The conditions are volatile: power, reset and a new SELECT clear them.
 * Not thread-safe: the card's monitor guards it, as it does the {@link PurseEngine}.
 */
final class AccessConditions {

    private final SecureRandom random = new SecureRandom();
    private final CardImage image;
    private final Runnable persist;
    private boolean selected;
    private byte[] challenge;
    private boolean authenticated;
    private boolean pinVerified;
    private int cryptoOps;
    private int pinPages;

    /** @param persist saves the image after a change of the PIN or its try counter */
    AccessConditions(CardImage image, Runnable persist) {
        this.image = image;
        this.persist = persist;
    }

    /** Forgets the selection, the challenge, the authentication and the verified PIN. */
    void clear() {
        selected = false;
        challenge = null;
        authenticated = false;
        pinVerified = false;
    }

    /** @return whether the application is selected */
    boolean selected() {
        return selected;
    }

    /** @return whether the terminal authenticated itself since the selection */
    boolean authenticated() {
        return authenticated;
    }

    /** @return whether the holder's PIN was verified since the selection */
    boolean pinVerified() {
        return pinVerified;
    }

    /**
     * @return the card's last challenge, which is forgotten: it is valid for the command right
     *         after SELECT or GET CHALLENGE only
     */
    byte[] takeChallenge() {
        byte[] last = challenge;
        challenge = null;
        return last;
    }

    /** @return the work of the commands since the last call: MAC checks, and the PIN counter's pages */
    ChipWork takeWork() {
        ChipWork w = new ChipWork(cryptoOps, pinPages);
        cryptoOps = 0;
        pinPages = 0;
        return w;
    }

    byte[] select(CommandApdu c) {
        if (c.p1() != 0x04) {
            return sw(StatusWord.WRONG_P1P2);
        }
        if (!Arrays.equals(c.data(), SelectAnswer.ssseAid())) {
            return sw(StatusWord.FILE_NOT_FOUND);
        }
        clear();
        selected = true;
        challenge = new byte[8];
        random.nextBytes(challenge);
        return ok(new SelectAnswer(image.identity, image.holder, challenge, image.offlineCounter,
                image.onlineCounter).encode());
    }

    byte[] newChallenge(CommandApdu c) {
        if (c.le() != 8) {
            return sw(StatusWord.WRONG_LENGTH);
        }
        challenge = new byte[8];
        random.nextBytes(challenge);
        return ok(challenge);
    }

    /** The challenge is valid for the command right after SELECT or GET CHALLENGE only. */
    byte[] externalAuthenticate(CommandApdu c, byte[] expected) {
        if (c.p2() != CardCommands.KEY_RK1DF04) {
            return sw(0x6A88);
        }
        if (c.lc() != 8) {
            return sw(StatusWord.WRONG_LENGTH);
        }
        if (expected == null) {
            return sw(StatusWord.REFERENCE_DATA_INVALID);
        }
        cryptoOps++;
        authenticated = PurseCrypto.same(
                PurseCrypto.externalAuthCryptogram(image.keys.algorithm(), image.keys.rk(), expected), c.data());
        return authenticated ? sw(StatusWord.OK) : sw(StatusWord.AUTH_FAILED);
    }

    byte[] verify(byte[] pinBlock) {
        if (image.pinTries == 0) {
            return sw(StatusWord.BLOCKED);
        }
        if (pinBlock.length < 2 || pinBlock.length > 6) {
            return sw(StatusWord.WRONG_LENGTH);
        }
        // a real card decrements the try counter before comparing and restores it after: 2 pages
        pinPages += 2;
        if (Arrays.equals(pinBlock, Bytes.bcd(image.pin, (image.pin.length() + 1) / 2))) {
            pinVerified = true;
            if (image.pinTries != CardImage.PIN_TRIES) {
                image.pinTries = CardImage.PIN_TRIES;
                persist.run();
            }
            return sw(StatusWord.OK);
        }
        pinVerified = false;
        image.pinTries--;
        persist.run();
        return sw(StatusWord.pinWrong(image.pinTries));
    }

    byte[] changePin(byte[] data) {
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
        persist.run();
        return sw(StatusWord.OK);
    }
}
