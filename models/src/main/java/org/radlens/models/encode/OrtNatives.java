package org.radlens.models.encode;

import org.radlens.models.cache.DiskCache;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.jar.JarEntry;

/**
 * Points ONNX Runtime at native libraries in the RadLens cache ({@code onnxruntime.native.path}) before DJL starts it.
 * Left alone, ONNX Runtime's Java loader copies its two libraries into a new {@code java.io.tmpdir/onnxruntime-java*}
 * folder on every start and leaves that folder behind (its delete-on-exit removes the folder before the files). Here
 * they are copied once into {@code cache/onnxruntime/<key>}, the key being a hash of the jar entries' names, sizes and
 * CRCs. Anything unexpected (an unknown platform, libraries not in a jar, an unwritable cache) leaves ONNX Runtime's
 * own loading as it was: this only avoids litter, it never stops a model from loading.
 */
final class OrtNatives {
    static final String PATH_PROPERTY = "onnxruntime.native.path";
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(OrtNatives.class);
    private static boolean prepared;

    private OrtNatives() {
    }

    /** Sets {@value #PATH_PROPERTY} to a cached copy of the libraries, once per JVM, unless someone already set it. */
    static synchronized void prepare() {
        if (prepared || System.getProperty(PATH_PROPERTY) != null) {
            return;
        }
        prepared = true;
        String platform = platform();
        if (platform == null) {
            return;
        }
        List<String> libs = List.of(System.mapLibraryName("onnxruntime"), System.mapLibraryName("onnxruntime4j_jni"));
        try {
            Path dir = cached(DiskCache.standard(), "ai/onnxruntime/native/" + platform + "/", libs);
            if (dir != null) {
                System.setProperty(PATH_PROPERTY, dir.toString());
            }
        } catch (IOException | RuntimeException e) {
            LOG.debug("ONNX Runtime libraries not cached ({}); ONNX Runtime extracts them itself", e.toString());
        }
    }

    /** The cached folder holding {@code libs} from resource folder {@code prefix}, or null when they are not in a jar. */
    static Path cached(DiskCache cache, String prefix, List<String> libs) throws IOException {
        ClassLoader loader = OrtNatives.class.getClassLoader();
        MessageDigest md = sha256();
        URL[] urls = new URL[libs.size()];
        for (int i = 0; i < urls.length; i++) {
            urls[i] = loader.getResource(prefix + libs.get(i));
            if (urls[i] == null) {
                return null;
            }
            URLConnection c = urls[i].openConnection();
            if (!(c instanceof JarURLConnection jar)) {
                return null;
            }
            JarEntry e = jar.getJarEntry();
            md.update((prefix + libs.get(i) + ' ' + e.getSize() + ' ' + e.getCrc() + '\n')
                    .getBytes(StandardCharsets.UTF_8));
        }
        String key = HexFormat.of().formatHex(md.digest()).substring(0, 32);
        return cache.entry("onnxruntime", key, dir -> {
            for (int i = 0; i < urls.length; i++) {
                try (InputStream in = urls[i].openStream()) {
                    Files.copy(in, dir.resolve(libs.get(i)));
                }
            }
        });
    }

    /** ONNX Runtime's name of this platform's native folder, or null for one it does not ship. */
    static String platform() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        String o = os.contains("linux") ? "linux" : os.contains("mac") || os.contains("darwin") ? "osx"
                : os.contains("win") ? "win" : null;
        String a = arch.equals("amd64") || arch.equals("x86_64") ? "x64" : arch.equals("aarch64") ? "aarch64" : null;
        return o == null || a == null ? null : o + "-" + a;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
