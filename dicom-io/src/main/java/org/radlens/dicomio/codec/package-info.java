/**
 * Our own decoders of compressed DICOM pixel data, for the transfer syntaxes PixelMed's image readers do not cover
 * (or not well): RLE Lossless ({@link org.radlens.dicomio.codec.RleDecoder}), JPEG-LS lossless and near-lossless
 * ({@link org.radlens.dicomio.codec.JpegLsDecoder}, ITU-T T.87), 12-bit grey JPEG Extended
 * ({@link org.radlens.dicomio.codec.JpegExtendedDecoder}); {@link org.radlens.dicomio.codec.EncapsulatedFrames}
 * splits encapsulated Pixel Data into frames straight from the file bytes and
 * {@link org.radlens.dicomio.codec.NativeFrames} decodes them into one native array or puts them back as native
 * Pixel Data; {@link org.radlens.dicomio.codec.GdcmCodec} is GDCM's native decoder, found at run time.
 *
 * <p>Internal to dicom-io: hostile codestreams end in a checked {@link org.radlens.dicomio.ImageReadException} naming
 * the file, never an unchecked exception.
 */
package org.radlens.dicomio.codec;
