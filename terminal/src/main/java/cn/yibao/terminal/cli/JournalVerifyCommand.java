package cn.yibao.terminal.cli;

import cn.yibao.hostlink.tls.CertificateAuthority;
import cn.yibao.hostlink.tls.Pem;
import cn.yibao.terminal.audit.AuditReport;
import cn.yibao.terminal.audit.AuditFinding;
import cn.yibao.terminal.audit.JournalAudit;
import cn.yibao.terminal.counter.host.HostConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.sql.SQLException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code terminal journal verify}: an auditor's read-only check of a journal file — certificate,
 * signatures, chain, and committed transactions against signed records ({@link JournalAudit}).
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Check a journal read-only: the signing certificate is the host CA's, every signed record"
                + " is intact and signed by it, the records form one unbroken chain, and every committed"
                + " transaction has its record.",
            "Exit 0 when all holds, 1 when anything does not (each problem is listed)."})
final class JournalVerifyCommand implements Callable<Integer> {

    @Mixin
    private DataDirOption dataDir;

    @Option(names = "--journal", paramLabel = "FILE",
            description = "The journal file (default: journal.db in the data directory), e.g. a copy taken for audit.")
    private Path journal;

    @Option(names = "--certificate", paramLabel = "FILE",
            description = "The terminal's record-signing certificate (default: host-link/sign.crt in the data directory).")
    private Path certificate;

    @Option(names = "--ca", paramLabel = "FILE",
            description = "The host's CA certificate (default: host-link/ca.crt; better: the one obtained from the host).")
    private Path ca;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws SQLException {
        Path dir = dataDir.resolve(TerminalMain.APP);
        Path keys = HostConfig.keyDir(dir);
        Path file = journal != null ? journal : dir.resolve("journal.db");
        X509Certificate signing = read(certificate != null ? certificate : keys.resolve("sign.crt"), "--certificate");
        X509Certificate authority = read(ca != null ? ca : keys.resolve(CertificateAuthority.CA_CERT), "--ca");
        AuditReport report;
        try {
            report = JournalAudit.run(file, signing, authority);
        } catch (NoSuchFileException e) {
            throw new BadInputException("--journal: no journal at " + file, e);
        }
        print(spec.commandLine().getOut(), file, signing, report);
        return report.clean() ? ExitCodes.OK : ExitCodes.FAILURE;
    }

    private static X509Certificate read(Path file, String option) {
        try {
            return Pem.readCertificate(file);
        } catch (IOException | RuntimeException e) {
            throw new BadInputException(option + ": no certificate readable at " + file
                    + " (is the terminal enrolled? see 'terminal enrol')", e);
        }
    }

    private static void print(PrintWriter out, Path file, X509Certificate signing, AuditReport r) {
        out.println("journal " + file);
        out.println("terminal " + r.terminalId() + ", signing certificate serial "
                + signing.getSerialNumber().toString(16) + ", issued by " + signing.getIssuerX500Principal());
        out.println("records: " + r.records() + (r.records() == 0 ? "" : " (seq 1.." + r.lastSeq() + ")")
                + ", acknowledged by the host up to " + r.ackedSeq());
        StringBuilder states = new StringBuilder();
        r.states().forEach((state, n) -> states.append(states.length() == 0 ? "" : ", ").append(state).append(' ').append(n));
        out.println("transactions: " + (states.length() == 0 ? "none" : states));
        out.println("problems: " + r.problems());
        for (AuditFinding f : r.findings()) {
            out.println("  " + f);
        }
        if (r.problems() > r.findings().size()) {
            out.println("  … and " + (r.problems() - r.findings().size()) + " more");
        }
        out.println(r.clean() ? "result: OK (every record intact and signed by this terminal, one unbroken chain,"
                + " every settlement recorded)" : "result: FAILED");
        out.flush();
    }
}
