package cn.yibao.terminal.cli;

/** Process exit codes shared by the terminal and simulator command lines. */
public final class ExitCodes {

    /** The command did what was asked. */
    public static final int OK = 0;
    /** Anything unexpected: an I/O failure, a bug. */
    public static final int FAILURE = 1;
    /** Bad usage or bad input: unknown option, malformed request. */
    public static final int USAGE = 2;
    /** Refused by a business rule: the input was well formed but the rules say no. */
    public static final int REFUSED = 3;

    private ExitCodes() {
    }
}
