package io.dicombq.adapter.in.cli.wiring;

import io.dicombq.application.port.in.ScaleOutEngine;
import io.dicombq.domain.status.Code;
import io.dicombq.domain.status.DicombqException;

import java.util.ServiceLoader;

/**
 * Finds the engine behind {@code --runner} with ServiceLoader: the Beam pipeline (module pipeline-beam) is not in
 * the default dicombq jar, so that jar stays small; the runnable pipeline jars (docs/scale-out.md) carry it.
 */
public final class ScaleOutEngines {
    private ScaleOutEngines() {
    }

    public static ScaleOutEngine find(String runner) {
        for (ScaleOutEngine engine : ServiceLoader.load(ScaleOutEngine.class, ScaleOutEngines.class.getClassLoader())) {
            if (engine.runners().contains(runner)) {
                return engine;
            }
        }
        throw new DicombqException(Code.FAILED_PRECONDITION, "--runner=" + runner + " needs the Apache Beam pipeline,"
                + " which this dicombq jar does not carry: run the same command with java -jar dicombq-beam.jar (built with"
                + " ./mvnw -B -Pbeam -pl dist-beam -am package -DskipTests, adding -Pbeam-dataflow for Dataflow; see"
                + " docs/scale-out.md), or leave --runner out to export on this machine");
    }
}
