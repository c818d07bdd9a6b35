package cn.yibao.simulator.cli;

import cn.yibao.simulator.reader.ReaderControl;
import cn.yibao.terminal.cli.BadInputException;
import java.io.IOException;
import java.nio.file.Path;

/** Sends one request to the running {@code simulator card start} of a data directory. */
final class ReaderClient {

    private ReaderClient() {
    }

    /**
     * @return the answer's text after {@code ok }
     * @throws BadInputException for an {@code error} answer
     * @throws IllegalStateException if no card reader runs for this data directory
     */
    static String request(Path dataDir, String request) {
        String answer;
        try {
            answer = ReaderControl.send(dataDir, request);
        } catch (IOException e) {
            throw new IllegalStateException("no simulator card reader runs with data directory " + dataDir
                    + " (start one: simulator card start, or simulator sandbox)", e);
        }
        if (answer.startsWith("ok ")) {
            return answer.substring(3);
        }
        throw new BadInputException(answer.startsWith("error ") ? answer.substring(6) : "unexpected answer: " + answer);
    }
}
