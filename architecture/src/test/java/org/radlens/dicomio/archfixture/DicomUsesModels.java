package org.radlens.dicomio.archfixture;

import org.radlens.models.archfixture.FakeEncoder;

/** Deliberately bad: dicom-io importing models. */
public class DicomUsesModels {
    public Object encoder() {
        return new FakeEncoder();
    }
}
