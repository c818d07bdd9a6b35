package cn.yibao.terminal.http;

import cn.yibao.terminal.counter.CounterApi;
import java.lang.reflect.Proxy;
import java.util.Set;

/**
 * A {@link CounterApi} for tests of the wire alone: every call answers null (false for a flag),
 * except the calls named to fail, which throw an unchecked exception whose message carries
 * secrets a log must never show (a bug in the counter, as the API sees it).
 */
final class StubCounter {

    private StubCounter() {
    }

    /** @return a counter on which {@code failing} methods throw with {@code secret} in their message */
    static CounterApi failing(Set<String> failing, String secret) {
        return (CounterApi) Proxy.newProxyInstance(CounterApi.class.getClassLoader(), new Class<?>[] {CounterApi.class},
                (proxy, method, args) -> {
                    if (failing.contains(method.getName())) {
                        throw new IllegalStateException("bug with " + secret);
                    }
                    if (method.getName().equals("toString")) {
                        return "StubCounter";
                    }
                    return method.getReturnType() == boolean.class ? Boolean.FALSE : null;
                });
    }
}
