package cn.yibao.terminal.cli;

import cn.yibao.card.Refusal;
import cn.yibao.hostlink.msg.BusinessZone;
import cn.yibao.terminal.json.FileJson;
import cn.yibao.terminal.json.InvalidInputException;
import cn.yibao.terminal.policy.PolicyPack;
import cn.yibao.terminal.policy.PolicyPackLoader;
import cn.yibao.terminal.policy.PolicyPacks;
import cn.yibao.terminal.policy.PolicyRefusal;
import cn.yibao.terminal.policy.PolicyRefusedException;
import cn.yibao.terminal.policy.PolicyTrust;
import cn.yibao.terminal.settlement.Limits;
import cn.yibao.terminal.settlement.RequestJson;
import cn.yibao.terminal.settlement.ResultJson;
import cn.yibao.terminal.settlement.SettlementEngine;
import cn.yibao.terminal.settlement.SettlementRefusedException;
import cn.yibao.terminal.settlement.SettlementRequest;
import cn.yibao.terminal.settlement.SettlementResult;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code terminal settle --request FILE [--policy FILE]}: settles one request with the engine and
 * prints the result JSON. Exit 0 settled, 2 malformed input (stderr names the field), 3 refused
 * by a rule (stdout {@code {"error":{…}}}).
 */
@Command(name = "settle", mixinStandardHelpOptions = true,
        description = "Compute the settlement split of a request (JSON) with a policy pack.")
final class SettleCommand implements Callable<Integer> {

    @Option(names = "--request", required = true, paramLabel = "FILE",
            description = "Request JSON file, or - for standard input.")
    private String request;

    @Option(names = "--policy", paramLabel = "FILE",
            description = "Policy pack file, or - for standard input (default: the bundled Changchun 2010 pack).")
    private String policy;

    @Option(names = "--policy-key", paramLabel = "FILE",
            description = "Trusted host public-key file; when given, the pack must be signed by one of them.")
    private List<Path> policyKeys = List.of();

    @Option(names = "--date", paramLabel = "yyyy-MM-dd",
            description = "Settlement date checked against the pack's effective range (default: today).")
    private LocalDate date;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        if ("-".equals(request) && "-".equals(policy)) {
            throw new BadInputException("--request and --policy cannot both read standard input");
        }
        byte[] requestBytes = read(request, "--request", Limits.MAX_REQUEST_BYTES);
        try {
            PolicyPack pack = policy == null ? PolicyPacks.changchun2010() : loadPack();
            LocalDate day = date == null ? LocalDate.now(BusinessZone.ZONE) : date;
            if (!pack.isEffectiveOn(day)) {
                throw new PolicyRefusedException(PolicyRefusal.POLICY_NOT_EFFECTIVE, pack.id() + " on " + day);
            }
            SettlementRequest parsed = parseRequest(requestBytes);
            SettlementResult result = SettlementEngine.settle(parsed, pack);
            print(ResultJson.toJson(result));
            return ExitCodes.OK;
        } catch (SettlementRefusedException e) {
            throw refused(e.refusal());
        } catch (PolicyRefusedException e) {
            throw refused(e.refusal());
        }
    }

    private SettlementRequest parseRequest(byte[] bytes) {
        try {
            return RequestJson.read(bytes);
        } catch (InvalidInputException e) {
            throw new BadInputException(e.getMessage());
        }
    }

    private PolicyPack loadPack() {
        Map<String, byte[]> keys = new HashMap<>();
        for (Path keyFile : policyKeys) {
            try {
                Map.Entry<String, byte[]> key = PolicyTrust.readKeyFile(
                        read(keyFile.toString(), "--policy-key", 4096));
                keys.put(key.getKey(), key.getValue());
            } catch (InvalidInputException e) {
                throw new BadInputException("--policy-key " + keyFile + ": " + e.getMessage());
            }
        }
        PolicyTrust trust = keys.isEmpty() ? PolicyTrust.none() : PolicyTrust.of(keys);
        try {
            return PolicyPackLoader.load(read(policy, "--policy", PolicyPackLoader.MAX_PACK_BYTES), trust);
        } catch (InvalidInputException e) {
            throw new BadInputException("--policy: " + e.getMessage());
        }
    }

    private RefusedException refused(Refusal refusal) {
        print(ResultJson.error(refusal));
        return new RefusedException(refusal);
    }

    private void print(JsonNode node) {
        boolean cjk = stdoutCharset().newEncoder().canEncode('医');
        try {
            ObjectWriter writer = FileJson.mapper().writerWithDefaultPrettyPrinter();
            String text = (cjk ? writer : writer.with(JsonWriteFeature.ESCAPE_NON_ASCII)).writeValueAsString(node);
            spec.commandLine().getOut().println(text);
            spec.commandLine().getOut().flush();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render JSON", e);
        }
    }

    /** @return the charset standard output is written in (JDK 19+ {@code stdout.encoding}, else the default) */
    private static Charset stdoutCharset() {
        String name = System.getProperty("stdout.encoding", System.getProperty("sun.stdout.encoding"));
        try {
            return name == null ? Charset.defaultCharset() : Charset.forName(name);
        } catch (IllegalArgumentException e) {
            return Charset.defaultCharset();
        }
    }

    /** Reads a file or standard input ({@code -}), refusing more than {@code max} bytes. */
    static byte[] read(String file, String option, int max) {
        try {
            if ("-".equals(file)) {
                return bounded(System.in, option, max);
            }
            try (InputStream in = Files.newInputStream(Path.of(file))) {
                return bounded(in, option, max);
            }
        } catch (IOException | java.nio.file.InvalidPathException e) {
            throw new BadInputException(option + ": cannot read " + file + ": " + e);
        }
    }

    private static byte[] bounded(InputStream in, String option, int max) throws IOException {
        byte[] bytes = in.readNBytes(max + 1);
        if (bytes.length > max) {
            throw new BadInputException(option + ": larger than " + max + " bytes");
        }
        return bytes;
    }
}
