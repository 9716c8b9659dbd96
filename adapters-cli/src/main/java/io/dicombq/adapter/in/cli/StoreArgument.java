package io.dicombq.adapter.in.cli;

import io.dicombq.application.port.in.ExportRequest;
import io.dicombq.application.port.in.ManageDicomStoresUseCase;
import io.dicombq.domain.operation.DicomStoreName;
import io.dicombq.domain.status.Code;
import io.dicombq.domain.status.DicombqException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Predicate;

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
        return resolve(text, location, destinationProject, stores, source -> false);
    }

    /**
     * As above; {@code readByEngine} tells the file patterns a distributed export's engine reads itself (a glob, a
     * gs:// path), which become an ad-hoc store named after the folder the pattern starts from.
     */
    static ExportRequest.StoreReference resolve(String text, HealthcareDatasetOptions location, String destinationProject,
                                                ManageDicomStoresUseCase stores, Predicate<String> readByEngine) {
        if (DicomStoreName.looksLikeName(text)) {
            return new ExportRequest.RegisteredStore(DicomStoreName.parse(text));
        }
        if (readByEngine.test(text)) {
            String project = location.projectGiven() ? location.project() : destinationProject;
            return new ExportRequest.AdHocStore(new DicomStoreName(project, location.location(), location.dataset(),
                    idOf(patternFolder(text))), text);
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

    /** The folder a pattern starts from: the segments before the first one with a wildcard, without a scheme. */
    private static Path patternFolder(String pattern) {
        String path = pattern.replaceFirst("^[a-zA-Z][a-zA-Z0-9+.-]*://", "/");
        int wildcard = 0;
        while (wildcard < path.length() && "*?[{".indexOf(path.charAt(wildcard)) < 0) {
            wildcard++;
        }
        String folder = path.substring(0, wildcard);
        return Path.of(folder.isEmpty() ? "." : folder).toAbsolutePath().normalize();
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
