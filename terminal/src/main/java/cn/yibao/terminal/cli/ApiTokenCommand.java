package cn.yibao.terminal.cli;

import cn.yibao.terminal.http.AccessToken;
import cn.yibao.terminal.http.ApiServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code terminal api-token}: prints the API's access token (creating it on first use). */
@Command(name = "api-token", mixinStandardHelpOptions = true,
        description = "Print the access token of the local HIS API and the console's login URL.")
final class ApiTokenCommand implements Callable<Integer> {

    @Mixin
    private DataDirOption dataDir;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "" + ApiServer.DEFAULT_PORT,
            description = "Port for the login URL (default: ${DEFAULT-VALUE}).")
    private int port;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        AccessToken token = AccessToken.loadOrCreate(dataDir.resolve(TerminalMain.APP));
        PrintWriter out = spec.commandLine().getOut();
        out.println(token.value());
        out.println("console login: " + loginUrl(port, token) + " (single use, valid "
                + AccessToken.TICKET_LIFETIME.toMinutes() + " minutes)");
        return ExitCodes.OK;
    }

    /**
     * @return a URL that logs the console in once, within {@link AccessToken#TICKET_LIFETIME}: it
     *         carries a ticket signed with {@code token}, never the token (URLs stay in shell
     *         history, service logs and the browser's history)
     */
    static String loginUrl(int port, AccessToken token) {
        return "http://127.0.0.1:" + port + "/console/login?ticket="
                + URLEncoder.encode(token.loginTicket(Clock.systemUTC()), StandardCharsets.US_ASCII);
    }
}
