package org.radlens.dicomio.codec;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.file.Path;
import java.util.Optional;

/**
 * GDCM's native decoders (Debian {@code libgdcm-java}: JPEG 2000 through OpenJPEG, JPEG-LS through CharLS, JPEG
 * lossless through its ljpeg), found at run time: {@code gdcm.jar} on the class path (the {@code radlens} launcher
 * adds {@code /usr/share/java/gdcm.jar} when it exists) and {@code libgdcmjni.so} on {@code java.library.path} (Debian
 * puts it in {@code /usr/lib/x86_64-linux-gnu/jni}, which is on the JVM's default path). Nothing is linked at build
 * time: when either is missing {@link #find()} is empty and callers keep their pure-Java decoder. GDCM's own warnings
 * (it writes to the process's stderr) are switched off. Set {@code -Dradlens.gdcm=false} to never use it.
 *
 * <pre>{@code
 * Optional<GdcmCodec> gdcm = GdcmCodec.find();
 * byte[] native16 = gdcm.get().decode(path, rows * columns * 2);   // little-endian stored values, every frame
 * }</pre>
 */
public final class GdcmCodec {
    private static final Optional<GdcmCodec> INSTANCE = load();

    private final MethodHandle newReader;
    private final MethodHandle setFileName;
    private final MethodHandle read;
    private final MethodHandle getImage;
    private final MethodHandle bufferLength;
    private final MethodHandle getBuffer;
    private final MethodHandle delete;

    private GdcmCodec(Class<?> readerClass, Class<?> imageClass) throws ReflectiveOperationException {
        MethodHandles.Lookup l = MethodHandles.publicLookup();
        newReader = l.findConstructor(readerClass, MethodType.methodType(void.class));
        setFileName = l.findVirtual(readerClass, "SetFileName", MethodType.methodType(void.class, String.class));
        read = l.findVirtual(readerClass, "Read", MethodType.methodType(boolean.class));
        getImage = l.findVirtual(readerClass, "GetImage", MethodType.methodType(imageClass));
        bufferLength = l.findVirtual(imageClass, "GetBufferLength", MethodType.methodType(long.class));
        getBuffer = l.findVirtual(imageClass, "GetBuffer", MethodType.methodType(boolean.class, byte[].class));
        delete = l.findVirtual(readerClass, "delete", MethodType.methodType(void.class));
    }

    /** The native codec, or empty when GDCM's Java binding or its JNI library is not installed. */
    public static Optional<GdcmCodec> find() {
        return INSTANCE;
    }

    /** What {@link #find()} found, for {@code radlens info}-style diagnostics. */
    public static String describe() {
        return INSTANCE.isPresent() ? "GDCM (libgdcm-java, native)" : "not found (gdcm.jar / libgdcmjni.so)";
    }

    private static Optional<GdcmCodec> load() {
        if ("false".equalsIgnoreCase(System.getProperty("radlens.gdcm"))) {
            return Optional.empty();
        }
        try {
            Class<?> reader = Class.forName("gdcm.ImageReader");
            Class<?> image = Class.forName("gdcm.Image");
            System.loadLibrary("gdcmjni"); // bound to our class loader, which is gdcm.jar's (the class path)
            Class.forName("gdcm.Trace").getMethod("WarningOff").invoke(null);
            Class.forName("gdcm.Trace").getMethod("DebugOff").invoke(null);
            Class.forName("gdcm.Trace").getMethod("ErrorOff").invoke(null);
            return Optional.of(new GdcmCodec(reader, image));
        } catch (ReflectiveOperationException | LinkageError | SecurityException e) {
            return Optional.empty();
        }
    }

    /**
     * Decodes every frame of {@code file} (a compressed DICOM file) into GDCM's native buffer: stored values,
     * little-endian, pixel-interleaved, frames one after the other; null when GDCM cannot read it (callers then use
     * their own decoder, which reports the cause). {@code expectedBytes} is the decoded size the header promises; any
     * other size also gives null.
     */
    public byte[] decode(Path file, long expectedBytes) {
        Object reader = null;
        try {
            reader = newReader.invoke();
            setFileName.invoke(reader, file.toString());
            if (!(boolean) read.invoke(reader)) {
                return null;
            }
            Object image = getImage.invoke(reader);
            long n = (long) bufferLength.invoke(image);
            if (n != expectedBytes || n > Integer.MAX_VALUE - 8) {
                return null;
            }
            byte[] out = new byte[(int) n];
            return (boolean) getBuffer.invoke(image, out) ? out : null;
        } catch (Throwable e) { // MethodHandle.invoke declares Throwable; the native side reports by return values
            if (e instanceof Error && !(e instanceof LinkageError)) {
                throw (Error) e;
            }
            return null;
        } finally {
            release(reader);
        }
    }

    private void release(Object reader) {
        if (reader != null) {
            try {
                delete.invoke(reader);
            } catch (Throwable e) { // freeing a reader cannot fail in a way we could act on
                if (e instanceof Error && !(e instanceof LinkageError)) {
                    throw (Error) e;
                }
            }
        }
    }
}
