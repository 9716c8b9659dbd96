package io.dicombq.adapter.in.emulator;

import io.dicombq.adapter.out.h2.H2Warehouse;
import io.dicombq.adapter.out.h2.sink.TableCopy;
import io.dicombq.application.port.out.StagedWrite;
import io.dicombq.domain.destination.TableUri;
import io.dicombq.domain.destination.WritePlan;
import io.dicombq.domain.schema.Row;
import io.dicombq.domain.schema.TableSchema;
import io.dicombq.domain.status.Code;
import io.dicombq.domain.status.DicombqException;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Writes the rows of a load, copy or query job into its destination with BigQuery's create and write
 * dispositions, through the warehouse's staged write: the destination changes all at once or not at all. A copy job's
 * rows are copied inside the warehouse.
 */
final class TableWriter {

    enum WriteDisposition {
        WRITE_TRUNCATE, WRITE_APPEND, WRITE_EMPTY;

        static WriteDisposition parse(String text, WriteDisposition defaultValue) {
            return text == null || text.isEmpty() ? defaultValue : valueOf(known(values(), text, "writeDisposition"));
        }
    }

    enum CreateDisposition {
        CREATE_IF_NEEDED, CREATE_NEVER;

        static CreateDisposition parse(String text) {
            return text == null || text.isEmpty() ? CREATE_IF_NEEDED : valueOf(known(values(), text, "createDisposition"));
        }
    }

    /** The job's options that shape the write. */
    record Options(WriteDisposition write, CreateDisposition create, boolean allowFieldAddition,
                   boolean allowFieldRelaxation) {
    }

    /** Feeds rows parsed against {@code schema}, batch by batch; returns how many rows it fed. */
    @FunctionalInterface
    interface RowSource {
        long feed(TableSchema schema, Consumer<List<Row>> batches);
    }

    private final H2Warehouse warehouse;

    TableWriter(H2Warehouse warehouse) {
        this.warehouse = warehouse;
    }

    /**
     * @param incoming the schema the job states (load schema, copy source, query result), or null to use the
     *                 destination's
     * @return the number of rows written
     */
    long write(TableUri destination, TableSchema incoming, RowSource rows, Options options) {
        Target target = target(destination, incoming, options);
        try (StagedWrite staged = warehouse.tableSink().begin(destination, target.plan())) {
            long written = rows.feed(target.rowSchema(), batch -> staged.write(target.rowSchema(), batch));
            staged.commit(target.finalSchema());
            return written;
        }
    }

    /**
     * Copies every row of {@code sources} (tables of the schema {@code incoming}) into {@code destination}, inside the
     * warehouse: a copy job's rows never pass through the emulator. Returns the number of rows copied.
     */
    long copy(TableUri destination, TableSchema incoming, List<TableUri> sources, Options options) {
        Target target = target(destination, incoming, options);
        try (TableCopy copy = TableCopy.begin(warehouse, destination, target.plan(), sources)) {
            return copy.commit(target.finalSchema());
        }
    }

    /** What a write does to its destination: the plan, the schema the rows come in, and the schema it ends with. */
    private record Target(WritePlan plan, TableSchema rowSchema, TableSchema finalSchema) {
    }

    private Target target(TableUri destination, TableSchema incoming, Options options) {
        if (!warehouse.datasetExists(destination.project(), destination.dataset())) {
            throw Resources.datasetNotFound(destination.project(), destination.dataset());
        }
        String tableId = Resources.tableId(destination);
        Optional<TableSchema> existing = warehouse.tableSchema(destination);
        WritePlan plan;
        TableSchema finalSchema;
        if (existing.isEmpty()) {
            if (options.create() == CreateDisposition.CREATE_NEVER) {
                throw Resources.tableNotFound(destination);
            }
            if (incoming == null) {
                throw WireValues.invalid("No schema specified on job or table " + tableId + ".");
            }
            plan = WritePlan.CREATE;
            finalSchema = incoming;
        } else if (options.write() == WriteDisposition.WRITE_TRUNCATE) {
            plan = WritePlan.TRUNCATE_THEN_WRITE;
            finalSchema = incoming == null ? existing.get() : incoming;
        } else {
            if (options.write() == WriteDisposition.WRITE_EMPTY && warehouse.rowCount(destination) > 0) {
                throw new DicombqException(Code.ALREADY_EXISTS, "Already Exists: Table " + tableId
                        + " has rows, and WRITE_EMPTY writes only into an empty table");
            }
            plan = options.write() == WriteDisposition.WRITE_EMPTY ? WritePlan.WRITE_INTO_EMPTY : WritePlan.APPEND;
            finalSchema = incoming == null ? existing.get() : SchemaEvolution.merge(existing.get(), incoming, tableId,
                    options.allowFieldAddition(), options.allowFieldRelaxation());
        }
        return new Target(plan, incoming == null ? existing.get() : incoming, finalSchema);
    }

    private static String known(Enum<?>[] values, String text, String field) {
        String upper = text.toUpperCase(Locale.ROOT);
        for (Enum<?> value : values) {
            if (value.name().equals(upper)) {
                return upper;
            }
        }
        throw WireValues.invalid("unknown " + field + " " + text + "; expected one of " + List.of(values));
    }
}
