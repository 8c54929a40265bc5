package org.radlens.dicomio;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.radlens.dicomio.nifti.NiftiHeaders;

/** File formats recognised by content (magic bytes), never by file name. */
public enum ImageFormat {
    /** DICOM Part 10 ("DICM" at byte 128) or a bare dataset starting with a plausible group 0002/0008 element. */
    DICOM,
    /** NIfTI-1 or NIfTI-2 single file (sizeof_hdr 348/540 in either byte order, magic n+1 / n+2). */
    NIFTI,
    /** gzip-compressed NIfTI (.nii.gz). */
    NIFTI_GZ,
    /** NIfTI / Analyze header of a .hdr/.img pair (magic ni1 / ni2). */
    NIFTI_PAIR,
    PNG,
    JPEG,
    /** A folder: read as a DICOM series. */
    FOLDER,
    UNKNOWN;

    private static final int HEAD = 560;

    /** Format of {@code path} from its first bytes (decompressing the head of gzip files). */
    public static ImageFormat detect(Path path) {
        if (Files.isDirectory(path)) {
            return FOLDER;
        }
        try (InputStream in = Files.newInputStream(path)) {
            byte[] head = in.readNBytes(HEAD);
            if (head.length >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b) {
                return NiftiHeaders.isNifti(gunzipHead(path)) ? NIFTI_GZ : UNKNOWN;
            }
            return detect(head);
        } catch (IOException e) {
            return UNKNOWN;
        }
    }

    /** Format of a file whose first bytes are {@code head} (gzip counts as UNKNOWN here). */
    public static ImageFormat detect(byte[] head) {
        if (head.length >= 8 && (head[0] & 0xff) == 0x89 && head[1] == 'P' && head[2] == 'N' && head[3] == 'G') {
            return PNG;
        }
        if (head.length >= 3 && (head[0] & 0xff) == 0xff && (head[1] & 0xff) == 0xd8 && (head[2] & 0xff) == 0xff) {
            return JPEG;
        }
        if (NiftiHeaders.isNifti(head)) {
            return NiftiHeaders.isPairHeader(head) ? NIFTI_PAIR : NIFTI;
        }
        return DicomPrescan.looksLikeDicom(head) ? DICOM : UNKNOWN;
    }

    private static byte[] gunzipHead(Path path) {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(path))) {
            return in.readNBytes(HEAD);
        } catch (IOException e) {
            return new byte[0];
        }
    }
}
