package cn.yibao.terminal.cli;

import cn.yibao.terminal.http.AccessToken;
import cn.yibao.terminal.http.ApiServer;
import java.io.PrintWriter;
import java.nio.file.Path;

/**
 * What a command serving the counter prints when it is up ({@code terminal serve}, {@code simulator
 * sandbox}): the HIS API's URL, a single-use console login link and the token file (never the token).
 */
public final class ServeAnnouncement {

    private ServeAnnouncement() {
    }

    /**
     * @param dir the counter's data directory, holding the token file
     * @param counter what serves, in a few words
     */
    public static void print(PrintWriter out, ApiServer server, AccessToken token, Path dir, String counter) {
        out.println("HIS API:  " + server.baseUri() + "api/{infno}");
        out.println("console:  " + ApiTokenCommand.loginUrl(server.port(), token) + " (single use, valid "
                + AccessToken.TICKET_LIFETIME.toMinutes() + " minutes; terminal api-token prints a new one)");
        out.println("token:    " + dir.resolve(AccessToken.FILE) + " (terminal api-token prints it)");
        int operators = server.operators().list().size();
        out.println("operators: " + operators + (operators == 0
                ? " (none can log in to the console yet: terminal operator add ID --name NAME [--role supervisor])" : ""));
        out.println("counter:  " + counter);
        out.flush();
    }
}
