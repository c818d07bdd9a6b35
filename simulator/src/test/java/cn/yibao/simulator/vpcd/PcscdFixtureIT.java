package cn.yibao.simulator.vpcd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.yibao.terminal.pcsc.PcscStatus;
import java.util.List;
import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.CardTerminals;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The fixture itself: a private pcscd whose two vpcd readers javax.smartcardio sees. */
@ExtendWith(PcscdExtension.class)
class PcscdFixtureIT {

    @Test
    void javaxSmartcardioListsBothVpcdReaders(PrivatePcscd pcscd) throws CardException {
        List<String> names = PcscStatus.factory().terminals().list().stream().map(CardTerminal::getName).toList();

        assertEquals(List.of("Virtual PCD 00 00", "Virtual PCD 00 01"), names);
        assertEquals(names, pcscd.readerNames());
        assertTrue(pcscd.isAlive());
    }

    @Test
    void readersAreEmptyUntilAVirtualCardConnects(PrivatePcscd pcscd) throws CardException {
        CardTerminals terminals = PcscStatus.factory().terminals();

        assertTrue(terminals.list(CardTerminals.State.CARD_PRESENT).isEmpty());
        assertEquals(2, terminals.list(CardTerminals.State.CARD_ABSENT).size());
    }

    @Test
    void oneSharedPcscdPerJvm(PrivatePcscd pcscd) {
        assertSame(pcscd, PcscdExtension.pcscd());
    }
}
