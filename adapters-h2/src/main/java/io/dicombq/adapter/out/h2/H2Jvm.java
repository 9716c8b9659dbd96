package io.dicombq.adapter.out.h2;

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
}
