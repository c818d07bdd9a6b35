package cn.yibao.hostlink.msg;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class BusinessZoneTest {

    @Test
    void setOnceByPropertyThenEnvironmentElseShanghai() {
        assertAll(() -> assertEquals(ZoneId.of("Asia/Shanghai"), BusinessZone.resolve(null, null)),
                () -> assertEquals(ZoneId.of("Asia/Shanghai"), BusinessZone.resolve(" ", "")),
                () -> assertEquals(ZoneId.of("Asia/Urumqi"), BusinessZone.resolve(null, "Asia/Urumqi")),
                () -> assertEquals(ZoneId.of("Asia/Hong_Kong"), BusinessZone.resolve("Asia/Hong_Kong", "Asia/Urumqi")),
                () -> assertEquals(BusinessZone.ZONE, Request.ZONE));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BusinessZone.resolve("Beijing", null));
        assertTrue(e.getMessage().contains(BusinessZone.PROPERTY) && e.getMessage().contains(BusinessZone.ENV),
                e.getMessage());
    }

    @Test
    void aClockInTheBusinessZoneFollowsItsBaseWhateverTheBasesZone() {
        Instant t = Instant.parse("2026-12-06T15:59:59Z");
        Clock utc = Clock.fixed(t, ZoneOffset.UTC);
        Clock business = BusinessZone.of(utc);
        assertAll(() -> assertEquals(BusinessZone.ZONE, business.getZone()),
                () -> assertEquals(t, business.instant()),
                () -> assertEquals(LocalDateTime.ofInstant(t, BusinessZone.ZONE), LocalDateTime.now(business)),
                () -> assertEquals(business, BusinessZone.of(business)));
    }
}
