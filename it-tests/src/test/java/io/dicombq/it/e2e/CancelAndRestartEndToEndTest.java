package io.dicombq.it.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.dicombq.it.fixture.SilentListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Long-running exports in a detached worker JVM ({@code --async}): a cancelled export ends CANCELLED, and one whose
 * worker is killed with SIGKILL mid-export is reported ABORTED; in both cases the destination keeps its rows. The
 * export reads a DICOMweb server that accepts connections and never answers, so it is certainly still running when the
 * test acts: once the server has seen the worker's first request, nothing the worker can do ends the export.
 */
class CancelAndRestartEndToEndTest {
    /** A guard against a hung worker, not a performance assertion. */
    private static final Duration GIVE_UP = Duration.ofMinutes(3);

    @TempDir
    static Path temp;
    private static Path small;
    private SilentListener hung;

    @BeforeAll
    static void stores() {
        small = Corpus.folderOf(temp.resolve("small"), "CT_small.dcm", "MR_small.dcm");
    }

    @BeforeEach
    void hungServer() {
        hung = new SilentListener();
    }

    @AfterEach
    void closeServer() {
        hung.close();
    }

    @Test
    void aCancelledExportEndsCancelledAndLeavesTheTableAsItWas() {
        Cli cli = new Cli(temp.resolve("cancel-data"));
        cli.ok("datasets", "create", "my-project.exports");
        cli.export(small.toString(), "--bq-table=bq://my-project.exports.t");

        String name = startAsync(cli, "--bq-table=bq://my-project.exports.t", "--write-disposition=write-append");
        String cancelled = cli.ok("operations", "cancel", name);
        JsonNode operation = waitUntil(cli, name, op -> op.path("done").asBoolean());
        // The worker closes its databases after the operation is done; let it exit before the folder is deleted.
        workerPid(cli, name).flatMap(ProcessHandle::of).ifPresent(worker -> worker.onExit().join());

        assertThat(cancelled).contains("Cancellation of operation [" + name + "] requested");
        assertThat(operation.get("error").get("code").asInt()).as(operation.toString()).isEqualTo(1);
        assertThat(operation.get("metadata").get("cancelRequested").asBoolean()).isTrue();
        assertThat(cli.rows("my-project.exports.t")).isEqualTo(2);
        assertThat(cli.ok("operations", "cancel", name)).contains("already done");
    }

    @Test
    void anExportWhoseWorkerIsKilledIsReportedAbortedAndTheTableIsUnchanged() throws Exception {
        Cli cli = new Cli(temp.resolve("kill-data"));
        cli.ok("datasets", "create", "my-project.exports");
        cli.export(small.toString(), "--bq-table=bq://my-project.exports.t");

        String name = startAsync(cli, "--bq-table=bq://my-project.exports.t", "--write-disposition=write-append");
        assertThat(SilentListener.await(() -> !hung.heads().isEmpty(), (int) GIVE_UP.toSeconds()))
                .as("the worker sends its first DICOMweb request").isTrue();
        ProcessHandle worker = workerOf(cli, name);
        worker.destroyForcibly();
        worker.onExit().get();

        JsonNode aborted = cli.json("operations", "describe", name, "--format=json");

        assertThat(aborted.get("done").asBoolean()).isTrue();
        assertThat(aborted.get("error").get("code").asInt()).as(aborted.toString()).isEqualTo(10);
        assertThat(aborted.get("error").get("message").asText()).contains("ended before the export finished").contains("unchanged");
        assertThat(aborted.get("metadata").has("endTime")).isTrue();
        assertThat(cli.rows("my-project.exports.t")).isEqualTo(2);
        JsonNode again = cli.export(small.toString(), "--bq-table=bq://my-project.exports.t", "--write-disposition=write-append");
        assertThat(again.has("response")).as(again.toString()).isTrue();
        assertThat(cli.rows("my-project.exports.t")).isEqualTo(4);
    }

    /** The worker's pid, from the first line of its log (the worker may not be our child: setsid can fork). */
    private static ProcessHandle workerOf(Cli cli, String name) {
        long pid = workerPid(cli, name).orElseThrow(() -> new AssertionError("the worker of " + name + " has not started"));
        return ProcessHandle.of(pid).orElseThrow(() -> new AssertionError("worker " + pid + " is not running"));
    }

    private static java.util.Optional<Long> workerPid(Cli cli, String name) {
        String id = name.substring(name.lastIndexOf('/') + 1);
        Path log = cli.dataDir().resolve("operation-logs").resolve(id + ".worker.log");
        try {
            java.util.List<String> lines = java.nio.file.Files.readAllLines(log);
            if (lines.isEmpty()) {
                return java.util.Optional.empty();
            }
            assertThat(lines.get(0)).startsWith("dicombq worker pid ").endsWith(" runs " + name);
            return java.util.Optional.of(Long.parseLong(lines.get(0).split(" ")[3]));
        } catch (java.nio.file.NoSuchFileException e) {
            return java.util.Optional.empty();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private String startAsync(Cli cli, String... destination) {
        cli.ok("dicom-stores", "create", "hung", "--project=my-project", "--source=" + hung.uri() + "/dicom-web");
        String[] args = new String[destination.length + 3];
        args[0] = "hung";
        args[1] = "--project=my-project";
        System.arraycopy(destination, 0, args, 2, destination.length);
        args[args.length - 1] = "--async";
        JsonNode started = cli.export(args);
        assertThat(started.path("done").asBoolean()).isFalse();
        return started.get("name").asText();
    }

    private static JsonNode waitUntil(Cli cli, String name, Predicate<JsonNode> condition) {
        Instant deadline = Instant.now().plus(GIVE_UP);
        while (Instant.now().isBefore(deadline)) {
            JsonNode operation = cli.json("operations", "describe", name, "--format=json");
            if (condition.test(operation)) {
                return operation;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("operation " + name + " did not get there in " + GIVE_UP);
    }
}
