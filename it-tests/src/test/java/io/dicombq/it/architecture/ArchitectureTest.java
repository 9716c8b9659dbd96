package io.dicombq.it.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The product's classes (main code of every module, tests excluded) against the rules of ARCHITECTURE.md. */
@AnalyzeClasses(packages = "io.dicombq", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    private static final ArchitectureRules RULES = new ArchitectureRules("io.dicombq");

    @ArchTest
    static final ArchRule domainDependsOnlyOnTheJdk = RULES.domainDependsOnlyOnTheJdk()
            .allowEmptyShould(false);

    @ArchTest
    static final ArchRule applicationDependsOnlyOnDomainAndTheJdk = RULES.applicationDependsOnlyOnDomainAndTheJdk()
            .allowEmptyShould(false);

    @ArchTest
    static final ArchRule dicomAdapterSeesNoOtherAdapter = RULES.adapterSeesNoOtherAdapter("dicom");

    @ArchTest
    static final ArchRule h2AdapterSeesNoOtherAdapter = RULES.adapterSeesNoOtherAdapter("h2");

    @ArchTest
    static final ArchRule bigqueryAdapterSeesNoOtherAdapter = RULES.adapterSeesNoOtherAdapter("bigquery");

    @ArchTest
    static final ArchRule onlyTheCompositionRootSeesTheDicomAdapter = RULES.onlyTheCompositionRootSeesAdapter("dicom");

    @ArchTest
    static final ArchRule onlyTheCompositionRootSeesTheH2Adapter = RULES.onlyTheCompositionRootSeesAdapter("h2");

    @ArchTest
    static final ArchRule onlyTheCompositionRootSeesTheBigqueryAdapter =
            RULES.onlyTheCompositionRootSeesAdapter("bigquery");

    @ArchTest
    static final ArchRule sqlAdapterSeesOnlyTheWarehouse = RULES.adapterSeesNoOtherAdapter("sql");

    @ArchTest
    static final ArchRule onlyTheCompositionRootAndTheEmulatorSeeTheSqlAdapter =
            RULES.onlyTheCompositionRootSeesAdapter("sql");

    @ArchTest
    static final ArchRule emulatorSeesOnlyWhatItServes = RULES.emulatorSeesOnlyWhatItServes();

    @ArchTest
    static final ArchRule pipelineSeesNoAdapter = RULES.pipelineSeesNoAdapter().allowEmptyShould(false);

    @ArchTest
    static final ArchRule onlyThePipelineSeesBeam = RULES.onlyThePipelineSeesBeam();

    @ArchTest
    static final ArchRule nothingDependsOnThePipeline = RULES.nothingDependsOnThePipeline();

    @ArchTest
    static final ArchRule consoleTakesNoShortcut = RULES.consoleTakesNoShortcut();

    @ArchTest
    static final ArchRule noCyclesBetweenLayers = RULES.noCyclesBetweenLayers();

    @ArchTest
    static final ArchRule noCyclesBetweenAdapters = RULES.noCyclesBetweenAdapters();
}
