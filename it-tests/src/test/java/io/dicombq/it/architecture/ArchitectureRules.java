package io.dicombq.it.architecture;

import com.tngtech.archunit.lang.ArchRule;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The module rules of ARCHITECTURE.md as ArchUnit rules, written for a root package so that the same rules
 * guard the product ({@code io.dicombq}) and are shown failing on a deliberately bad fixture tree.
 */
final class ArchitectureRules {
    /** The driven adapters, one Maven module each: none may see another, but for {@link #SEES}. */
    static final List<String> OUTGOING_ADAPTERS = List.of("dicom", "h2", "bigquery", "sql");

    /** The one allowed dependency between driven adapters: the SQL engine reads the warehouse it queries. */
    static final Map<String, List<String>> SEES = Map.of("sql", List.of("h2"));

    /** The driven adapters the BigQuery REST emulator (a driving adapter, module adapters-emulator) serves. */
    static final List<String> SERVED_BY_THE_EMULATOR = List.of("h2", "sql");

    private final String root;

    ArchitectureRules(String root) {
        this.root = root;
    }

    ArchRule domainDependsOnlyOnTheJdk() {
        return classes().that().resideInAPackage(root + ".domain..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(root + ".domain..", "java..")
                .because("the domain is the pure model and rules: it may use the JDK and nothing else"
                        + " (no library, no application, no adapter; ARCHITECTURE.md)");
    }

    ArchRule applicationDependsOnlyOnDomainAndTheJdk() {
        return classes().that().resideInAPackage(root + ".application..")
                .should().onlyDependOnClassesThat()
                .resideInAnyPackage(root + ".application..", root + ".domain..", "java..", "com.sun.nio.file..")
                .because("use cases and ports know the domain only; adapters plug into the ports, never the"
                        + " other way round (ARCHITECTURE.md); the JDK includes its O_DIRECT file option"
                        + " (com.sun.nio.file, for application.file)");
    }

    /** One rule per driven adapter: it sees no other adapter, driven or driving (but what {@link #SEES} allows). */
    ArchRule adapterSeesNoOtherAdapter(String adapter) {
        String own = root + ".adapter.out." + adapter + "..";
        List<String> allowed = SEES.getOrDefault(adapter, List.of());
        String[] others = OUTGOING_ADAPTERS.stream().filter(other -> !other.equals(adapter))
                .filter(other -> !allowed.contains(other))
                .map(other -> root + ".adapter.out." + other + "..").toArray(String[]::new);
        String[] forbidden = java.util.stream.Stream.concat(java.util.Arrays.stream(others),
                java.util.stream.Stream.of(root + ".adapter.in..")).toArray(String[]::new);
        return noClasses().that().resideInAPackage(own)
                .should().dependOnClassesThat().resideInAnyPackage(forbidden)
                .because("adapters never import each other; what two adapters share belongs in application or"
                        + " domain, and only the composition root (adapters-cli) wires them (ARCHITECTURE.md)")
                .allowEmptyShould(true);
    }

    /** One rule per driven adapter: only the composition root (and the adapters {@link #SEES} allows) depend on it. */
    ArchRule onlyTheCompositionRootSeesAdapter(String adapter) {
        String own = root + ".adapter.out." + adapter + "..";
        String[] dependents = java.util.stream.Stream.concat(Stream.of(own, root + ".adapter.in.."),
                SEES.entrySet().stream().filter(entry -> entry.getValue().contains(adapter))
                        .map(entry -> root + ".adapter.out." + entry.getKey() + "..")).toArray(String[]::new);
        return classes().that().resideInAPackage(own)
                .should().onlyHaveDependentClassesThat().resideInAnyPackage(dependents)
                .because("only the composition root (" + root + ".adapter.in, module adapters-cli) may see every"
                        + " adapter; domain, application and other adapters reach it through a port")
                .allowEmptyShould(true);
    }

    /** The BigQuery REST emulator sees what it serves and nothing else: no DICOM source, no BigQuery, no CLI. */
    ArchRule emulatorSeesOnlyWhatItServes() {
        String[] forbidden = Stream.concat(OUTGOING_ADAPTERS.stream().filter(a -> !SERVED_BY_THE_EMULATOR.contains(a))
                        .map(a -> root + ".adapter.out." + a + ".."),
                Stream.of(root + ".adapter.in.cli..", root + ".adapter.in.http..")).toArray(String[]::new);
        return noClasses().that().resideInAPackage(root + ".adapter.in.emulator..")
                .should().dependOnClassesThat().resideInAnyPackage(forbidden)
                .because("the emulator is BigQuery's REST API over the warehouse and its SQL engine; the composition"
                        + " root (adapters-cli) starts it, not the other way round (ARCHITECTURE.md)")
                .allowEmptyShould(true);
    }

    /** The Beam pipeline (module pipeline-beam) builds on the use cases' ports and the domain, never on an adapter. */
    ArchRule pipelineSeesNoAdapter() {
        return noClasses().that().resideInAPackage(root + ".pipeline..")
                .should().dependOnClassesThat().resideInAPackage(root + ".adapter..")
                .because("the pipeline reaches DICOM stores through the DicomStoreSources port (found with ServiceLoader"
                        + " in each worker) and BigQuery through Beam's BigQueryIO; adapters are wired by the composition"
                        + " root (docs/scale-out.md)")
                .allowEmptyShould(true);
    }

    /** Apache Beam's types stay in the pipeline module, so nothing else depends on a runner or on Beam's model. */
    ArchRule onlyThePipelineSeesBeam() {
        return noClasses().that().resideInAPackage(root + "..").and().resideOutsideOfPackage(root + ".pipeline..")
                .should().dependOnClassesThat().resideInAPackage("org.apache.beam..")
                .because("Beam is the pipeline module's engine; the CLI finds that module through the ScaleOutEngine port"
                        + " (ServiceLoader), so the default build carries no Beam (docs/scale-out.md)");
    }

    /** Nothing outside the pipeline names its classes: the composition root finds it through a port. */
    ArchRule nothingDependsOnThePipeline() {
        return noClasses().that().resideInAPackage(root + "..").and().resideOutsideOfPackage(root + ".pipeline..")
                .should().dependOnClassesThat().resideInAPackage(root + ".pipeline..")
                .because("the pipeline module is optional at run time; it is found with ServiceLoader"
                        + " (application.port.in.ScaleOutEngine)");
    }

    /** The web console is files for a browser: it reaches the product only through the HTTP API, like any client. */
    ArchRule consoleTakesNoShortcut() {
        return noClasses().that().resideInAPackage(root + ".adapter.in.http.console..")
                .should().dependOnClassesThat().resideInAnyPackage(root + ".application..", root + ".domain..",
                        root + ".adapter.out..", root + ".adapter.in.emulator..")
                .because("the console calls the same HTTP API as everyone else, so access control is the API's"
                        + " (docs/console.md)")
                .allowEmptyShould(true);
    }

    ArchRule noCyclesBetweenLayers() {
        return slices().matching(root + ".(*)..").namingSlices("layer $1")
                .should().beFreeOfCycles()
                .because("domain, application and adapters form layers that depend one way only");
    }

    ArchRule noCyclesBetweenAdapters() {
        return slices().matching(root + ".adapter.(*).(*)..").namingSlices("adapter $1.$2")
                .should().beFreeOfCycles()
                .because("each adapter stands alone; a cycle between adapters means one needs the other")
                .allowEmptyShould(true);
    }

    /** Every rule above, for tests that check them all. */
    List<ArchRule> all() {
        List<ArchRule> rules = new java.util.ArrayList<>(List.of(domainDependsOnlyOnTheJdk(),
                applicationDependsOnlyOnDomainAndTheJdk(), noCyclesBetweenLayers(), noCyclesBetweenAdapters(),
                emulatorSeesOnlyWhatItServes(), pipelineSeesNoAdapter(), onlyThePipelineSeesBeam(),
                nothingDependsOnThePipeline(), consoleTakesNoShortcut()));
        for (String adapter : OUTGOING_ADAPTERS) {
            rules.add(adapterSeesNoOtherAdapter(adapter));
            rules.add(onlyTheCompositionRootSeesAdapter(adapter));
        }
        return rules;
    }
}
