package org.radlens.dicomio;

import org.junit.jupiter.api.Test;
import org.radlens.dicomio.codec.FrameDecoders;

/**
 * A measurement, not a test (no {@code Test} suffix: surefire runs it only when named): one thread, the workload's
 * jpeg-ls-lossless films, each decoded to stored values by our {@code codec.JpegLsDecoder} (file → bytes, and the
 * frame in memory alone) and by GDCM / CharLS (file → bytes), through {@link DecodeTiming}. Asserts nothing.
 *
 * <pre>
 * mvn -B -ntp -o -q -pl dicom-io -am test -Dtest=JpegLsTiming -Dsurefire.failIfNoSpecifiedTests=false -Dreps=7
 * </pre>
 */
class JpegLsTiming {
    @Test
    void timeOursAndGdcm() throws Exception {
        DecodeTiming.timeOursAndGdcm(DecodeTiming.films("jpeg-ls-lossless"), Integer.getInteger("reps", 5),
                p -> DicomFile.openForImages(p, false).raw, FrameDecoders.JPEG_LS);
    }
}
