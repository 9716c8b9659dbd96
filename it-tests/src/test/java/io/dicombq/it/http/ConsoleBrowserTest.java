package io.dicombq.it.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.dicombq.adapter.in.http.access.AccessControl;
import io.dicombq.adapter.out.dicom.testing.FaultInjectingProxy;
import io.dicombq.adapter.out.dicom.testing.OrthancServer;
import io.dicombq.adapter.out.dicom.testing.PydicomCorpus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web console in a real Chromium against a real {@code dicombq serve} over pydicom's DICOM files: the seed's
 * console steps (datasets, the store's Actions menu, Export DICOM store, the operations tab), every write
 * disposition, the refusals, cancel, queries and their filter files, and escaping. Controls are found by the
 * accessible names the issue fixes. Screenshots of each step go to {@code target/console-screenshots}, or to
 * {@code -Ddicombq.console.screenshots=DIR} (docs/console.md's are made with {@code DIR} = docs/console).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserTest {
    static final String ADMIN = "console-admin-token-5d21";
    static final String VIEWER = "console-viewer-token-9e07";
    static final String PROJECT = "console-project";
    static final String DATASET_NAME = "projects/" + PROJECT + "/locations/us-central1/datasets/radiology";
    static final String WAREHOUSE = PROJECT + ".imaging";
    static final List<String> FILES = List.of("CT_small.dcm", "MR_small.dcm", "rtplan.dcm", "test-SR.dcm", "waveform_ecg.dcm",
            "liver_1frame.dcm", "reportsi.dcm", "image_dfl.dcm", "ExplVR_BigEnd.dcm", "../charset_files/chrGreek.dcm");
    // what a hostile DICOM file or file name could hold; none of it may run in the page
    static final String SCRIPT_ID = "<script>window.__pwned = 1</script>";
    static final String IMG_DESCRIPTION = "<img src=x onerror=\"window.__pwned = 2\">";
    static final String IMG_FILE = "<img src=x onerror=window.__pwned=3>.txt";
    /** The corpus folder's DICOM instances: the pydicom files and the one with markup in its values. */
    static final int INSTANCES = FILES.size() + 1;

    @TempDir
    static Path temp;
    static Path root;
    static Path study;
    static Path downloads;
    static ServeProcess server;
    static OrthancServer orthanc;
    static FaultInjectingProxy held;
    static Http admin;
    static ConsoleBrowser browser;

    @BeforeAll
    static void startServerAndBrowser() throws IOException, InterruptedException {
        root = Files.createDirectories(temp.resolve("root"));
        study = Files.createDirectories(root.resolve("study"));
        for (String name : FILES) {
            Files.copy(PydicomCorpus.file(name), study.resolve(Path.of(name).getFileName()));
        }
        Files.copy(PydicomCorpus.file("README.txt"), study.resolve("README.txt"));
        Files.writeString(study.resolve(IMG_FILE), "not DICOM");
        writeMarkupInstance(study.resolve("markup.dcm"));
        downloads = Files.createDirectories(root.resolve("downloads"));
        Files.writeString(root.resolve("bad-filter.txt"), "/studies/1.2.3\n/series/4\n");

        orthanc = OrthancServer.start();
        FILES.forEach(name -> assertThat(orthanc.upload(PydicomCorpus.file(name)).stored()).isTrue());
        held = new FaultInjectingProxy(orthanc.baseUri());

        Path data = temp.resolve("data");
        InProcessDicombq cli = new InProcessDicombq(data);
        cli.ok("datasets", "create", WAREHOUSE);
        cli.ok("datasets", "create", PROJECT + ".archive");
        // the table the query tests read, exported before the server starts
        cli.ok("dicom-stores", "export", "bq", study.toString(), "--bq-table=bq://" + WAREHOUSE + ".source");
        Path accessFile = temp.resolve("access.json");
        Files.writeString(accessFile, """
                {"principals": [
                  {"name": "admin@console", "tokenSha256": "%s",
                   "bindings": [{"role": "roles/healthcare.dicomStoreAdmin", "resource": "projects/%s"},
                                {"role": "roles/healthcare.dicomStoreAdmin", "resource": "projects/empty-project"}]},
                  {"name": "viewer@console", "tokenSha256": "%s",
                   "bindings": [{"role": "roles/healthcare.dicomViewer", "resource": "%s"}]}],
                 "folderRoots": ["%s"],
                 "dicomWebRoots": ["%s"]}
                """.formatted(AccessControl.sha256Hex(ADMIN), PROJECT, AccessControl.sha256Hex(VIEWER), DATASET_NAME, root,
                held.uri() + "/dicom-web"));
        server = ServeProcess.start(data, temp, "--access-file", accessFile.toString());
        admin = new Http(server.uri(), Optional.of(ADMIN));
        createStore("corpus", study.toString());
        createStore("pacs", held.uri() + "/dicom-web");
        // an existing, empty table: WRITE_EMPTY writes into it (specification 1.2)
        Http.Reply empty = admin.post("/bigquery/v2/projects/" + PROJECT + "/datasets/imaging/tables", """
                {"tableReference": {"projectId": "%s", "datasetId": "imaging", "tableId": "empty_table"},
                 "schema": {"fields": [{"name": "StudyInstanceUID", "type": "STRING"}]}}""".formatted(PROJECT));
        assertThat(empty.status()).as(empty.body()).isEqualTo(200);

        Path screenshots = Path.of(System.getProperty("dicombq.console.screenshots", "target/console-screenshots"));
        browser = ConsoleBrowser.start(Files.createDirectories(temp.resolve("chromium-profile")), downloads, screenshots);
    }

    @AfterAll
    static void stopEverything() {
        if (browser != null) {
            browser.close();
        }
        if (server != null) {
            server.close();
        }
        if (held != null) {
            held.close();
        }
        if (orthanc != null) {
            orthanc.close();
        }
    }

    static void createStore(String id, String source) {
        Http.Reply reply = admin.post("/v1/" + DATASET_NAME + "/dicomStores?dicomStoreId=" + id, "{\"source\": \"" + source + "\"}");
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    }

    /** CT_small.dcm with markup in PatientID and StudyDescription and UIDs of its own, written by pydicom. */
    static void writeMarkupInstance(Path target) throws IOException, InterruptedException {
        String program = """
                import sys, pydicom
                ds = pydicom.dcmread(sys.argv[1])
                ds.PatientID = sys.argv[3]
                ds.StudyDescription = sys.argv[4]
                ds.StudyInstanceUID = '2.25.16016016016'
                ds.SeriesInstanceUID = '2.25.16016016016.1'
                ds.SOPInstanceUID = '2.25.16016016016.1.1'
                ds.file_meta.MediaStorageSOPInstanceUID = ds.SOPInstanceUID
                ds.save_as(sys.argv[2])
                """;
        Process python = new ProcessBuilder("/usr/bin/python3", "-c", program, PydicomCorpus.file("CT_small.dcm").toString(),
                target.toString(), SCRIPT_ID, IMG_DESCRIPTION).redirectErrorStream(true).start();
        String output = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(python.waitFor()).as("pydicom (install python3-pydicom): " + output).isZero();
    }

    // ---- the console, by accessible names ----

    /** The displayed control matching {@code css} whose accessible name is {@code name}. */
    static WebElement control(String css, String name) {
        return browser.until(driver -> driver.findElements(By.cssSelector(css)).stream()
                .filter(element -> element.isDisplayed() && name.equals(element.getAccessibleName()))
                .findFirst().orElse(null));
    }

    static void signIn(String token) {
        WebElement input = control("input", "Access token");
        input.clear();
        input.sendKeys(token);
        control("button", "Sign in").click();
    }

    static void openConsole() {
        browser.open(server.uri() + "/console/#/datasets");
        if (browser.driver().findElements(By.cssSelector("#session button")).isEmpty()) {
            signIn(ADMIN);
        }
        browser.find(By.cssSelector("tr[data-dataset]"));
    }

    /** The Export DICOM store page of a store, reached the seed's way: Datasets, the dataset, Actions, Export. */
    static void openExportPage(String store, boolean screenshots) {
        control("a", "Datasets").click();
        control("a", "radiology").click();
        WebElement row = browser.find(By.cssSelector("tr[data-store='" + DATASET_NAME + "/dicomStores/" + store + "']"));
        if (screenshots) {
            browser.screenshot("02-dicom-stores");
        }
        row.findElement(By.xpath(".//button[normalize-space()='Actions']")).click();
        WebElement export = control("[role=menuitem]", "Export");
        if (screenshots) {
            browser.screenshot("03-actions-export");
        }
        export.click();
        browser.find(By.xpath("//h1[normalize-space()='Export DICOM store']"));
        control("input[type=radio]", "BigQuery table").click();
    }

    /** Fills the form: Project by Browse, Dataset from its list, Table, a disposition and an optional filter file. */
    static void fillExportForm(String dataset, String table, String disposition, String filterFile) {
        control("button", "Browse").click();
        control("button", PROJECT).click();
        Select datasets = new Select(control("select", "Dataset"));
        browser.until(driver -> datasets.getOptions().stream().anyMatch(option -> option.getText().equals(dataset)));
        datasets.selectByVisibleText(dataset);
        WebElement tableInput = control("input", "Table");
        tableInput.clear();
        tableInput.sendKeys(table);
        control("input[type=radio]", disposition).click();
        WebElement filter = control("input", "Filter file");
        filter.clear();
        if (filterFile != null) {
            filter.sendKeys(filterFile);
        }
    }

    /** Types a project ID; leaving the field loads its datasets. */
    static void chooseProject(String project) {
        WebElement input = control("input", "Project");
        input.clear();
        input.sendKeys(project);
        control("input", "Table").click();
    }

    /** Clicks Export and returns the operation name the page shows. */
    static String clickExport() {
        WebElement export = control("button", "Export");
        browser.until(driver -> export.isEnabled());
        export.click();
        return browser.find(By.id("operation-name")).getText();
    }

    static String export(String store, String table, String disposition, String filterFile) {
        openExportPage(store, false);
        fillExportForm("imaging", table, disposition, filterFile);
        return clickExport();
    }

    /** The operation's row in the Operations tab, once it is done: its status and error cells. */
    static List<String> finished(String operation) {
        control("a", "Operations").click();
        // the row is found again at each poll: the first one found may belong to a render the page then replaced
        return browser.until(driver -> {
            List<WebElement> rows = driver.findElements(By.cssSelector("tr[data-operation='" + operation + "']"));
            if (rows.isEmpty()) {
                return null;
            }
            WebElement row = rows.get(0);
            String status = row.findElement(By.cssSelector("td.status")).getText();
            return Set.of("OK", "Failed").contains(status) ? List.of(status, row.findElement(By.cssSelector("td.detail")).getText(),
                    row.findElement(By.cssSelector("td.counters")).getText()) : null;
        });
    }

    static long rows(String table) {
        Http.Reply reply = admin.get("/bigquery/v2/projects/" + PROJECT + "/datasets/imaging/tables/" + table);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json().path("numRows").asLong();
    }

    static int operationCount() {
        return admin.get("/v1/" + DATASET_NAME + "/operations").json().path("operations").size();
    }

    // ---- the tests ----

    @Test
    @Order(1)
    void theConsoleAsksForATokenKeepsItInTheTabAndListsTheDatasets() {
        browser.open(server.uri() + "/");
        assertThat(browser.driver().getCurrentUrl()).startsWith(server.uri() + "/console/");
        WebElement reason = browser.find(By.id("sign-in-reason"));
        assertThat(reason.getText()).contains("Request is missing required authentication credential");
        browser.screenshot("00-sign-in");
        signIn(ADMIN);

        WebElement row = browser.find(By.cssSelector("tr[data-dataset='" + DATASET_NAME + "']"));
        assertThat(row.getText()).contains("radiology", PROJECT, "us-central1");
        browser.screenshot("01-datasets");
        assertThat(browser.script("return document.cookie")).isEqualTo("");
        assertThat(browser.script("return sessionStorage.getItem('dicombq.token')")).isEqualTo(ADMIN);
        assertThat(browser.script("return localStorage.length")).isEqualTo(0L);
    }

    @Test
    @Order(2)
    void anExportWithEachDispositionEndsOkInTheOperationsTab() {
        openConsole();
        openExportPage("corpus", true);
        fillExportForm("imaging", "dispositions", "Export only if the destination table is empty", null);
        browser.screenshot("04-export-form");
        String first = clickExport();
        assertThat(first).startsWith(DATASET_NAME + "/operations/");
        browser.screenshot("05-export-started");
        assertThat(finished(first)).containsExactly("OK", "", INSTANCES + " done, 2 failed, 0 pending");
        // the check mark before it is decoration: a screen reader reads the status alone
        assertThat(browser.find(By.cssSelector("tr[data-operation='" + first + "'] td.status")).getAccessibleName())
                .isEqualTo("OK");
        browser.screenshot("06-operations-ok");
        assertThat(rows("dispositions")).isEqualTo(INSTANCES);

        List<String> notEmpty = finished(export("corpus", "dispositions", "Export only if the destination table is empty", null));
        assertThat(notEmpty.get(0)).isEqualTo("Failed");
        assertThat(browser.find(By.cssSelector("tr[data-operation] td.status.failed")).getAccessibleName()).isEqualTo("Failed");
        assertThat(notEmpty.get(1)).startsWith("FAILED_PRECONDITION (9): ");
        browser.screenshot("07-operations-failed");
        assertThat(rows("dispositions")).isEqualTo(INSTANCES);

        assertThat(finished(export("corpus", "dispositions", "Append to the destination table", null)).get(0)).isEqualTo("OK");
        assertThat(rows("dispositions")).isEqualTo(2L * INSTANCES);

        assertThat(finished(export("corpus", "dispositions",
                "Erase all existing data in the destination table before writing the instances", null)).get(0)).isEqualTo("OK");
        assertThat(rows("dispositions")).isEqualTo(INSTANCES);
    }

    @Test
    @Order(3)
    void writeEmptyIntoAnExistingEmptyTableCompletes() {
        openConsole();
        assertThat(rows("empty_table")).isZero();
        List<String> done = finished(export("corpus", "empty_table", "Export only if the destination table is empty", null));
        assertThat(done.get(0)).as(done.toString()).isEqualTo("OK");
        assertThat(rows("empty_table")).isEqualTo(INSTANCES);
    }

    @Test
    @Order(4)
    void formErrorsAreShownNextToTheFieldOrButtonAndCreateNothing() {
        openConsole();
        int operations = operationCount();
        openExportPage("corpus", false);
        fillExportForm("imaging", "bad*table", "Append to the destination table", null);
        assertThat(browser.find(By.id("table-error")).getText())
                .contains("table 'bad*table' contains '*' (U+002A) at character 4");
        assertThat(control("button", "Export").isEnabled()).isFalse();
        browser.screenshot("08-invalid-table");

        // a project the caller has no role in, then one without warehouse datasets: the Dataset list says why
        chooseProject("no-such-project");
        assertThat(browser.find(By.id("dataset-error")).getText())
                .startsWith("Permission to read the warehouse of projects/no-such-project denied for admin@console");
        chooseProject("empty-project");
        assertThat(browser.find(By.id("dataset-error")).getText()).contains("Project empty-project has no warehouse dataset");
        assertThat(control("button", "Export").isEnabled()).isFalse();

        fillExportForm("imaging", "never_written", "Append to the destination table", root.resolve("bad-filter.txt").toString());
        control("button", "Export").click();
        assertThat(browser.find(By.id("export-error")).getText()).contains("bad-filter.txt, line 2: '/series/4' is not a filter path");
        assertThat(browser.find(By.id("filter-error")).getText()).contains("line 2");
        browser.screenshot("09-bad-filter-file");

        // a viewer may look but not export: the API's 403 is shown as it came
        control("button", "Sign out").click();
        signIn(VIEWER);
        openExportPage("corpus", false);
        fillExportForm("imaging", "never_written", "Append to the destination table", null);
        control("button", "Export").click();
        assertThat(browser.find(By.id("export-error")).getText())
                .contains("Permission 'healthcare.dicomStores.export' denied", "viewer@console");
        browser.screenshot("10-permission-denied");
        control("button", "Sign out").click();
        signIn(ADMIN);

        assertThat(operationCount()).isEqualTo(operations);
        assertThat(admin.get("/bigquery/v2/projects/" + PROJECT + "/datasets/imaging/tables/never_written").status()).isEqualTo(404);
    }

    @Test
    @Order(5)
    void aRunningExportShowsLiveCountersAndEndsOkWithoutReloading() {
        openConsole();
        held.hold();
        WebElement status;
        try {
            String operation = export("pacs", "from_pacs", "Export only if the destination table is empty", null);
            control("a", "Operations").click();
            status = browser.find(By.cssSelector("tr[data-operation='" + operation + "'] td.status"));
            browser.until(driver -> status.getText().equals("Running"));
            assertThat(control("button", "Cancel").isDisplayed()).isTrue();
        } finally {
            held.release();
        }
        // the same cell, updated in place by the page's polling: no reload, no new element
        browser.until(driver -> status.getText().equals("OK"));
        WebElement row = status.findElement(By.xpath("./.."));
        assertThat(row.findElement(By.cssSelector("td.counters")).getText()).isEqualTo(FILES.size() + " done, 0 failed, 0 pending");
        assertThat(row.findElements(By.xpath(".//button[normalize-space()='Cancel']"))).isEmpty();
        assertThat(rows("from_pacs")).isEqualTo(FILES.size());
    }

    @Test
    @Order(6)
    void cancelStopsARunningExportAndWritesNothing() {
        openConsole();
        held.hold();
        WebElement status;
        try {
            String operation = export("pacs", "cancelled", "Export only if the destination table is empty", null);
            control("a", "Operations").click();
            status = browser.find(By.cssSelector("tr[data-operation='" + operation + "'] td.status"));
            browser.until(driver -> status.getText().equals("Running"));
            browser.screenshot("11-operation-running");
            control("button", "Cancel").click();
            // a cancel interrupts the request blocked on the held store, so "Cancelling" may last less than one poll
            browser.until(driver -> status.getText().equals("Cancelling") || status.getText().equals("Failed"));
        } finally {
            held.release();
        }
        browser.until(driver -> status.getText().equals("Failed"));
        assertThat(status.findElement(By.xpath("../td[contains(@class,'detail')]")).getText()).startsWith("CANCELLED (1): ");
        browser.screenshot("12-operation-cancelled");
        assertThat(admin.get("/bigquery/v2/projects/" + PROJECT + "/datasets/imaging/tables/cancelled").status()).isEqualTo(404);
    }

    @Test
    @Order(7)
    void aQuerySavedAsAFilterFileDrivesAFilteredExport() throws IOException {
        openConsole();
        control("a", "Query").click();
        new Select(control("select", "Project")).selectByVisibleText(PROJECT);
        control("textarea", "SQL").sendKeys("SELECT DISTINCT CONCAT('/studies/', StudyInstanceUID, '/series/', SeriesInstanceUID)"
                + " AS path FROM `" + WAREHOUSE + ".source` WHERE Modality = 'MR' ORDER BY path");
        control("button", "Run query").click();
        WebElement count = browser.find(By.id("row-count"));
        List<String> paths = browser.driver().findElements(By.cssSelector("#query-results tbody td")).stream()
                .map(WebElement::getText).toList();
        assertThat(paths).isNotEmpty().allMatch(path -> path.matches("/studies/[0-9.]+/series/[0-9.]+"));
        assertThat(count.getText()).startsWith(paths.size() + " row");
        WebElement name = control("input", "File name");
        name.clear();
        name.sendKeys("mr-series.txt");
        browser.screenshot("13-query-filter-paths");
        control("button", "Save as filter file").click();
        Path saved = downloads.resolve("mr-series.txt");
        browser.until(driver -> Files.isRegularFile(saved) && !Files.exists(downloads.resolve("mr-series.txt.crdownload")));
        assertThat(Files.readAllLines(saved)).containsExactlyElementsOf(paths);

        List<String> done = finished(export("corpus", "mr_only", "Export only if the destination table is empty", saved.toString()));
        assertThat(done.get(0)).as(done.toString()).isEqualTo("OK");
        Http.Reply expected = admin.post("/bigquery/v2/projects/" + PROJECT + "/queries", "{\"useLegacySql\": false, \"query\":"
                + " \"SELECT COUNT(*) AS n FROM `" + WAREHOUSE + ".source` WHERE Modality = 'MR'\"}");
        assertThat(expected.status()).as(expected.body()).isEqualTo(200);
        assertThat(rows("mr_only")).isEqualTo(expected.json().at("/rows/0/f/0/v").asLong()).isPositive().isLessThan(INSTANCES);
    }

    @Test
    @Order(8)
    void markupInDicomValuesTableNamesAndFileNamesStaysText() {
        openConsole();
        control("a", "Query").click();
        new Select(control("select", "Project")).selectByVisibleText(PROJECT);
        control("textarea", "SQL").sendKeys("SELECT PatientID, StudyDescription FROM `" + WAREHOUSE + ".source`"
                + " WHERE StudyInstanceUID = '2.25.16016016016'");
        control("button", "Run query").click();
        browser.find(By.id("row-count"));
        List<String> cells = browser.driver().findElements(By.cssSelector("#query-results tbody td")).stream()
                .map(WebElement::getText).toList();
        assertThat(cells).containsExactly(SCRIPT_ID, IMG_DESCRIPTION);
        browser.screenshot("14-query-markup-as-text");

        // the table page lists the schema and the row count
        control("a", "source").click();
        assertThat(browser.find(By.id("table-rows")).getText()).isEqualTo("Rows: " + INSTANCES);
        assertThat(browser.find(By.xpath("//td[normalize-space()='PatientID']")).isDisplayed()).isTrue();
        browser.screenshot("15-table-schema");

        // the log names the failed file as it is called, markup included
        String operation = admin.get("/v1/" + DATASET_NAME + "/operations").json().path("operations").get(0).path("name").asText();
        browser.open(server.uri() + "/console/#/log/" + URLEncoder.encode(operation, StandardCharsets.UTF_8));
        assertThat(browser.find(By.cssSelector("table[aria-label='Failed instances']")).getText()).contains(IMG_FILE);

        // a table name typed with markup is echoed as text in its error
        openExportPage("corpus", false);
        control("input", "Table").sendKeys("<script>window.__pwned = 4</script>");
        assertThat(browser.find(By.id("table-error")).getText()).startsWith("table '<script>window.__pwned = 4</script>'");

        assertThat(browser.script("return window.__pwned === undefined")).isEqualTo(true);
        assertThat(browser.script("return document.querySelectorAll('main script, main img').length")).isEqualTo(0L);
    }

    @Test
    @Order(11)
    void theAdvancedOptionsExportTheSourceStoreInTheJsonLayout() {
        openConsole();
        openExportPage("corpus", false);
        fillExportForm("imaging", "advanced", "Export only if the destination table is empty", null);
        control("summary", "Advanced").click();
        control("input[type=checkbox]", "Include the source store").click();
        control("input[type=radio]", "JSON (one column of DICOM JSON per instance)").click();
        browser.screenshot("16-advanced-options");

        assertThat(finished(clickExport()).get(0)).isEqualTo("OK");
        // specification 3.9: the JSON layout's fixed columns, SourceDicomStore among them
        JsonNode fields = admin.get("/bigquery/v2/projects/" + PROJECT + "/datasets/imaging/tables/advanced").json()
                .path("schema").path("fields");
        List<String> names = new ArrayList<>();
        fields.forEach(field -> names.add(field.path("name").asText()));
        assertThat(names).contains("SourceDicomStore", "Metadata").doesNotContain("PatientID");
        Http.Reply stores = admin.post("/bigquery/v2/projects/" + PROJECT + "/queries", "{\"useLegacySql\": false, \"query\":"
                + " \"SELECT DISTINCT SourceDicomStore FROM `" + PROJECT + ".imaging.advanced`\"}");
        assertThat(stores.json().path("rows").get(0).path("f").get(0).path("v").asText())
                .isEqualTo(DATASET_NAME + "/dicomStores/corpus");
        assertThat(rows("advanced")).isEqualTo(INSTANCES);
    }

    @Test
    @Order(12)
    void aFilterFileSavedFromALongResultHoldsEveryRowNotOnlyThePageShown() throws IOException {
        openConsole();
        control("a", "Query").click();
        new Select(control("select", "Project")).selectByVisibleText(PROJECT);
        String digits = String.join(", ", java.util.stream.IntStream.rangeClosed(1, 40).mapToObj(Integer::toString).toList());
        control("textarea", "SQL").sendKeys("SELECT CONCAT('/studies/1.', CAST(a AS STRING), '.', CAST(b AS STRING)) AS path"
                + " FROM UNNEST([" + digits + "]) AS a CROSS JOIN UNNEST([" + digits + "]) AS b ORDER BY a, b");
        control("button", "Run query").click();
        WebElement count = browser.find(By.id("row-count"));
        assertThat(count.getText()).isEqualTo("1600 rows (the first 1000 shown)");
        WebElement name = control("input", "File name");
        name.clear();
        name.sendKeys("all-1600.txt");
        control("button", "Save as filter file").click();
        Path saved = downloads.resolve("all-1600.txt");
        browser.until(driver -> Files.isRegularFile(saved) && !Files.exists(downloads.resolve("all-1600.txt.crdownload")));
        List<String> lines = Files.readAllLines(saved);
        assertThat(lines).hasSize(1600).doesNotHaveDuplicates().allMatch(path -> path.matches("/studies/1\\.[0-9]+\\.[0-9]+"));
        assertThat(lines.get(1599)).isEqualTo("/studies/1.40.40");
    }

    @Test
    @Order(10)
    void aDatasetWithMoreStoresThanOnePageListsThemAll() {
        // dicomStores.list answers 100 stores a page (docs/http-api.md): the console follows nextPageToken
        for (int i = 0; i < 101; i++) {
            createStore("many-%03d".formatted(i), study.toString());
        }
        openConsole();
        control("a", "Datasets").click();
        control("a", "radiology").click();
        browser.find(By.cssSelector("tr[data-store='" + DATASET_NAME + "/dicomStores/many-100']"));
        assertThat(browser.driver().findElements(By.cssSelector("tr[data-store]"))).hasSize(2 + 101);
    }

    @Test
    @Order(13)
    void theOperationsTabListsMoreOperationsThanOnePage() throws IOException {
        // operations.list answers 100 a page, newest first: the tab reads every page, then polls the newest
        String busy = "projects/" + PROJECT + "/locations/us-central1/datasets/busy";
        Path empty = Files.createDirectories(root.resolve("empty"));
        Http.Reply store = admin.post("/v1/" + busy + "/dicomStores?dicomStoreId=empty", "{\"source\": \"" + empty + "\"}");
        assertThat(store.status()).as(store.body()).isEqualTo(200);
        // 101 exports of an empty folder, all started before any is awaited
        List<String> operations = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            Http.Reply started = admin.post("/v1/" + busy + "/dicomStores/empty:export", "{\"bigqueryDestination\": {\"tableUri\":"
                    + " \"bq://" + WAREHOUSE + ".busy_" + i + "\"}}");
            assertThat(started.status()).as(started.body()).isEqualTo(200);
            operations.add(started.json().get("name").asText());
        }
        operations.forEach(operation -> HealthcareHttpApiTest.awaitDone(admin, operation));
        assertThat(admin.get("/v1/" + busy + "/operations").json().path("operations").size())
                .as("more operations than the first page holds").isEqualTo(100);

        openConsole();
        browser.open(server.uri() + "/console/#/operations/" + URLEncoder.encode(busy, StandardCharsets.UTF_8));
        browser.find(By.cssSelector("tr[data-operation='" + operations.get(0) + "']"));
        assertThat(browser.driver().findElements(By.cssSelector("tr[data-operation]"))).hasSize(101);
    }

    @Test
    @Order(9)
    void everyAnswerCarriesTheSecurityHeaders() {
        Http anyone = admin.anonymous();
        Http.Reply redirect = anyone.get("/");
        assertThat(redirect.status()).isEqualTo(302);
        assertThat(redirect.response().headers().firstValue("Location")).hasValue("/console/");

        Http.Reply page = anyone.get("/console/");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("<script src=\"console.js\" defer></script>").doesNotContain("http://", "https://");
        assertThat(page.response().headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("default-src 'none'", "script-src 'self'", "connect-src 'self'", "frame-ancestors 'none'")
                .doesNotContain("unsafe");
        for (Http.Reply reply : List.of(page, redirect, anyone.get("/console/console.js"), anyone.get("/v1/" + DATASET_NAME + "/dicomStores"),
                anyone.get("/bigquery/v2/projects"))) {
            assertThat(reply.response().headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(reply.response().headers().firstValue("Content-Security-Policy").orElseThrow()).contains("frame-ancestors 'none'");
            assertThat(reply.response().headers().firstValue("Set-Cookie")).isEmpty();
        }
        assertThat(anyone.get("/v1/" + DATASET_NAME + "/dicomStores").status()).isEqualTo(401);
        assertThat(anyone.get("/bigquery/v2/projects").status()).isEqualTo(401);
        assertThat(anyone.get("/console/other.js").status()).isEqualTo(404);
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
