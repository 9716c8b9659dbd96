package io.dicombq.adapter.in.cli;

import io.dicombq.domain.dicom.DataDictionary;
import io.dicombq.domain.dicom.PrivateDictionary;
import io.dicombq.domain.json.JsonWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code dicombq version}: the version of dicombq, of the Java runtime it runs on, and of its data dictionaries. */
@Command(name = "version", mixinStandardHelpOptions = true, description = "Print the dicombq version.")
public final class VersionCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Option(names = "--format", defaultValue = "TEXT", description = "Output format: text or json.")
    OutputFormat format;

    @Override
    public void run() {
        if (format == OutputFormat.JSON) {
            StringBuilder json = new StringBuilder();
            JsonWriter.compact(json).beginObject()
                    .name("dicombq").value(Provider.dicombq())
                    .name("java").value(System.getProperty("java.version"))
                    .name("javaVendor").value(System.getProperty("java.vendor"))
                    .name("dataDictionary").beginObject()
                    .name("edition").value(DataDictionary.standard().edition())
                    .name("entries").value(DataDictionary.standard().size()).endObject()
                    .name("privateDictionary").beginObject()
                    .name("edition").value(PrivateDictionary.standard().edition())
                    .name("entries").value(PrivateDictionary.standard().size()).endObject()
                    .endObject();
            Printer.print(spec.commandLine().getOut(), json.toString(), format);
            return;
        }
        for (String line : new Provider().getVersion()) {
            spec.commandLine().getOut().println(line);
        }
    }

    /** Reads the version Maven wrote into the jar's manifest. */
    public static final class Provider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {
                    "dicombq " + dicombq(),
                    "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")",
                    "DICOM data dictionary: " + DataDictionary.standard().edition() + ", "
                            + DataDictionary.standard().size() + " entries",
                    "DICOM private dictionary: " + PrivateDictionary.standard().edition() + ", "
                            + PrivateDictionary.standard().size() + " entries"
            };
        }

        /** The version in the jar's manifest, or "(development build)" when run from classes. */
        static String dicombq() {
            String version = DicombqCommand.class.getPackage().getImplementationVersion();
            return version == null ? "(development build)" : version;
        }
    }
}
