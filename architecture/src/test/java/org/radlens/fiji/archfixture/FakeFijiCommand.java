package org.radlens.fiji.archfixture;

/** A stand-in for a Fiji command. */
public class FakeFijiCommand {
    public void run() {
        // nothing to do: only its package matters to the rules
    }
}
