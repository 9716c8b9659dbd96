package io.dicombq.it.architecture;

import com.tngtech.archunit.lang.ArchRule;

import java.util.List;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The module rules of ARCHITECTURE.md as ArchUnit rules, written for a root package so that the same rules
 * guard the product ({@code io.dicombq}) and are shown failing on a deliberately bad fixture tree.
 */
final class ArchitectureRules {
    /** The driven adapters, one Maven module each: none may see another. */
    static final List<String> OUTGOING_ADAPTERS = List.of("dicom", "h2", "bigquery");

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
                .resideInAnyPackage(root + ".application..", root + ".domain..", "java..")
                .because("use cases and ports know the domain only; adapters plug into the ports, never the"
                        + " other way round (ARCHITECTURE.md)");
    }

    /** One rule per driven adapter: it sees no other adapter, driven or driving. */
    ArchRule adapterSeesNoOtherAdapter(String adapter) {
        String own = root + ".adapter.out." + adapter + "..";
        String[] others = OUTGOING_ADAPTERS.stream().filter(other -> !other.equals(adapter))
                .map(other -> root + ".adapter.out." + other + "..").toArray(String[]::new);
        String[] forbidden = java.util.stream.Stream.concat(java.util.Arrays.stream(others),
                java.util.stream.Stream.of(root + ".adapter.in..")).toArray(String[]::new);
        return noClasses().that().resideInAPackage(own)
                .should().dependOnClassesThat().resideInAnyPackage(forbidden)
                .because("adapters never import each other; what two adapters share belongs in application or"
                        + " domain, and only the composition root (adapters-cli) wires them (ARCHITECTURE.md)")
                .allowEmptyShould(true);
    }

    /** One rule per driven adapter: only the composition root depends on it. */
    ArchRule onlyTheCompositionRootSeesAdapter(String adapter) {
        String own = root + ".adapter.out." + adapter + "..";
        return classes().that().resideInAPackage(own)
                .should().onlyHaveDependentClassesThat().resideInAnyPackage(own, root + ".adapter.in..")
                .because("only the composition root (" + root + ".adapter.in, module adapters-cli) may see every"
                        + " adapter; domain, application and other adapters reach it through a port")
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
                applicationDependsOnlyOnDomainAndTheJdk(), noCyclesBetweenLayers(), noCyclesBetweenAdapters()));
        for (String adapter : OUTGOING_ADAPTERS) {
            rules.add(adapterSeesNoOtherAdapter(adapter));
            rules.add(onlyTheCompositionRootSeesAdapter(adapter));
        }
        return rules;
    }
}
