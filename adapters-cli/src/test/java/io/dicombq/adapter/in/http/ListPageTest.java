package io.dicombq.adapter.in.http;

import io.dicombq.domain.status.DicombqException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ListPageTest {
    private static final String COLLECTION = "projects/p-project/locations/l/datasets/d/dicomStores";

    private static List<String> names(int count) {
        return IntStream.range(0, count).mapToObj(i -> String.format("store-%04d", i)).toList();
    }

    private static ListPage<String> page(List<String> all, String size, String token) {
        return ListPage.of(all, Function.identity(), COLLECTION, size, token);
    }

    @Test
    void defaultAndMaximumSizesAreGooglesAndTheLastPageHasNoToken() {
        List<String> all = names(2500);
        assertThat(page(all, null, null).items()).hasSize(100);
        assertThat(page(all, "0", null).items()).hasSize(100);
        assertThat(page(all, "5000", null).items()).hasSize(1000);
        List<String> seen = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            ListPage<String> page = page(all, "1000", token);
            seen.addAll(page.items());
            token = page.nextPageToken().orElse(null);
            pages++;
        } while (token != null);
        assertThat(pages).isEqualTo(3);
        assertThat(seen).isEqualTo(all);
    }

    @Test
    void aPageResumesAfterItsLastItemEvenIfItemsWereAddedBeforeIt() {
        List<String> all = new ArrayList<>(names(6));
        ListPage<String> first = page(all, "3", null);
        all.add(0, "store-new");
        assertThat(page(all, "3", first.nextPageToken().orElseThrow()).items()).containsExactly("store-0003", "store-0004", "store-0005");
    }

    @Test
    void badSizesAndTokensAreInvalid() {
        List<String> all = names(5);
        assertThatThrownBy(() -> page(all, "-1", null)).isInstanceOf(DicombqException.class).hasMessageContaining("negative");
        assertThatThrownBy(() -> page(all, "x", null)).isInstanceOf(DicombqException.class).hasMessageContaining("page_size");
        assertThatThrownBy(() -> page(all, null, "%%%")).isInstanceOf(DicombqException.class).hasMessageContaining("Invalid page token");
        assertThatThrownBy(() -> page(all, null, "c29tZXRoaW5nIGVsc2U")).isInstanceOf(DicombqException.class)
                .hasMessageContaining("Invalid page token");
        String token = page(all, "2", null).nextPageToken().orElseThrow();
        assertThatThrownBy(() -> ListPage.of(all, Function.identity(), "projects/other-project/locations/l/datasets/d/dicomStores",
                null, token)).isInstanceOf(DicombqException.class).hasMessageContaining("not of projects/other-project");
    }
}
