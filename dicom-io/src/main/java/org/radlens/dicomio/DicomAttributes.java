package org.radlens.dicomio;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.SequenceAttribute;
import com.pixelmed.dicom.TagFromName;
import java.util.Optional;
import org.radlens.volume3d.IntensityInfo.Window;

/** Extracts a {@link DicomHeader} from a PixelMed {@link AttributeList} (PixelMed stays behind this edge). */
final class DicomAttributes {
    private static final AttributeTag PER_FRAME = TagFromName.PerFrameFunctionalGroupsSequence;
    private static final AttributeTag SHARED = TagFromName.SharedFunctionalGroupsSequence;

    private DicomAttributes() {
    }

    static DicomHeader header(AttributeList l, String ts) {
        double slope = numberOrGroup(l, TagFromName.PixelValueTransformationSequence, TagFromName.RescaleSlope);
        double intercept = numberOrGroup(l, TagFromName.PixelValueTransformationSequence,
                TagFromName.RescaleIntercept);
        boolean hasRescale = !Double.isNaN(slope) || !Double.isNaN(intercept);
        return new DicomHeader(ts, text(l, TagFromName.Modality, "OT"), text(l, TagFromName.SeriesInstanceUID, ""),
                (int) number(l, TagFromName.InstanceNumber, 0), integer(l, TagFromName.Rows),
                integer(l, TagFromName.Columns), Math.max(1, (int) number(l, TagFromName.NumberOfFrames, 1)),
                Math.max(1, integer(l, TagFromName.SamplesPerPixel)),
                text(l, TagFromName.PhotometricInterpretation, "MONOCHROME2").trim(),
                integer(l, TagFromName.BitsAllocated), integer(l, TagFromName.BitsStored),
                integer(l, TagFromName.PixelRepresentation) == 1, integer(l, TagFromName.PlanarConfiguration),
                Double.isNaN(slope) || slope == 0 ? 1 : slope, Double.isNaN(intercept) ? 0 : intercept, hasRescale,
                text(l, TagFromName.RescaleType, ""), window(l), l.get(TagFromName.VOILUTSequence) != null,
                position(l), orientation(l), spacing(l), number(l, TagFromName.SliceThickness, 0));
    }

    private static Optional<Window> window(AttributeList l) {
        double c = numberOrGroup(l, TagFromName.FrameVOILUTSequence, TagFromName.WindowCenter);
        double w = numberOrGroup(l, TagFromName.FrameVOILUTSequence, TagFromName.WindowWidth);
        return Double.isFinite(c) && w > 0 ? Optional.of(new Window(c, w)) : Optional.empty();
    }

    private static double[] position(AttributeList l) {
        double[] p = doubles(l, TagFromName.ImagePositionPatient, 3);
        return p != null ? p : frameGroupValue(l, PER_FRAME, TagFromName.PlanePositionSequence,
                TagFromName.ImagePositionPatient, 3, 0);
    }

    private static double[] orientation(AttributeList l) {
        double[] o = doubles(l, TagFromName.ImageOrientationPatient, 6);
        if (o == null) {
            o = frameGroupValue(l, SHARED, TagFromName.PlaneOrientationSequence, TagFromName.ImageOrientationPatient,
                    6, 0);
        }
        return o != null ? o : frameGroupValue(l, PER_FRAME, TagFromName.PlaneOrientationSequence,
                TagFromName.ImageOrientationPatient, 6, 0);
    }

    private static double[] spacing(AttributeList l) {
        double[] s = doubles(l, TagFromName.PixelSpacing, 2);
        if (s == null) {
            s = frameGroupValue(l, SHARED, TagFromName.PixelMeasuresSequence, TagFromName.PixelSpacing, 2, 0);
        }
        if (s == null) {
            s = doubles(l, TagFromName.ImagerPixelSpacing, 2);
        }
        return s != null && s[0] > 0 && s[1] > 0 && Double.isFinite(s[0] + s[1]) ? s : null;
    }

    /**
     * A top-level number, else the one in {@code macro} of the shared functional groups, else of frame 0's
     * per-frame functional groups (enhanced objects); NaN when absent. Per-frame differences are not applied.
     */
    private static double numberOrGroup(AttributeList l, AttributeTag macro, AttributeTag tag) {
        double v = number(l, tag, Double.NaN);
        if (Double.isNaN(v)) {
            double[] g = frameGroupValue(l, SHARED, macro, tag, 1, 0);
            g = g != null ? g : frameGroupValue(l, PER_FRAME, macro, tag, 1, 0);
            v = g == null ? Double.NaN : g[0];
        }
        return v;
    }

    /** Value of {@code tag} inside {@code macro} of item {@code index} of a functional group sequence. */
    static double[] frameGroupValue(AttributeList l, AttributeTag groups, AttributeTag macro, AttributeTag tag,
                                    int n, int index) {
        Attribute g = l.get(groups);
        if (!(g instanceof SequenceAttribute seq) || seq.getNumberOfItems() <= index) {
            return null;
        }
        AttributeList item = seq.getItem(index).getAttributeList();
        Attribute m = item.get(macro);
        if (!(m instanceof SequenceAttribute ms) || ms.getNumberOfItems() == 0) {
            return null;
        }
        return doubles(ms.getItem(0).getAttributeList(), tag, n);
    }

    static double[] doubles(AttributeList l, AttributeTag tag, int n) {
        Attribute a = l.get(tag);
        try {
            double[] v = a == null ? null : a.getDoubleValues();
            if (v == null || v.length < n) {
                return null;
            }
            double[] out = java.util.Arrays.copyOf(v, n);
            for (double d : out) {
                if (!Double.isFinite(d)) {
                    return null;
                }
            }
            return out;
        } catch (com.pixelmed.dicom.DicomException | RuntimeException e) {
            return null; // malformed numeric string: treated as absent
        }
    }

    static double number(AttributeList l, AttributeTag tag, double dflt) {
        double[] v = doubles(l, tag, 1);
        return v == null ? dflt : v[0];
    }

    static int integer(AttributeList l, AttributeTag tag) {
        return Attribute.getSingleIntegerValueOrDefault(l, tag, 0);
    }

    static String text(AttributeList l, AttributeTag tag, String dflt) {
        String s = Attribute.getSingleStringValueOrDefault(l, tag, dflt);
        return s == null || s.isBlank() ? dflt : s.trim();
    }
}
