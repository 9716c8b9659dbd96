package io.dicombq.it.http;

import io.dicombq.adapter.in.http.access.AccessControl;
import io.dicombq.adapter.out.dicom.testing.PydicomCorpus;
import io.dicombq.it.fixture.NodeClients;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The official generated Node.js client of the Healthcare API ({@code googleapis} from npm, healthcare v1) against
 * {@code dicombq serve} with an access file: stores, list pages, exports with filters, operations, errors
 * (it-tests/src/test/node/healthcare-googleapis.test.cjs holds the checks).
 */
class GoogleapisHealthcareClientTest {
    private static final String TOKEN = "node-client-token-9d41";
    private static final int CHECKS = 7;

    @TempDir
    Path temp;

    @Test
    void everyCheckOfTheOfficialNodeClientPasses() throws IOException {
        Path root = Files.createDirectories(temp.resolve("root"));
        Path study = Files.createDirectories(root.resolve("study"));
        Files.copy(PydicomCorpus.file("CT_small.dcm"), study.resolve("CT_small.dcm"));
        Path filter = Files.writeString(root.resolve("filter.txt"), "/studies/1.3.6.1.4.1.5962.1.2.1.20040119072730.12322\n");
        Path data = temp.resolve("data");
        new InProcessDicombq(data).ok("datasets", "create", "node-project.imaging");
        Path accessFile = Files.writeString(temp.resolve("access.json"), """
                {"principals": [{"name": "node@node-project", "tokenSha256": "%s",
                  "bindings": [{"role": "roles/healthcare.dicomStoreAdmin", "resource": "projects/node-project"}]}],
                 "folderRoots": ["%s"]}
                """.formatted(AccessControl.sha256Hex(TOKEN), root));
        try (ServeProcess server = ServeProcess.start(data, temp, "--access-file", accessFile.toString())) {
            NodeClients.Run run = NodeClients.test("healthcare-googleapis.test.cjs", Map.of(
                    "DICOMBQ_URL", server.uri().toString(), "DICOMBQ_TOKEN", TOKEN, "DICOMBQ_PROJECT", "node-project",
                    "DICOMBQ_STUDY", study.toString(), "DICOMBQ_FILTER", filter.toString()), 300);
            assertThat(run.exitCode()).as(run.output()).isZero();
            assertThat(run.count("pass")).as(run.output()).isEqualTo(CHECKS);
            assertThat(run.count("fail")).as(run.output()).isZero();
        }
    }
}
