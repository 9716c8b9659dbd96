package io.dicombq.adapter.in.cli;

import io.dicombq.application.port.in.ExportRequest;
import io.dicombq.application.port.in.ManageDicomStoresUseCase;
import io.dicombq.domain.operation.DicomStoreName;
import io.dicombq.domain.status.Code;
import io.dicombq.domain.status.DicombqException;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The STORE argument of an export: a full resource name, a store ID in the {@code --project/--location/--dataset}
 * dataset, or a folder path (an ad-hoc store named after the folder). A text with a path separator is a folder; a
 * bare word is a registered store when one exists, else a folder if there is one of that name.
 */
final class StoreArgument {
    private StoreArgument() {
    }

    static ExportRequest.StoreReference resolve(String text, HealthcareDatasetOptions location, String destinationProject,
                                                ManageDicomStoresUseCase stores) {
        if (DicomStoreName.looksLikeName(text)) {
            return new ExportRequest.RegisteredStore(DicomStoreName.parse(text));
        }
        boolean pathLike = text.contains("/") || text.contains(java.io.File.separator) || text.startsWith(".") || text.startsWith("~");
        if (!pathLike) {
            DicomStoreName name = location.storeId(text);
            if (registered(name, stores) || !Files.isDirectory(Path.of(text))) {
                return new ExportRequest.RegisteredStore(name);
            }
        }
        Path folder = Path.of(text).toAbsolutePath().normalize();
        if (!Files.isDirectory(folder)) {
            throw new DicombqException(Code.NOT_FOUND, "DICOM store folder " + folder + " does not exist or is not a folder");
        }
        // An ad-hoc store belongs to the destination's project unless --project says otherwise (so no grant is needed).
        String project = location.projectGiven() ? location.project() : destinationProject;
        DicomStoreName name = new DicomStoreName(project, location.location(), location.dataset(), idOf(folder));
        return new ExportRequest.AdHocStore(name, folder.toString());
    }

    private static boolean registered(DicomStoreName name, ManageDicomStoresUseCase stores) {
        try {
            stores.get(name);
            return true;
        } catch (DicombqException e) {
            if (e.code() == Code.NOT_FOUND) {
                return false;
            }
            throw e;
        }
    }

    /** The folder's name with every character a store ID cannot hold replaced by '-'. */
    static String idOf(Path folder) {
        Path fileName = folder.getFileName();
        String name = fileName == null ? "" : fileName.toString().replaceAll("[^\\p{L}\\p{N}_.-]", "-");
        if (name.isEmpty()) {
            return "folder";
        }
        return name.length() > 256 ? name.substring(0, 256) : name;
    }
}
