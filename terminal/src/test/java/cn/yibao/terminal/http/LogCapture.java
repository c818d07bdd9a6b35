package cn.yibao.terminal.http;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Everything the terminal logs while a test runs, as the log file would show it (message and
 * stack trace), down to DEBUG for the terminal's own loggers: what a secret must never be in.
 */
final class LogCapture implements AutoCloseable {

    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final Logger ours = (Logger) LoggerFactory.getLogger("cn.yibao");
    private final Level oursBefore = ours.getLevel();
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    LogCapture() {
        appender.start();
        root.addAppender(appender);
        ours.setLevel(Level.DEBUG);
    }

    /** @return each event's formatted message, its stack trace appended */
    List<String> lines() {
        synchronized (appender) {
            return appender.list.stream().map(e -> e.getLoggerName() + " " + e.getFormattedMessage()
                    + (e.getThrowableProxy() == null ? "" : "\n" + ThrowableProxyUtil.asString(e.getThrowableProxy())))
                    .toList();
        }
    }

    @Override
    public void close() {
        root.detachAppender(appender);
        ours.setLevel(oursBefore);
        appender.stop();
    }
}
