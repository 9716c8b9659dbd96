package io.dicombq.application.service;

import io.dicombq.application.port.out.StagedWrite;
import io.dicombq.application.port.out.TableSink;
import io.dicombq.domain.destination.TableState;
import io.dicombq.domain.destination.TableUri;
import io.dicombq.domain.destination.WritePlan;
import io.dicombq.domain.schema.Row;
import io.dicombq.domain.schema.TableSchema;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A {@link TableSink} holding one table in memory: committed rows and schema, and every staged write it began (so a
 * test sees aborted passes too). {@code onWrite} runs inside each {@link StagedWrite#write}, e.g. to request a cancel
 * or throw.
 */
final class InMemorySink implements TableSink {
    private final List<Write> writes = new ArrayList<>();
    private Consumer<List<Row>> onWrite = rows -> { };
    private TableSchema schema;
    private List<Row> rows = List.of();
    private boolean datasetExists = true;

    synchronized void onWrite(Consumer<List<Row>> hook) {
        this.onWrite = hook;
    }

    synchronized void withoutDataset() {
        datasetExists = false;
    }

    synchronized List<Write> writes() {
        return List.copyOf(writes);
    }

    synchronized Optional<TableSchema> committedSchema() {
        return Optional.ofNullable(schema);
    }

    synchronized List<Row> committedRows() {
        return rows;
    }

    @Override
    public synchronized boolean datasetExists(String project, String dataset) {
        return datasetExists;
    }

    @Override
    public synchronized TableState state(TableUri table) {
        return schema == null ? TableState.ABSENT : rows.isEmpty() ? TableState.EMPTY : TableState.HAS_ROWS;
    }

    @Override
    public synchronized Optional<TableSchema> schema(TableUri table) {
        return Optional.ofNullable(schema);
    }

    @Override
    public synchronized StagedWrite begin(TableUri table, WritePlan plan) {
        Write write = new Write(plan);
        writes.add(write);
        return write;
    }

    /** One staged write: its batches in order, and how it ended. */
    final class Write implements StagedWrite {
        private final WritePlan plan;
        private final List<Row> staged = new ArrayList<>();
        private final List<TableSchema> schemas = new ArrayList<>();
        private boolean committed;
        private boolean aborted;

        Write(WritePlan plan) {
            this.plan = plan;
        }

        @Override
        public void write(TableSchema batchSchema, List<Row> batch) {
            synchronized (InMemorySink.this) {
                if (committed || aborted) {
                    throw new IllegalStateException("write after the end of a staged write");
                }
                onWrite.accept(batch);
                staged.addAll(batch);
                schemas.add(batchSchema);
            }
        }

        @Override
        public void commit(TableSchema finalSchema) {
            synchronized (InMemorySink.this) {
                committed = true;
                List<Row> all = new ArrayList<>(plan.replacesSchema() ? List.of() : rows);
                all.addAll(staged);
                rows = List.copyOf(all);
                schema = finalSchema;
            }
        }

        @Override
        public void abort() {
            synchronized (InMemorySink.this) {
                if (!committed) {
                    aborted = true;
                }
            }
        }

        @Override
        public void close() {
            abort();
        }

        List<Row> staged() {
            synchronized (InMemorySink.this) {
                return List.copyOf(staged);
            }
        }

        List<TableSchema> schemas() {
            synchronized (InMemorySink.this) {
                return List.copyOf(schemas);
            }
        }

        boolean committed() {
            synchronized (InMemorySink.this) {
                return committed;
            }
        }

        boolean aborted() {
            synchronized (InMemorySink.this) {
                return aborted;
            }
        }
    }
}
