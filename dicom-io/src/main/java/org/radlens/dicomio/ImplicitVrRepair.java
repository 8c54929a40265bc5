package org.radlens.dicomio;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.DicomInputStream;
import com.pixelmed.dicom.FileMetaInformation;
import com.pixelmed.dicom.OtherByteAttributeMultipleCompressedFrames;
import com.pixelmed.dicom.TagFromName;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import org.radlens.dicomio.codec.EncapsulatedFrames;

/**
 * Reads a file whose meta information declares an explicit VR transfer syntax but whose dataset is written in implicit
 * VR (e.g. pydicom's {@code SC_rgb_jpeg.dcm}), as pydicom does: the dataset is parsed as implicit VR little endian
 * (VRs from the dictionary), the encapsulated frames are taken as they are, and a consistent file in the declared
 * transfer syntax is rebuilt in memory for the normal path. Native pixel data is rebuilt as explicit VR little endian.
 * Nothing is written to disk.
 */
final class ImplicitVrRepair {
    private static final String IMPLICIT_LE = TransferSyntax.IMPLICIT_LE.uid();

    private ImplicitVrRepair() {
    }

    /** The bytes of an equivalent, consistent file. */
    static byte[] asConsistent(Path file, byte[] bytes, DicomPrescan.Result scan) throws ImageReadException {
        boolean encapsulated = scan.encapsulatedOffset() >= 0;
        String ts = encapsulated ? scan.transferSyntaxUid() : TransferSyntax.EXPLICIT_LE.uid();
        AttributeList list = new AttributeList();
        try (DicomInputStream in = new DicomInputStream(new ByteArrayInputStream(bytes, scan.datasetOffset(),
                bytes.length - scan.datasetOffset()), IMPLICIT_LE, false)) {
            if (encapsulated) {
                list.read(in, TagFromName.PixelData);
                int frames = Attribute.getSingleIntegerValueOrDefault(list, TagFromName.NumberOfFrames, 1);
                if (frames < 1 || frames > 100_000) {
                    throw new CorruptFileException(file, "implausible NumberOfFrames " + frames);
                }
                list.put(new OtherByteAttributeMultipleCompressedFrames(TagFromName.PixelData,
                        EncapsulatedFrames.frames(file, bytes, scan.encapsulatedOffset(), frames)));
            } else {
                list.read(in);
            }
            FileMetaInformation.addFileMetaInformation(list, ts, "RADLENS");
            ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length + 1024);
            list.write(out, ts, true, true);
            return out.toByteArray();
        } catch (IOException | DicomException | RuntimeException e) { // PixelMed is unchecked on hostile input
            throw new CorruptFileException(file, "the dataset is written in implicit VR under the explicit VR "
                    + "transfer syntax " + scan.transferSyntaxUid() + " of its meta information, and cannot be read "
                    + "that way either: " + ReadFailures.describe(e), e);
        }
    }
}
