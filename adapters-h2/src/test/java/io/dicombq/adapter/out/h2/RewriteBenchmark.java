package io.dicombq.adapter.out.h2;

import io.dicombq.domain.destination.TableUri;
import io.dicombq.domain.schema.Row;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What the first open after a kill costs (docs/BENCHMARKS.md, "Open after a kill"): a warehouse of N CT_small rows
 * (179 private elements each) is copied while open, which leaves the file as a killed process would (no clean mark);
 * then the copy is rewritten ({@link UncleanFileRewrite}) and opened, against an open of the cleanly closed original.
 * Run with {@code java -cp <adapters-h2 test classpath> io.dicombq.adapter.out.h2.RewriteBenchmark [rows]}.
 */
public final class RewriteBenchmark {
    private static final TableUri TABLE = new TableUri("bench-project", "bench", "ct");

    private RewriteBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        Path root = Files.createTempDirectory("dicombq-rewrite-bench-");
        Path clean = root.resolve("clean");
        Path crashed = root.resolve("crashed");
        Files.createDirectories(crashed);
        try (H2Warehouse warehouse = H2Warehouse.open(clean)) {
            warehouse.createDataset(TABLE.project(), TABLE.dataset());
            warehouse.createTable(TABLE, CtSmallRows.schema());
            for (int first = 0; first < rows; first += 500) {
                List<Row> batch = new ArrayList<>();
                for (int i = first; i < Math.min(rows, first + 500); i++) {
                    batch.add(CtSmallRows.instance(9, i / 1000, 1, i));
                }
                warehouse.insertRows(TABLE, batch);
            }
            Files.copy(clean.resolve("warehouse.mv.db"), crashed.resolve("warehouse.mv.db"));
        }
        long size = Files.size(crashed.resolve("warehouse.mv.db"));
        for (int round = 0; round < 3; round++) {
            Path target = root.resolve("round" + round);
            Files.createDirectories(target);
            Files.copy(crashed.resolve("warehouse.mv.db"), target.resolve("warehouse.mv.db"));
            long start = System.nanoTime();
            boolean rewritten;
            try (WriterLease lease = WriterLease.in(target)) {
                rewritten = UncleanFileRewrite.ifLeftByACrash(target, lease);
            }
            long copied = System.nanoTime();
            try (H2Warehouse warehouse = H2Warehouse.open(target)) {
                warehouse.rowCount(TABLE);
            }
            long opened = System.nanoTime();
            try (H2Warehouse warehouse = H2Warehouse.open(clean)) {
                warehouse.rowCount(TABLE);
            }
            long cleanOpen = System.nanoTime() - opened;
            System.out.printf("%d rows, file %.1f MB -> %.1f MB: rewrite %s %d ms, then open %d ms; open of the clean"
                            + " original %d ms%n", rows, size / 1e6, Files.size(target.resolve("warehouse.mv.db")) / 1e6,
                    rewritten ? "done" : "NOT DONE", (copied - start) / 1_000_000, (opened - copied) / 1_000_000,
                    cleanOpen / 1_000_000);
        }
    }
}
