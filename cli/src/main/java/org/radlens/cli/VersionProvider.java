package org.radlens.cli;

import picocli.CommandLine.IVersionProvider;

/** Version from the jar manifest (set by the build), "dev" when run from classes. */
final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = RadLens.class.getPackage().getImplementationVersion();
        return new String[] {"radlens " + (v == null ? "dev" : v),
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"};
    }
}
