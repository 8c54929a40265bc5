/**
 * {@code radlens demo}: a list of {@link org.radlens.cli.demo.DemoStep}s run over the bundled samples, each reporting
 * what it did to the console and to {@code summary.json}.
 */
package org.radlens.cli.demo;
