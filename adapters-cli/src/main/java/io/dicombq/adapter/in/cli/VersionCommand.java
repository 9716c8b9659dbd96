package io.dicombq.adapter.in.cli;

import io.dicombq.domain.dicom.DataDictionary;
import io.dicombq.domain.dicom.PrivateDictionary;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code dicombq version}: the version of dicombq, of the Java runtime it runs on, and of its data dictionaries. */
@Command(name = "version", mixinStandardHelpOptions = true, description = "Print the dicombq version.")
public final class VersionCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        for (String line : new Provider().getVersion()) {
            spec.commandLine().getOut().println(line);
        }
    }

    /** Reads the version Maven wrote into the jar's manifest. */
    public static final class Provider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = DicombqCommand.class.getPackage().getImplementationVersion();
            return new String[] {
                    "dicombq " + (version == null ? "(development build)" : version),
                    "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")",
                    "DICOM data dictionary: " + DataDictionary.standard().edition() + ", "
                            + DataDictionary.standard().size() + " entries",
                    "DICOM private dictionary: " + PrivateDictionary.standard().edition() + ", "
                            + PrivateDictionary.standard().size() + " entries"
            };
        }
    }
}
