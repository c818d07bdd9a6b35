package cn.yibao.simulator.devices;

import cn.yibao.terminal.devices.DeviceException;
import cn.yibao.terminal.devices.SerialLink;
import java.time.Duration;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A daemon thread that reads a device simulator's serial line and hands each chunk to a sink. */
final class SerialReadLoop implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SerialReadLoop.class);
    private static final Duration POLL = Duration.ofMillis(100);

    private final SerialLink link;
    private final Consumer<byte[]> sink;
    private final Thread thread;
    private volatile boolean running = true;

    private SerialReadLoop(SerialLink link, String name, Consumer<byte[]> sink) {
        this.link = link;
        this.sink = sink;
        this.thread = new Thread(this::run, name + " " + link.name());
        this.thread.setDaemon(true);
    }

    static SerialReadLoop start(SerialLink link, String name, Consumer<byte[]> sink) {
        SerialReadLoop loop = new SerialReadLoop(link, name, sink);
        loop.thread.start();
        return loop;
    }

    private void run() {
        try {
            while (running) {
                byte[] bytes = link.read(4096, POLL);
                if (bytes.length > 0) {
                    sink.accept(bytes);
                }
            }
        } catch (DeviceException e) {
            if (running) {
                LOG.warn("{} stopped: {}", thread.getName(), e.getMessage());
            }
        }
    }

    @Override
    public void close() {
        running = false;
        try {
            thread.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        link.close();
    }
}
