package org.radlens.dicomio.dimse;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.SOPClassDescriptions;
import com.pixelmed.dicom.TagFromName;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Short names of SOP classes for logs ({@code CR}, {@code DX(Pres)}, {@code SR(Comp)}, {@code SEG(Img)}, {@code CT},
 * …; PixelMed's abbreviations), so a log line can say what arrived without any patient or instance identifier.
 */
public final class SopClasses {
    private SopClasses() {
    }

    /** The short name of {@code sopClassUid}, or {@code "?"} when unknown. */
    public static String shortName(String sopClassUid) {
        String s = sopClassUid == null ? "" : SOPClassDescriptions.getAbbreviationFromUID(sopClassUid);
        return s == null || s.isEmpty() ? "?" : s;
    }

    /** The short name of a Part 10 file's SOP class, from its meta header only; {@code "?"} when unreadable. */
    public static String ofFile(Path file) {
        try {
            AttributeList meta = new AttributeList();
            meta.readOnlyMetaInformationHeader(file.toFile());
            return shortName(com.pixelmed.dicom.Attribute.getSingleStringValueOrEmptyString(meta,
                    TagFromName.MediaStorageSOPClassUID));
        } catch (IOException | DicomException e) {
            return "?"; // the scorer reads the file next and reports what is wrong with it
        }
    }
}
