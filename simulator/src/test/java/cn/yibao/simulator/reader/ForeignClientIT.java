package cn.yibao.simulator.reader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.yibao.simulator.vpcd.PcscdExtension;
import cn.yibao.simulator.vpcd.PrivatePcscd;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Clients nobody here wrote talk to the virtual card through pcscd: pcsc-tools' {@code scriptor}
 * and OpenSC's {@code opensc-tool} send the SSSE SELECT and get 9000. They reach this JVM's pcscd
 * through the inherited {@code PCSCLITE_CSOCK_NAME}.
 */
@ExtendWith(PcscdExtension.class)
class ForeignClientIT {

    private static final String SELECT_SSSE = "00A404000F7378312E73682EC9E7BBE1B1A3D5CF";

    @RegisterExtension
    final CounterRig rig = new CounterRig("employee");

    @Test
    void scriptorSelectsTheSsseApplication() throws IOException, InterruptedException {
        String spaced = SELECT_SSSE.replaceAll("(..)(?!$)", "$1 ");
        String out = run(List.of("scriptor", "-r", rig.pcscd().readerName(PrivatePcscd.CARD_SLOT)), spaced + "\n");

        // scriptor echoes "> 00 A4 ..." and prints the answer, wrapped, as "< <data> 90 00 : Normal processing."
        assertTrue(out.contains("> " + spaced), out);
        String answer = out.substring(out.indexOf("\n< ") + 1);
        assertTrue(answer.strip().endsWith("90 00 : Normal processing."), out);
    }

    @Test
    void openscToolSelectsTheSsseApplication() throws IOException, InterruptedException {
        String out = run(List.of("opensc-tool", "--reader", Integer.toString(PrivatePcscd.CARD_SLOT), "--send-apdu",
                SELECT_SSSE.replaceAll("(..)(?!$)", "$1:")), "");

        assertTrue(out.contains("Received (SW1=0x90, SW2=0x00)"), out);
    }

    private String run(List<String> command, String stdin) throws IOException, InterruptedException {
        rig.awaitCardPresent();
        Path output = rig.dataDir().resolve("client.out");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        p.getOutputStream().write(stdin.getBytes(StandardCharsets.US_ASCII));
        p.getOutputStream().close();
        boolean exited = p.waitFor(CounterRig.WAIT.toSeconds(), TimeUnit.SECONDS);
        if (!exited) {
            p.destroyForcibly();
        }
        String out = Files.readString(output, StandardCharsets.UTF_8);
        assertTrue(exited, command.get(0) + " did not finish: " + out);
        assertEquals(0, p.exitValue(), out);
        return out;
    }
}
