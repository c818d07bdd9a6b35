package cn.yibao.terminal.http;

import cn.yibao.terminal.counter.CounterApi;
import java.lang.reflect.Proxy;

/**
 * A counter the router must never reach, for the tests of what the router does before it calls the
 * counter (reading and checking the input, listing its infnos). The HTTP API's tests against the
 * live counter are in the simulator module ({@code cn.yibao.simulator.sandbox}).
 */
final class UnreachedCounter {

    private UnreachedCounter() {
    }

    static CounterApi create() {
        return (CounterApi) Proxy.newProxyInstance(CounterApi.class.getClassLoader(), new Class<?>[] {CounterApi.class},
                (proxy, method, args) -> {
                    if (method.getDeclaringClass() == Object.class) {
                        return method.getName().equals("toString") ? "unreached counter"
                                : method.getName().equals("hashCode") ? 0 : proxy == args[0];
                    }
                    throw new AssertionError("the counter was reached: " + method.getName());
                });
    }
}
