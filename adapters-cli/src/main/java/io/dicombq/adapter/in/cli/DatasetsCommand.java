package io.dicombq.adapter.in.cli;

import io.dicombq.adapter.in.cli.wiring.DicombqRuntime;
import io.dicombq.domain.access.DatasetGrant;
import io.dicombq.domain.access.DatasetRole;
import io.dicombq.domain.json.JsonWriter;
import io.dicombq.domain.status.Code;
import io.dicombq.domain.status.DicombqException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;

/** {@code dicombq datasets …}: BigQuery datasets of the warehouse, and their IAM bindings. */
@Command(name = "datasets", mixinStandardHelpOptions = true,
        description = "Create and list warehouse datasets (the destination of exports) and grant access to them.",
        subcommands = {
                DatasetsCommand.Create.class,
                DatasetsCommand.ListDatasets.class,
                DatasetsCommand.AddIamPolicyBinding.class,
        })
public final class DatasetsCommand extends CommandGroup {

    /** {@code PROJECT.DATASET} (or {@code PROJECT:DATASET}, as bq writes it) split in two. */
    static String[] projectAndDataset(String text) {
        String[] parts = text.split("[.:]", -1);
        if (parts.length != 2 || parts[0].isEmpty() || parts[1].isEmpty()) {
            throw new DicombqException(Code.INVALID_ARGUMENT, "'" + text + "' is not PROJECT.DATASET, e.g. my-project.dicom_metadata");
        }
        // The same rules as the dataset part of a tableUri (specification 1.1).
        new io.dicombq.domain.destination.TableUri(parts[0], parts[1], "t");
        return parts;
    }

    @Command(name = "create", mixinStandardHelpOptions = true, description = "Create a dataset PROJECT.DATASET.")
    static final class Create implements Runnable {
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "PROJECT.DATASET")
        String dataset;
        @Option(names = "--format", defaultValue = "TEXT", description = "Output format: text or json (the dataset, as datasets.get names it).")
        OutputFormat format;

        @Override
        public void run() {
            String[] parts = projectAndDataset(dataset);
            try (DicombqRuntime runtime = CommandContext.openRuntime(spec)) {
                runtime.catalog().createDataset(parts[0], parts[1]);
                if (format == OutputFormat.JSON) {
                    StringBuilder json = new StringBuilder();
                    JsonWriter.compact(json).beginObject()
                            .name("kind").value("bigquery#dataset")
                            .name("id").value(parts[0] + ":" + parts[1])
                            .name("datasetReference").beginObject()
                            .name("projectId").value(parts[0])
                            .name("datasetId").value(parts[1])
                            .endObject().endObject();
                    Printer.print(CommandContext.out(spec), json.toString(), format);
                } else {
                    CommandContext.out(spec).println("Created dataset [" + parts[0] + "." + parts[1] + "].");
                }
            }
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List datasets, of every project or of one.")
    static final class ListDatasets implements Runnable {
        @Spec
        CommandSpec spec;
        @Option(names = "--project", paramLabel = "PROJECT", description = "Only this project's datasets.")
        String project;
        @Mixin
        ListOptions list;
        @Option(names = "--format", defaultValue = "TEXT", description = "Output format: text or json.")
        OutputFormat format;

        @Override
        public void run() {
            try (DicombqRuntime runtime = CommandContext.openRuntime(spec)) {
                Printer.printNames(CommandContext.out(spec), list.apply(runtime.catalog().datasets(Optional.ofNullable(project))), format);
            }
        }
    }

    @Command(name = "add-iam-policy-binding", mixinStandardHelpOptions = true,
            description = {"Grant a member a role on a dataset, e.g. another project's DICOM store service agent:",
                    "  --member=serviceAccount:service-PROJECT@gcp-sa-healthcare.dicombq.iam.gserviceaccount.com",
                    "  --role=roles/bigquery.dataEditor"})
    static final class AddIamPolicyBinding implements Runnable {
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "PROJECT.DATASET")
        String dataset;
        @Option(names = "--member", required = true, paramLabel = "serviceAccount:EMAIL")
        String member;
        @Option(names = "--role", required = true, paramLabel = "ROLE", description = "roles/bigquery.dataEditor, dataOwner, admin or dataViewer.")
        String role;
        @Option(names = "--format", defaultValue = "TEXT", description = "Output format: text or json (the dataset's policy: its bindings).")
        OutputFormat format;

        @Override
        public void run() {
            String[] parts = projectAndDataset(dataset);
            try (DicombqRuntime runtime = CommandContext.openRuntime(spec)) {
                List<DatasetGrant> bindings = runtime.grants().grant(new DatasetGrant(parts[0], parts[1], member, DatasetRole.parse(role)));
                PrintWriter out = CommandContext.out(spec);
                if (format == OutputFormat.JSON) {
                    // an IAM policy's shape, one member per binding as the text lists them
                    StringBuilder json = new StringBuilder();
                    JsonWriter policy = JsonWriter.compact(json).beginObject().name("bindings").beginArray();
                    for (DatasetGrant binding : bindings) {
                        policy.beginObject().name("members").beginArray().value(binding.member()).endArray()
                                .name("role").value(binding.role().iamName()).endObject();
                    }
                    policy.endArray().endObject();
                    Printer.print(out, json.toString(), format);
                    return;
                }
                out.println("Updated IAM policy for dataset [" + parts[0] + "." + parts[1] + "].");
                out.println("bindings:");
                for (DatasetGrant binding : bindings) {
                    out.println("- members:");
                    out.println("  - " + binding.member());
                    out.println("  role: " + binding.role().iamName());
                }
                out.flush();
            }
        }
    }
}
