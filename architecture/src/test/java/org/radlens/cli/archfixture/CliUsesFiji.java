package org.radlens.cli.archfixture;

import org.radlens.fiji.archfixture.FakeFijiCommand;

/** Deliberately bad: cli importing the Fiji plugin. */
public class CliUsesFiji {
    public void run() {
        new FakeFijiCommand().run();
    }
}
