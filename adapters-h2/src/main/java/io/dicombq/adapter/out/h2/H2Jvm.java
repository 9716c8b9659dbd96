package io.dicombq.adapter.out.h2;

import io.dicombq.adapter.out.h2.file.UncachedWritePath;

/**
 * JVM-wide H2 settings. H2 reads them once, when its classes initialise, so {@link #configure} must run before any
 * H2 use in the process (the executable's entry point calls it first); a value the user set with -D is kept.
 */
public final class H2Jvm {
    /**
     * H2's value cache hashes every string value it is given or reads back (StringUtils.cache), a full pass over each
     * 10-40 KB base64 private binary value of OtherElements: 8 % of a realistic export's CPU. The cache only saves
     * memory on repeated short strings, and a staged row lives only until H2 has serialised it.
     */
    static final String OBJECT_CACHE = "h2.objectCache";

    private H2Jvm() {
    }

    public static void configure() {
        if (System.getProperty(OBJECT_CACHE) == null) {
            System.setProperty(OBJECT_CACHE, "false");
        }
    }

    /**
     * Initialises H2's file systems on the calling thread, before a command starts threads that open H2 files.
     * FilePath's initialiser loads its wrappers, and a wrapper's (a FilePathWrapper subclass: ours, H2's page cache)
     * first initialises FilePath, so two threads making their first H2 file access at once (the warehouse opened
     * ahead while the operations database opens) could each hold one class's initialisation and wait for the other's
     * forever: a CI run hung so (session 16).
     */
    public static void initialiseFileSystems() {
        UncachedWritePath.register();
    }
}
