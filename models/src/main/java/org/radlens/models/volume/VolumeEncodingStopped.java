package org.radlens.models.volume;

import org.radlens.models.InferenceException;

/** A {@link SliceProgress} asked to stop; nothing of the unfinished volume is returned. */
public final class VolumeEncodingStopped extends InferenceException {
    private static final long serialVersionUID = 1L;

    public VolumeEncodingStopped(int done, int total) {
        super("stopped after " + done + " of " + total + " slices");
    }
}
