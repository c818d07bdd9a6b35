package cn.yibao.terminal.http;

import cn.yibao.terminal.counter.demo.DemoCounter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

/** A running API server on a free port over a fresh demo counter with a fixed clock. */
final class ApiFixture implements AutoCloseable {

    /** 2026-11-23 10:30:00 in China. */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T02:30:00Z"), ZoneId.of("Asia/Shanghai"));
    static final String TOKEN = "test-token-0123456789abcdefghijklmnopqrstuv";
    /** A 2102 input without its closing brace: two packs of a class B drug and one of class C; add a PIN or close it. */
    static final String SALE_OPEN = """
            {"druginfo": {"psn_no": "P0001"},
             "drugdetail": [
               {"feedetl_sn": "1", "med_list_codg": "6901234500048", "cnt": 2},
               {"feedetl_sn": "2", "med_list_codg": "XA11GAA054A001010100261", "cnt": 1}]""";

    final DemoCounter counter = new DemoCounter(CLOCK);
    final ApiServer server;
    final ApiClient client;

    ApiFixture() throws InterruptedException {
        this(ApiServer.DEFAULT_MAX_BODY);
    }

    ApiFixture(int maxBody) throws InterruptedException {
        server = ApiServer.start(new ApiServer.Settings(0, AccessToken.of(TOKEN), counter, CLOCK, maxBody, "220100"));
        client = new ApiClient(server.baseUri(), TOKEN);
    }

    @Override
    public void close() {
        server.close();
    }
}
