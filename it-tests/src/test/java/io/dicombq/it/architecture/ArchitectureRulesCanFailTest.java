package io.dicombq.it.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the rules on io.dicombq.it.fixture.bad, a tree laid out like the product (domain, application,
 * adapter.out.*) whose classes make the mistakes the rules exist to catch, so a rule that could never fail
 * would show up here.
 */
class ArchitectureRulesCanFailTest {
    private static final String BAD = "io.dicombq.it.fixture.bad";
    private static final ArchitectureRules RULES = new ArchitectureRules(BAD);
    private static JavaClasses fixture;

    @BeforeAll
    static void importFixture() {
        fixture = new ClassFileImporter().importPackages(BAD);
    }

    private static String violations(EvaluationResult result) {
        assertThat(result.hasViolation()).as("the rule must report the fixture's mistake").isTrue();
        return result.getFailureReport().toString();
    }

    @Test
    void aDomainClassThatImportsALibraryFailsTheDomainRule() {
        String report = violations(RULES.domainDependsOnlyOnTheJdk().evaluate(fixture));

        assertThat(report)
                .contains("the domain is the pure model and rules: it may use the JDK and nothing else")
                .contains(BAD + ".domain.LeakyDomainValue")
                .contains("com.fasterxml.jackson.databind.JsonNode");
    }

    @Test
    void anApplicationClassThatUsesAnAdapterFailsTheApplicationRule() {
        String report = violations(RULES.applicationDependsOnlyOnDomainAndTheJdk().evaluate(fixture));

        assertThat(report).contains("use cases and ports know the domain only")
                .contains(BAD + ".application.ServiceThatKnowsH2")
                .contains(BAD + ".adapter.out.h2.H2Warehouse");
    }

    @Test
    void adaptersThatUseEachOtherFailTheIsolationRules() {
        String h2 = violations(RULES.adapterSeesNoOtherAdapter("h2").evaluate(fixture));
        assertThat(h2).contains("adapters never import each other")
                .contains(BAD + ".adapter.out.h2.H2Warehouse").contains(BAD + ".adapter.out.bigquery.BigQueryClient");

        String bigquery = violations(RULES.adapterSeesNoOtherAdapter("bigquery").evaluate(fixture));
        assertThat(bigquery).contains(BAD + ".adapter.out.bigquery.BigQueryClient").contains("H2Warehouse");

        assertThat(RULES.adapterSeesNoOtherAdapter("dicom").evaluate(fixture).hasViolation())
                .as("the dicom fixture adapter only uses the domain").isFalse();
    }

    @Test
    void theSqlEngineMaySeeTheWarehouseButNoOtherAdapter() {
        String report = violations(RULES.adapterSeesNoOtherAdapter("sql").evaluate(fixture));

        assertThat(report).contains(BAD + ".adapter.out.sql.EngineThatKnowsBigQuery")
                .contains(BAD + ".adapter.out.bigquery.BigQueryClient")
                .doesNotContain("<" + BAD + ".adapter.out.h2.H2Warehouse>");
        assertThat(RULES.onlyTheCompositionRootSeesAdapter("h2").evaluate(fixture).getFailureReport().toString())
                .as("the SQL engine reading the warehouse is allowed").doesNotContain("EngineThatKnowsBigQuery");
    }

    @Test
    void anEmulatorThatReachesADicomSourceFailsTheEmulatorRule() {
        String report = violations(RULES.emulatorSeesOnlyWhatItServes().evaluate(fixture));

        assertThat(report).contains("the emulator is BigQuery's REST API over the warehouse")
                .contains(BAD + ".adapter.in.emulator.EmulatorThatReadsFolders")
                .contains(BAD + ".adapter.out.dicom.FolderStore")
                .doesNotContain("<" + BAD + ".adapter.out.h2.H2Warehouse>");
    }

    @Test
    void aConsoleThatCallsAUseCaseFailsTheConsoleRule() {
        String report = violations(RULES.consoleTakesNoShortcut().evaluate(fixture));

        assertThat(report).contains("the console calls the same HTTP API as everyone else")
                .contains(BAD + ".adapter.in.http.console.ConsoleThatExportsDirectly")
                .contains(BAD + ".application.ServiceThatKnowsH2");
    }

    @Test
    void anAdapterSeenOutsideTheCompositionRootFailsThatRule() {
        String report = violations(RULES.onlyTheCompositionRootSeesAdapter("h2").evaluate(fixture));

        assertThat(report).contains("only the composition root")
                .contains(BAD + ".application.ServiceThatKnowsH2");
    }

    @Test
    void aCycleBetweenAdaptersFailsTheCycleRule() {
        String report = violations(RULES.noCyclesBetweenAdapters().evaluate(fixture));

        assertThat(report).contains("Cycle detected").contains("adapter out.bigquery").contains("adapter out.h2");
    }

    @Test
    void aCycleBetweenLayersFailsTheLayerRule() {
        String report = violations(RULES.noCyclesBetweenLayers().evaluate(fixture));

        assertThat(report).contains("Cycle detected").contains("layer adapter").contains("layer application");
    }

    @Test
    void aPipelineThatReadsFoldersItselfFailsThePipelineRule() {
        String report = violations(RULES.pipelineSeesNoAdapter().evaluate(fixture));
        assertThat(report).contains("PipelineThatReadsFolders").contains("FolderStore");
    }

    @Test
    void beamOutsideThePipelineFailsTheBeamRule() {
        String report = violations(RULES.onlyThePipelineSeesBeam().evaluate(fixture));
        assertThat(report).contains("ServiceThatRunsBeam").contains("org.apache.beam");
        assertThat(report).doesNotContain("PipelineThatReadsFolders");
    }

    @Test
    void aClassThatNamesThePipelineFailsThePipelineIsOptionalRule() {
        String report = violations(RULES.nothingDependsOnThePipeline().evaluate(fixture));
        assertThat(report).contains("ServiceThatRunsBeam").contains("PipelineThatReadsFolders");
    }
}
