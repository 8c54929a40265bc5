package org.radlens.dicomio;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.radlens.dicomio.codec.FrameDecoders;

/**
 * A measurement, not a test (no {@code Test} suffix: surefire runs it only when named): one thread, the workload's
 * jpeg-lossless-sv1 films, each decoded to stored values by our decoder (file → bytes, and the frame in memory alone),
 * GDCM (file → bytes) and PixelMed (parse + decompress), through {@link DecodeTiming}. Asserts nothing.
 *
 * <pre>
 * mvn -B -ntp -o -q -pl dicom-io -am test -Dtest=JpegLosslessTiming -Dsurefire.failIfNoSpecifiedTests=false -Dreps=7
 * </pre>
 */
class JpegLosslessTiming {
    @Test
    void timeOursGdcmAndPixelMed() throws Exception {
        List<Path> files = DecodeTiming.films("jpeg-lossless-sv1");
        int reps = Integer.getInteger("reps", 5);
        DecodeTiming.timeOursAndGdcm(files, reps, JpegLosslessTest::ours, FrameDecoders.JPEG_LOSSLESS_GREY);
        DecodeTiming.time("PixelMed (parse + decompress)", files, Math.max(1, reps / 2), JpegLosslessTest::pixelMed);
    }
}
