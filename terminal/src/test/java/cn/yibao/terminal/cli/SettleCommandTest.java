package cn.yibao.terminal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.yibao.terminal.json.FileJson;
import cn.yibao.terminal.policy.PolicyPackSigner;
import cn.yibao.terminal.policy.PolicyPacks;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code terminal settle}: exit codes 0 / 2 / 3, output shapes, stdin, limits, policy files. */
class SettleCommandTest {

    static final String REQUEST = """
            {"person": {"category": "EMPLOYEE", "resident_group": null, "retired": false,
                        "civil_servant": false, "insurance_status": "NORMAL", "account_balance": "300.00"},
             "visit": {"type": "INPATIENT", "level": "MUNICIPAL", "out_of_region": false},
             "year_to_date": {"base": "0.00", "over_limit": "0.00", "outpatient": "0.00"},
             "use_account": true,
             "items": [{"code": "X001", "name": "头孢克肟片", "class": "A", "amount": "7500.00"},
                       {"code": "X002", "name": "乙类", "class": "B", "amount": "2000.00"},
                       {"code": "X003", "name": "丙类", "class": "C", "amount": "500.00"}]}
            """;

    @TempDir
    Path dir;

    Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    static JsonNode json(String out) {
        return FileJson.parse(out.getBytes(StandardCharsets.UTF_8), 1 << 24, "output");
    }

    static void noStackTrace(CliRun run) {
        assertFalse(run.err().contains("Exception") || run.err().contains("\tat "), run.err());
    }

    @Test
    void settlesAFileAndPrintsTheResult() throws IOException {
        CliRun run = CliRun.run("settle", "--request", write("r.json", REQUEST).toString());
        assertEquals(0, run.exit(), run.err());
        JsonNode result = json(run.out());
        assertEquals("7568.00", result.at("/setlinfo/hifp_pay").decimalValue().toPlainString());
        assertEquals("2132.00", result.at("/setlinfo/psn_cash_pay").decimalValue().toPlainString());
        assertEquals("310100", result.at("/setldetail/0/fund_pay_type").textValue());
        assertEquals("TOTAL", result.at("/explain/0/step").textValue());
        assertTrue(run.out().contains("\"hifp_pay\" : 7568.00"), run.out());
    }

    @Test
    void escapesChineseWhenStandardOutputCannotEncodeIt() throws IOException {
        String saved = System.getProperty("stdout.encoding");
        System.setProperty("stdout.encoding", "US-ASCII");
        try {
            CliRun run = CliRun.run("settle", "--request", write("r.json",
                    REQUEST.replace("\"class\": \"C\"", "\"class\": \"N\"")).toString());
            assertEquals(3, run.exit());
            assertTrue(run.out().chars().allMatch(c -> c < 128), run.out());
            assertTrue(json(run.out()).at("/error/message_zh").textValue().startsWith("含非医保商品"));
        } finally {
            if (saved == null) {
                System.clearProperty("stdout.encoding");
            } else {
                System.setProperty("stdout.encoding", saved);
            }
        }
    }

    @Test
    void readsStandardInput() {
        CliRun run = CliRun.runWithInput(REQUEST.getBytes(StandardCharsets.UTF_8), "settle", "--request", "-");
        assertEquals(0, run.exit(), run.err());
        assertEquals("300.00", json(run.out()).at("/setlinfo/acct_pay").decimalValue().toPlainString());
    }

    @Test
    void malformedRequestExitsTwoNamingTheField() throws IOException {
        CliRun run = CliRun.run("settle", "--request", write("r.json",
                REQUEST.replace("\"2000.00\"", "\"2000.001\"")).toString());
        assertEquals(2, run.exit());
        assertEquals("bad input: items[1].amount: more than two decimals", run.err().strip());
        assertEquals("", run.out());
        for (String bad : new String[] {REQUEST.replace("\"EMPLOYEE\"", "\"BOSS\""),
            REQUEST.replace("\"7500.00\"", "\"-7500.00\""), REQUEST.replace("\"retired\": false,", ""),
            REQUEST.replace("\"7500.00\"", "\"7500000000000.00\""), "{", ""}) {
            CliRun r = CliRun.run("settle", "--request", write("bad.json", bad).toString());
            assertEquals(2, r.exit(), r.err());
            assertTrue(r.err().startsWith("bad input: "), r.err());
            noStackTrace(r);
        }
    }

    @Test
    void hundredThousandItemsExitTwo() throws IOException {
        String head = REQUEST.substring(0, REQUEST.indexOf("\"items\""));
        StringBuilder small = new StringBuilder(head).append("\"items\": [");
        StringBuilder real = new StringBuilder(head).append("\"items\": [");
        for (int i = 0; i < 100_000; i++) {
            small.append(i == 0 ? "" : ",").append("{}");
            real.append(i == 0 ? "" : ",").append("{\"code\": \"X").append(i)
                    .append("\", \"name\": \"药\", \"class\": \"A\", \"amount\": \"1.00\"}");
        }
        CliRun compact = CliRun.run("settle", "--request", write("small.json", small + "]}").toString());
        assertEquals(2, compact.exit());
        assertEquals("bad input: items: more than 10000 elements", compact.err().strip());
        CliRun large = CliRun.runWithInput((real + "]}").getBytes(StandardCharsets.UTF_8), "settle", "--request",
                "-");
        assertEquals(2, large.exit());
        assertEquals("bad input: --request: larger than 4194304 bytes", large.err().strip());
    }

