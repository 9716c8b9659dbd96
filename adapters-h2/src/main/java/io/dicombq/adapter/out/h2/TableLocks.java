package io.dicombq.adapter.out.h2;

import io.dicombq.domain.destination.TableUri;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * One write to a table at a time in this process (commits, column changes, deletion): a second one waits for the
 * first instead of copying a table that is being replaced. Other processes are kept out by the {@link WriterLease}.
 */
final class TableLocks {
    private final ConcurrentHashMap<TableUri, ReentrantLock> locks = new ConcurrentHashMap<>();

    <T> T holding(TableUri table, Supplier<T> work) {
        // Fair: writers to one table take their turns in order (BigQuery runs load jobs on a table one at a time).
        ReentrantLock lock = locks.computeIfAbsent(table, t -> new ReentrantLock(true));
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }
}
