package io.dicombq.adapter.in.cli;

import io.dicombq.adapter.in.cli.wiring.DicombqRuntime;
import io.dicombq.adapter.in.cli.wiring.LocalDicomStoreSources;
import io.dicombq.application.port.out.DicomStoreDefinition;
import io.dicombq.domain.json.JsonWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.List;

/** {@code dicombq dicom-stores …}: register DICOM stores over folders, and export them to tables. */
@Command(name = "dicom-stores", mixinStandardHelpOptions = true,
        description = "Manage DICOM stores (named sources of DICOM instances) and export their metadata.",
        subcommands = {
                DicomStoresCommand.Create.class,
                DicomStoresCommand.ListStores.class,
                DicomStoresCommand.Describe.class,
                DicomStoresCommand.Delete.class,
                ExportCommand.class,
        })
public final class DicomStoresCommand extends CommandGroup {

    static String json(DicomStoreDefinition store) {
        StringBuilder out = new StringBuilder();
        JsonWriter.compact(out).beginObject()
                .name("name").value(store.name().toString())
                .name("source").value(store.source())
                .name("createTime").value(store.createTime().toString())
                .endObject();
        return out.toString();
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Create a DICOM store over a folder of DICOM files (searched recursively) or a DICOMweb server.")
    static final class Create implements Runnable {
        @Spec
        CommandSpec spec;
        @Mixin
        HealthcareDatasetOptions location;
        @Parameters(paramLabel = "STORE_ID", description = "The store's ID (1-256 letters, digits, '_', '-', '.') or full resource name.")
        String store;
        @Option(names = "--source", required = true, paramLabel = "FOLDER|URL",
                description = "The folder holding the store's DICOM files, or a DICOMweb service's base URL"
                        + " (e.g. http://localhost:8042/dicom-web; a bearer token may be given in $DICOMBQ_DICOMWEB_TOKEN).")
        String source;
        @Option(names = "--format", defaultValue = "TEXT", description = "Output format: text or json.")
        OutputFormat format;

        @Override
        public void run() {
            String absolute = LocalDicomStoreSources.isDicomWeb(source) ? source
                    : Path.of(source).toAbsolutePath().normalize().toString();
            try (DicombqRuntime runtime = CommandContext.openRuntime(spec)) {
                DicomStoreDefinition created = runtime.stores().create(location.store(store), absolute);
                if (format == OutputFormat.JSON) {
                    Printer.print(CommandContext.out(spec), json(created), format);
                } else {
                    CommandContext.out(spec).println("Created dicomStore [" + created.name() + "] over " + created.source() + ".");
                }
            }
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the DICOM stores of a Healthcare dataset.")
    static final class ListStores implements Runnable {
        @Spec
        CommandSpec spec;
        @Mixin
        HealthcareDatasetOptions location;
        @Mixin
        ListOptions list;
        @Option(names = "--format", defaultValue = "TEXT", description = "Output format: text or json.")
        OutputFormat format;

        @Override
        public void run() {
            try (DicombqRuntime runtime = CommandContext.openRuntime(spec)) {
                List<DicomStoreDefinition> stores = list.apply(runtime.stores().list(location.project(), location.location(),
                        location.dataset()));
                if (stores.isEmpty()) {
                    ListOptions.reportEmpty(CommandContext.err(spec), location.datasetName(),
                            "Choose the dataset with --project, --location and --dataset.");
                }
                if (format == OutputFormat.JSON) {
                    Printer.printArray(CommandContext.out(spec), stores.stream().map(DicomStoresCommand::json).toList(), format);
                    return;
                }
                CommandContext.out(spec).printf("%-40s %s%n", "ID", "SOURCE");
                for (DicomStoreDefinition store : stores) {
                    CommandContext.out(spec).printf("%-40s %s%n", store.name().store(), store.source());
                }
            }
        }
    }

    @Command(name = "describe", mixinStandardHelpOptions = true, description = "Show a DICOM store.")
    static final class Describe implements Runnable {
        @Spec
        CommandSpec spec;
        @Mixin
        HealthcareDatasetOptions location;
        @Parameters(paramLabel = "STORE", description = "Store ID or full resource name.")
        String store;
        @Option(names = "--format", defaultValue = "TEXT", description = "Output format: text or json.")
        OutputFormat format;

        @Override
        public void run() {
            try (DicombqRuntime runtime = CommandContext.openRuntime(spec)) {
                Printer.print(CommandContext.out(spec), json(runtime.stores().get(location.store(store))), format);
            }
        }
    }

    @Command(name = "delete", mixinStandardHelpOptions = true,
            description = "Delete a DICOM store (its files and exported tables are left as they are).")
    static final class Delete implements Runnable {
        @Spec
        CommandSpec spec;
        @Mixin
        HealthcareDatasetOptions location;
        @Parameters(paramLabel = "STORE", description = "Store ID or full resource name.")
        String store;
        @Option(names = "--format", defaultValue = "TEXT", description = "Output format: text or json (what dicomStores.delete returns: {}).")
        OutputFormat format;

        @Override
        public void run() {
            try (DicombqRuntime runtime = CommandContext.openRuntime(spec)) {
                runtime.stores().delete(location.store(store));
                Printer.printDone(CommandContext.out(spec), "Deleted dicomStore [" + location.store(store) + "].", format);
            }
        }
    }
}
