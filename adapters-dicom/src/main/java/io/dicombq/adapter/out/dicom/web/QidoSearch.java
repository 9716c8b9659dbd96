package io.dicombq.adapter.out.dicom.web;

import io.dicombq.domain.dicom.DicomDataset;
import io.dicombq.domain.dicom.Tag;
import io.dicombq.domain.status.Code;
import io.dicombq.domain.status.DicombqException;

import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * One QIDO-RS search (PS3.18 10.6), read page by page with {@code limit} and {@code offset} as the caller
 * consumes it, yielding the UID each match is about, once. Only one page is held at a time, plus the UIDs already
 * yielded (about 100 bytes each: a million studies take about 100 MB).
 */
final class QidoSearch implements Iterator<String> {
    private final DicomWebClient client;
    private final DicomJsonReader json;
    private final String path;
    private final Tag uidTag;
    private final int pageSize;

    private List<DicomDataset> page = List.of();
    private int indexInPage;
    private int offset;
    private boolean lastPage;
    private String upcoming;
    /** The UIDs yielded so far: one study's series, one series' instances, or every study of the store. */
    private final Set<String> seen = new HashSet<>();

    private QidoSearch(DicomWebClient client, DicomJsonReader json, String path, Tag uidTag, int pageSize) {
        this.client = client;
        this.json = json;
        this.path = path;
        this.uidTag = uidTag;
        this.pageSize = pageSize;
    }

    /** The UIDs ({@code uidTag}) of every match of {@code path}; the first page is fetched now, so a dead store fails here. */
    static Stream<String> uids(DicomWebClient client, DicomJsonReader json, String path, Tag uidTag, int pageSize) {
        QidoSearch search = new QidoSearch(client, json, path, uidTag, pageSize);
        search.fetch();
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(search, Spliterator.ORDERED | Spliterator.NONNULL), false);
    }

    @Override
    public boolean hasNext() {
        while (upcoming == null) {
            while (indexInPage >= page.size()) {
                if (lastPage) {
                    return false;
                }
                fetch();
            }
            String uid = uidOf(page.get(indexInPage++));
            // a server that files one UID under two patients (Orthanc) lists it twice: the same resource, asked once
            if (seen.add(uid)) {
                upcoming = uid;
            }
        }
        return true;
    }

    @Override
    public String next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        String uid = upcoming;
        upcoming = null;
        return uid;
    }

    private String uidOf(DicomDataset match) {
        String uid = match.text(uidTag);
        if (uid == null || uid.isEmpty()) {
            throw new DicombqException(Code.DATA_LOSS, "QIDO-RS result " + (offset - page.size() + indexInPage)
                    + " of " + client.endpoint().resolve(path) + " has no " + uidTag
                    + " UID, which every QIDO-RS match must carry (PS3.18): the server's search results are unusable");
        }
        return uid;
    }

    private void fetch() {
        String query = path + "?limit=" + pageSize + "&offset=" + offset;
        DicomWebClient.Reply reply;
        try {
            reply = client.get(query);
        } catch (DicomWebClient.UnreachableException e) {
            throw DicomWebErrors.unreachable(client.endpoint(), e);
        }
        if (reply.noContent()) {
            page = List.of();
        } else if (reply.ok()) {
            try {
                page = json.readDatasets(reply.body());
            } catch (DicomJsonReader.MalformedDicomJson e) {
                throw DicomWebErrors.malformed("QIDO-RS search result", reply.uri(), e.getMessage());
            }
        } else {
            throw DicomWebErrors.store(client.endpoint(), reply);
        }
        indexInPage = 0;
        offset += page.size();
        // PS3.18 QIDO-RS: a server that truncates a result says so in a Warning header; without one, a short page is the last
        lastPage = page.isEmpty() || (page.size() < pageSize && reply.warning().isEmpty());
    }
}
