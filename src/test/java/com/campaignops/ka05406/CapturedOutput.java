package com.campaignops.ka05406;

import org.jboss.logmanager.ExtHandler;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What the function logs (its {@code com.campaignops} loggers, every level, with the MDC as it was when logged)
 * and, if asked, what it prints on stdout (the EMF metrics lines), captured for each test and released after it:
 *
 * <pre>{@code @RegisterExtension final CapturedOutput output = CapturedOutput.logs();}</pre>
 */
public final class CapturedOutput implements BeforeEachCallback, AfterEachCallback {

    private static final String LOGGERS = "com.campaignops";

    private final boolean withStdout;
    private final List<ExtLogRecord> records = new CopyOnWriteArrayList<>();
    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ExtHandler handler = new ExtHandler() {
        @Override
        protected void doPublish(ExtLogRecord record) {
            // The MDC is otherwise read lazily, after the logging thread (a pool's) has cleared it.
            record.copyAll();
            records.add(record);
        }
    };
    private PrintStream originalOut;

    private CapturedOutput(boolean withStdout) {
        this.withStdout = withStdout;
    }

    /** The function's log records only. */
    public static CapturedOutput logs() {
        return new CapturedOutput(false);
    }

    /** The function's log records, and stdout (which then no longer reaches the console). */
    public static CapturedOutput logsAndStdout() {
        return new CapturedOutput(true);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        clear();
        Logger.getLogger(LOGGERS).addHandler(handler);
        if (withStdout) {
            originalOut = System.out;
            System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (withStdout) {
            System.setOut(originalOut);
        }
        Logger.getLogger(LOGGERS).removeHandler(handler);
    }

    /** Everything logged since the test started (or since {@link #clear()}), in order. */
    public List<ExtLogRecord> records() {
        return List.copyOf(records);
    }

    /** The records at {@code level} or above. */
    public List<ExtLogRecord> records(Level atLeast) {
        return records.stream().filter(r -> r.getLevel().intValue() >= atLeast.intValue()).toList();
    }

    /** The formatted messages of every record. */
    public List<String> messages() {
        return records.stream().map(ExtLogRecord::getFormattedMessage).toList();
    }

    /** The records logged as WARN (and only WARN). */
    public List<ExtLogRecord> warnings() {
        return records.stream().filter(r -> r.getLevel().intValue() == Level.WARNING.intValue()).toList();
    }

    /** The formatted messages of the WARN records. */
    public List<String> warningMessages() {
        return warnings().stream().map(ExtLogRecord::getFormattedMessage).toList();
    }

    /** What was printed on stdout; empty unless made with {@link #logsAndStdout()}. */
    public String stdout() {
        return stdout.toString(StandardCharsets.UTF_8);
    }

    /** Forgets what was captured so far, e.g. after a warm-up call. */
    public void clear() {
        records.clear();
        stdout.reset();
    }
}
