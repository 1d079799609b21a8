package nl.govroam.server.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.LoggerFactory;

/**
 * Every log event of the JVM while open: a Logback {@link ListAppender} on the root logger and on every logger that
 * does not pass its events up to root (such as an audit log with its own file). The server's own loggers
 * ({@code nl.govroam}, {@code govroam.auth}, {@code govroam.drops}) are set to {@code level} while capturing, so the
 * assertions do not depend on which logback-test.xml happens to be on the class path; closing restores them and
 * detaches the appender.
 */
final class LogCapture implements AutoCloseable {
    private static final List<String> SERVER_LOGGERS = List.of("nl.govroam", "govroam");

    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private final Logger root;
    private final Map<Logger, Level> previousLevels = new LinkedHashMap<>();
    private final List<Logger> nonAdditive = new ArrayList<>();

    private LogCapture(Level level) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        for (String name : SERVER_LOGGERS) {
            Logger logger = context.getLogger(name);
            previousLevels.put(logger, logger.getLevel());
            logger.setLevel(level);
        }
        appender.setContext(context);
        appender.setName("e2e-capture");
        appender.start();
        root.addAppender(appender);
        for (Logger logger : context.getLoggerList()) {
            if (logger != root && !logger.isAdditive()) {
                logger.addAppender(appender);
                nonAdditive.add(logger);
            }
        }
    }

    static LogCapture start(Level serverLevel) {
        return new LogCapture(serverLevel);
    }

    /** A copy of the events so far. */
    List<ILoggingEvent> events() {
        synchronized (appender) {
            return new ArrayList<>(appender.list);
        }
    }

    /** Formatted messages of the events on one logger. */
    List<String> messages(String loggerName) {
        return events().stream().filter(e -> e.getLoggerName().equals(loggerName))
                .map(ILoggingEvent::getFormattedMessage).toList();
    }

    /** Everything an event would put in a log file: message, and each throwable's class and message, with causes. */
    static String fullText(ILoggingEvent event) {
        StringBuilder text = new StringBuilder(event.getLoggerName()).append(' ').append(event.getFormattedMessage());
        for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
            text.append(" | ").append(t.getClassName()).append(": ").append(t.getMessage());
        }
        return text.toString();
    }

    /** Asserts no event is ERROR and none carries a stack trace: nothing unexpected escaped. */
    void assertNoErrorsOrStackTraces() {
        List<String> bad = events().stream()
                .filter(e -> e.getLevel() == Level.ERROR || e.getThrowableProxy() != null)
                .map(e -> e.getLevel() + " " + fullText(e)).toList();
        assertEquals(List.of(), bad, "log events with ERROR level or a stack trace");
    }

    @Override
    public void close() {
        root.detachAppender(appender);
        nonAdditive.forEach(logger -> logger.detachAppender(appender));
        appender.stop();
        previousLevels.forEach(Logger::setLevel);
    }
}
