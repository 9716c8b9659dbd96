package io.dicombq.adapter.in.cli.wiring;

import io.dicombq.application.port.out.OperationIds;

import java.security.SecureRandom;
import java.util.random.RandomGenerator;

/** Operation IDs as the Healthcare API makes them: long decimal numbers, unguessable and practically unique. */
public final class RandomOperationIds implements OperationIds {
    private final RandomGenerator random;

    public RandomOperationIds(RandomGenerator random) {
        this.random = random;
    }

    public static RandomOperationIds secure() {
        return new RandomOperationIds(new SecureRandom());
    }

    @Override
    public String next() {
        // 19 digits: the first is never 0, so every ID has the same length and sorts sensibly.
        long value = 1_000_000_000_000_000_000L + Math.floorMod(random.nextLong(), 8_000_000_000_000_000_000L);
        return Long.toString(value);
    }
}
