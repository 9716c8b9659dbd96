package io.dicombq.it.bigquery;

import com.google.cloud.NoCredentials;
import com.google.cloud.ServiceOptions;
import com.google.cloud.bigquery.BigQuery;
import com.google.cloud.bigquery.BigQueryOptions;
import io.dicombq.adapter.out.bigquery.BigQueryClients;
import io.dicombq.adapter.out.h2.H2Warehouse;
import io.dicombq.adapter.in.emulator.BigQueryEmulator;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/** An in-memory H2 warehouse served by the BigQuery emulator on a free loopback port. */
final class EmulatorFixture implements AutoCloseable {
    static final String PROJECT = "test-project";
    private static final AtomicLong DATABASES = new AtomicLong();

    final H2Warehouse warehouse;
    final BigQueryEmulator emulator;

    EmulatorFixture() {
        warehouse = H2Warehouse.inMemory("emulator-" + DATABASES.incrementAndGet());
        emulator = BigQueryEmulator.start(warehouse, 0, Clock.systemUTC(), ids("e"));
    }

    /** An emulator that answers a load or copy job not ended within {@code answerWithin} with it RUNNING. */
    EmulatorFixture(Duration answerWithin) {
        warehouse = H2Warehouse.inMemory("emulator-" + DATABASES.incrementAndGet());
        emulator = BigQueryEmulator.start(warehouse, 0, Clock.systemUTC(), ids("e"), answerWithin);
    }

    URI url() {
        return emulator.url();
    }

    /** The official client pointed at the emulator, without retries so that a refused call fails at once. */
    BigQuery client() {
        return BigQueryOptions.newBuilder()
                .setHost(url().toString())
                .setProjectId(PROJECT)
                .setCredentials(NoCredentials.getInstance())
                .setRetrySettings(ServiceOptions.getNoRetrySettings())
                .build().getService();
    }

    BigQueryClients clients() {
        return BigQueryClients.emulator(PROJECT, url());
    }

    static Supplier<String> ids(String prefix) {
        AtomicLong next = new AtomicLong();
        return () -> prefix + next.incrementAndGet();
    }

    @Override
    public void close() {
        emulator.close();
        warehouse.close();
    }
}
