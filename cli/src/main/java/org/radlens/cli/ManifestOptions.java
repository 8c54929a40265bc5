package org.radlens.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The manifest and model of the manifest-driven {@code radlens eval} subcommands (a picocli mixin). */
final class ManifestOptions {
    @Option(names = "--manifest", required = true, description = "CSV manifest; paths relative to its folder.")
    Path manifest;

    @Option(names = "--model", description = "Model package (folder or zip).")
    Path model;
}
