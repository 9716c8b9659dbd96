package io.dicombq.adapter.in.cli.wiring;

import io.dicombq.adapter.out.h2.H2Warehouse;
import io.dicombq.adapter.out.sql.H2QueryEngine;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The warehouse is opened on first use, or ahead on a thread of its own; either way once, and closed once. */
class WarehouseOpeningTest {
    private static final AtomicInteger WAREHOUSES = new AtomicInteger();
    private final List<String> openedOn = new ArrayList<>();
    private final AtomicInteger closed = new AtomicInteger();

    private Supplier<Warehouse> factory() {
        return () -> {
            synchronized (openedOn) {
                openedOn.add(Thread.currentThread().getName());
            }
            H2Warehouse h2 = H2Warehouse.inMemory("opening-" + WAREHOUSES.incrementAndGet());
            return new Warehouse("test", h2.tableSink(), new H2QueryEngine(h2), new H2WarehouseCatalog(h2), false, () -> {
                closed.incrementAndGet();
                h2.close();
            });
        };
    }

    @Test
    void withoutStartingAheadTheWarehouseIsOpenedByItsFirstUserOnly() throws Exception {
        WarehouseOpening opening = new WarehouseOpening(factory());
        assertThat(openedOn).isEmpty();

        Warehouse warehouse = opening.get();

        assertThat(opening.get()).isSameAs(warehouse);
        assertThat(openedOn).containsExactly(Thread.currentThread().getName());
        opening.close();
        assertThat(closed).hasValue(1);
    }

    @Test
    void startedAheadItIsOpenedOnItsOwnThreadAndHandedToTheFirstUser() throws Exception {
        WarehouseOpening opening = new WarehouseOpening(factory());
        opening.startAhead();

        Warehouse warehouse = opening.get();
        warehouse.catalog().createDataset("p-project", "d");

        assertThat(opening.get()).isSameAs(warehouse);
        assertThat(openedOn).containsExactly("dicombq-warehouse-open");
        opening.close();
        assertThat(closed).hasValue(1);
    }

    @Test
    void aWarehouseOpenedAheadAndNeverUsedIsStillClosed() throws Exception {
        WarehouseOpening opening = new WarehouseOpening(factory());
        opening.startAhead();

        opening.close();

        assertThat(openedOn).hasSize(1);
        assertThat(closed).hasValue(1);
    }

    @Test
    void anOpeningAheadThatFailsFailsItsFirstUserWithTheSameExceptionAndNotTheClose() throws Exception {
        IllegalStateException failure = new IllegalStateException("the warehouse file is locked");
        WarehouseOpening opening = new WarehouseOpening(() -> {
            throw failure;
        });
        opening.startAhead();

        assertThatThrownBy(opening::get).isSameAs(failure);
        opening.close();

        WarehouseOpening unused = new WarehouseOpening(() -> {
            throw failure;
        });
        unused.startAhead();
        unused.close();
    }

    @Test
    void anErrorOfTheOpeningAheadReachesItsUserAsTheError() {
        StackOverflowError error = new StackOverflowError("deep");
        WarehouseOpening opening = new WarehouseOpening(() -> {
            throw error;
        });
        opening.startAhead();

        assertThatThrownBy(opening::get).isSameAs(error);
    }
}
