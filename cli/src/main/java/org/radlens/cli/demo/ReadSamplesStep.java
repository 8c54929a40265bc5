package org.radlens.cli.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.radlens.volume3d.Image2D;

/**
 * Reads every PNG/JPEG in the samples folder into an {@link Image2D} and adds it to the context. DICOM files are
 * listed but not decoded here: DICOM reading is the dicom-io module's job and joins the demo with it.
 */
public final class ReadSamplesStep implements DemoStep {

    @Override
    public String name() {
        return "read-samples";
    }

    @Override
    public StepReport run(DemoContext context) throws IOException {
        List<String> lines = new ArrayList<>();
        List<Map<String, Object>> read = new ArrayList<>();
        List<String> deferred = new ArrayList<>();
        for (Path file : listFiles(context.samples())) {
            String kind = kindOf(file);
            if (kind.equals("raster")) {
                Image2D image = RasterImages.read(file);
                context.addImage(new SampleImage(file, image));
                ImageStats s = ImageStats.of(image);
                read.add(describe(file, image, s));
                lines.add(String.format(Locale.ROOT, "read %s: %dx%d, %d channel(s), values %.0f..%.0f (mean %.1f)",
                        file.getFileName(), image.width(), image.height(), image.channels(), s.min(), s.max(), s.mean()));
            } else if (kind.equals("dicom")) {
                deferred.add(file.getFileName().toString());
                lines.add("found " + file.getFileName() + ": DICOM, not decoded by the demo yet (dicom-io reader pending)");
            }
        }
        if (read.isEmpty()) {
            throw new IOException("no PNG/JPEG sample images in " + context.samples());
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("images", read);
        details.put("dicom_not_read", deferred);
        return new StepReport(name(), lines, details);
    }

    private static List<Path> listFiles(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        }
    }

    private static String kindOf(Path file) {
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (n.endsWith(".png") || n.endsWith(".jpg") || n.endsWith(".jpeg")) {
            return "raster";
        }
        return n.endsWith(".dcm") ? "dicom" : "other";
    }

    private static Map<String, Object> describe(Path file, Image2D image, ImageStats s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", file.getFileName().toString());
        m.put("width", image.width());
        m.put("height", image.height());
        m.put("channels", image.channels());
        m.put("min", s.min());
        m.put("max", s.max());
        m.put("mean", s.mean());
        return m;
    }
}
