package cn.yibao.card;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CardNumbersTest {

    @Test
    void masksAllButTheEnds() {
        assertEquals("A2*****01", CardNumbers.mask("A22000001"));
        assertEquals("22**************01", CardNumbers.mask("220102198101010001"));
        assertEquals("1***5", CardNumbers.mask("12345"));
        assertEquals("**", CardNumbers.mask("12"));
        assertEquals("?", CardNumbers.mask(null));
    }

    @Test
    void masksNames() {
        assertEquals("张*", CardNumbers.maskName("张伟"));
        assertEquals("王**", CardNumbers.maskName("王秀英"));
        assertEquals("赵*", CardNumbers.maskName("赵"));
    }
}