    @Test
    void refusalExitsThreeWithAnErrorObject() throws IOException {
        CliRun run = CliRun.run("settle", "--request", write("r.json",
                REQUEST.replace("\"class\": \"C\"", "\"class\": \"N\"")).toString());
        assertEquals(3, run.exit());
        JsonNode error = json(run.out()).get("error");
        assertEquals("NON_MEDICAL_ITEM", error.get("code").textValue());
        assertTrue(error.get("message_zh").textValue().startsWith("含非医保商品"));
        assertTrue(error.get("message").textValue().startsWith("the sale contains a non-medical item"));
        assertEquals(1, json(run.out()).size());
        noStackTrace(run);
        CliRun resident = CliRun.run("settle", "--request", write("r2.json", REQUEST
                .replace("\"EMPLOYEE\", \"resident_group\": null", "\"RESIDENT\", \"resident_group\": \"ADULT\"")
                .replace("\"out_of_region\": false", "\"out_of_region\": true")).toString());
        assertEquals(3, resident.exit(), resident.err());
        assertEquals("RESIDENT_OUT_OF_REGION", json(resident.out()).at("/error/code").textValue());
    }

    @Test
    void unreadableFilesAndUsageErrorsExitTwo() {
        CliRun missing = CliRun.run("settle", "--request", dir.resolve("nope.json").toString());
        assertEquals(2, missing.exit());
        assertTrue(missing.err().startsWith("bad input: --request: cannot read"), missing.err());
        assertEquals(2, CliRun.run("settle").exit());
        assertEquals(2, CliRun.run("settle", "--request", "-", "--policy", "-").exit());
    }

    @Test
    void signedPolicyFilesAreVerified() throws IOException {
        SecureRandom random = new SecureRandom();
        PolicyPackSigner.SigningKey host = PolicyPackSigner.generate("host-1", random);
        String signed = new String(PolicyPackSigner.sign(PolicyPacks.changchun2010Bytes(), host, random),
                StandardCharsets.UTF_8);
        Path key = Files.write(dir.resolve("host-1.pub.json"), PolicyPackSigner.publicKeyFile(host));
        String request = write("r.json", REQUEST).toString();

        CliRun ok = CliRun.run("settle", "--request", request, "--policy", write("p.json", signed).toString(),
                "--policy-key", key.toString());
        assertEquals(0, ok.exit(), ok.err());
        assertEquals("220100/CC-2010.1", json(ok.out()).get("policy").textValue());

        CliRun tampered = CliRun.run("settle", "--request", request, "--policy",
                write("t.json", signed.replace("\"700.00\"", "\"70.00\"")).toString(), "--policy-key", key.toString());
        assertEquals(3, tampered.exit());
        assertEquals("POLICY_SIGNATURE_INVALID", json(tampered.out()).at("/error/code").textValue());

        CliRun unsigned = CliRun.run("settle", "--request", request, "--policy",
                write("u.json", new String(PolicyPacks.changchun2010Bytes(), StandardCharsets.UTF_8)).toString(),
                "--policy-key", key.toString());
        assertEquals(3, unsigned.exit());
        assertEquals("POLICY_UNSIGNED", json(unsigned.out()).at("/error/code").textValue());
    }

    @Test
    void policyFileErrorsAndDates() throws IOException {
        String request = write("r.json", REQUEST).toString();
        String pack = new String(PolicyPacks.changchun2010Bytes(), StandardCharsets.UTF_8);
        CliRun custom = CliRun.run("settle", "--request", request, "--policy",
                write("p.json", pack.replace("\"0.12\"", "\"0.20\"")).toString());
        assertEquals(0, custom.exit(), custom.err());
        assertEquals("6880.00", json(custom.out()).at("/setlinfo/hifp_pay").decimalValue().toPlainString());

        CliRun broken = CliRun.run("settle", "--request", request, "--policy",
                write("b.json", pack.replace("\"REHAB\": \"400.00\"", "\"REHAB\": \"x\"")).toString());
        assertEquals(2, broken.exit());
        assertTrue(broken.err().startsWith("bad input: --policy: employee_inpatient.deductible.REHAB: not an amount"),
                broken.err());

        CliRun early = CliRun.run("settle", "--request", request, "--date", "2009-12-31");
        assertEquals(3, early.exit());
        assertEquals("POLICY_NOT_EFFECTIVE", json(early.out()).at("/error/code").textValue());
    }
}
