package org.radlens.volume3d.archfixture;

/** Deliberately bad: volume3d reaching up into cli. */
public class VolumeUsesCli {
    public Object entry() {
        return org.radlens.cli.RadLens.commandLine();
    }
}
