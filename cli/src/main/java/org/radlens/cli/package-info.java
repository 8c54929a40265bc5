/**
 * The {@code radlens} command line: {@link org.radlens.cli.RadLens} and its subcommands, thin adapters over the
 * library modules.
 */
package org.radlens.cli;
