package io.dicombq.adapter.out.h2;

import io.dicombq.domain.status.Code;
import io.dicombq.domain.status.DicombqException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** A warehouse file H2 cannot read is reported in one line that names the file and says what to do. */
class UnopenableWarehouseTest {
    @Test
    void aDamagedFileIsReportedInOneLineWithWhatToDo(@TempDir Path dir) throws Exception {
        try (H2Warehouse warehouse = H2Warehouse.open(dir)) {
            warehouse.createDataset("p-project", "d");
        }
        Path file = dir.resolve("warehouse.mv.db");
        byte[] noise = new byte[(int) Files.size(file)];
        new Random(7).nextBytes(noise);
        Files.write(file, noise);

        DicombqException refused = catchThrowableOfType(DicombqException.class, () -> H2Warehouse.open(dir));

        assertThat(refused.error().code()).isEqualTo(Code.UNAVAILABLE);
        assertThat(refused.getMessage()).doesNotContain("\n").hasSizeLessThan(500)
                .contains(file.toString()).contains("damaged").contains("move that file aside");
    }
}
