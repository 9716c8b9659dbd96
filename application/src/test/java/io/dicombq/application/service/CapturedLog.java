package io.dicombq.application.service;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** The records one class logs (System.Logger goes to java.util.logging) between {@link #start} and {@link #stop}. */
final class CapturedLog extends Handler {
    private final Logger logger;
    private final List<LogRecord> records = new ArrayList<>();

    CapturedLog(Class<?> source) {
        this.logger = Logger.getLogger(source.getName());
    }

    void start() {
        logger.addHandler(this);
    }

    void stop() {
        logger.removeHandler(this);
    }

    /** A copy of what was logged so far. */
    synchronized List<LogRecord> records() {
        return List.copyOf(records);
    }

    @Override
    public synchronized void publish(LogRecord record) {
        records.add(record);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
}
