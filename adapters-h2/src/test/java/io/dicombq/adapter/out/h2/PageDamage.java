package io.dicombq.adapter.out.h2;

import io.dicombq.adapter.out.h2.catalog.Catalog;
import io.dicombq.adapter.out.h2.catalog.Names;
import io.dicombq.adapter.out.h2.catalog.TableEntry;
import io.dicombq.domain.destination.TableUri;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreTool;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Damages one table of a closed warehouse file the way a bad disk block would, and nothing else: the first leaf page
 * of that table's rows gets a wrong check value, so H2 refuses it when a read reaches it ("File corrupted in chunk
 * …") while its metadata, the table's other pages and every other table stay readable.
 */
public final class PageDamage {
    private static final Pattern CHUNK = Pattern.compile("^([0-9a-f]+) chunkHeader chunk:([0-9a-f]+),");
    private static final Pattern PAGE = Pattern.compile("^\\+([0-9a-f]+) (leaf|node), map ");
    private static final Pattern CHILD = Pattern.compile("children @ chunk ([0-9a-f]+) \\+([0-9a-f]+)");

    private PageDamage() {
    }

    /** Damages the first leaf page of {@code table} in the warehouse of {@code dataDir}; which page it was. */
    public static String firstLeafOf(Path dataDir, TableUri table) throws Exception {
        String mapName;
        try (H2Warehouse warehouse = H2Warehouse.open(dataDir);
             Connection connection = warehouse.database().connection()) {
            TableEntry entry = Catalog.table(connection, table).orElseThrow();
            SessionLocal session = (SessionLocal) connection.unwrap(JdbcConnection.class).getSession();
            int id = session.getDatabase().getSchema(Names.schemaOf(table.project(), table.dataset()))
                    .getTableOrView(session, entry.physicalName()).getId();
            // MVPrimaryIndex names the map of a table's rows after the table's id
            mapName = "table." + id;
        }
        Path file = dataDir.resolve("warehouse.mv.db");
        long root;
        try (MVStore store = new MVStore.Builder().fileName(file.toString()).readOnly().open()) {
            int mapId = Integer.parseInt(store.getMetaMap().get("name." + mapName), 16);
            root = Long.parseLong(store.getLayoutMap().get("root." + Integer.toHexString(mapId)), 16);
        }
        StringWriter dump = new StringWriter();
        MVStoreTool.dump(file.toString(), dump, true);
        // Every page by chunk and offset: its place in the file, and a node's children in key order.
        Map<String, Long> places = new HashMap<>();
        Map<String, List<String>> children = new HashMap<>();
        long chunkStart = -1;
        String chunkId = null;
        String node = null;
        for (String line : dump.toString().split("\n")) {
            Matcher chunk = CHUNK.matcher(line);
            Matcher page = PAGE.matcher(line);
            Matcher child = CHILD.matcher(line);
            if (chunk.find()) {
                chunkStart = Long.parseLong(chunk.group(1), 16);
                chunkId = chunk.group(2);
            } else if (page.find()) {
                String key = chunkId + "+" + Long.parseLong(page.group(1), 16);
                places.put(key, chunkStart + Long.parseLong(page.group(1), 16));
                node = page.group(2).equals("node") ? key : null;
                if (node != null) {
                    children.put(node, new ArrayList<>());
                }
            } else if (child.find() && node != null) {
                children.get(node).add(child.group(1) + "+" + Long.parseLong(child.group(2), 16));
            }
        }
        // The leftmost leaf: a scan reads it, but opening the database does not (H2 reads the rightmost for the
        // next row key, so damaging that one makes the whole file unopenable).
        String page = Long.toHexString(DataUtils.getPageChunkId(root)) + "+" + DataUtils.getPageOffset(root);
        if (!children.containsKey(page)) {
            throw new IllegalStateException(mapName + " has a single page: write more rows to damage one of several");
        }
        while (children.containsKey(page)) {
            page = children.get(page).get(0);
        }
        try (RandomAccessFile bytes = new RandomAccessFile(file.toFile(), "rw")) {
            // A page starts with its length (int) and a check value (short) H2 compares at every read.
            long check = places.get(page) + 4;
            bytes.seek(check);
            short value = bytes.readShort();
            bytes.seek(check);
            bytes.writeShort(~value);
            return page;
        } catch (IOException e) {
            throw new IllegalStateException("could not damage " + file, e);
        }
    }
}
