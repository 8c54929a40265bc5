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
import org.radlens.cli.ImageSources;
import org.radlens.volume3d.Image2D;

/**
 * Reads every image in the samples folder (PNG, JPEG, DICOM, NIfTI, recognised by their bytes through dicom-io) into an
 * {@link Image2D} with raw values and geometry, and adds it to the context. Other files are skipped.
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
        for (Path file : listFiles(context.samples())) {
            if (!isImage(file)) {
                continue;
            }
            Image2D image = ImageSources.read(file);
            context.addImage(new SampleImage(file, image));
            ImageStats s = ImageStats.of(image);
            read.add(describe(file, image, s));
            lines.add(String.format(Locale.ROOT, "read %s: %s %dx%d, %d channel(s), %.3g mm/px, values %.0f..%.0f",
                    file.getFileName(), image.intensity().modality(), image.width(), image.height(), image.channels(),
                    image.geometry().spacing(0), s.min(), s.max()));
        }
        if (read.isEmpty()) {
            throw new IOException("no sample images in " + context.samples());
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("images", read);
        return new StepReport(name(), lines, details);
    }

    private static List<Path> listFiles(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        }
    }

    private static boolean isImage(Path file) {
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".png") || n.endsWith(".jpg") || n.endsWith(".jpeg") || n.endsWith(".dcm")
                || n.endsWith(".nii") || n.endsWith(".nii.gz");
    }

    private static Map<String, Object> describe(Path file, Image2D image, ImageStats s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", file.getFileName().toString());
        m.put("width", image.width());
        m.put("height", image.height());
        m.put("channels", image.channels());
        m.put("modality", image.intensity().modality());
        m.put("pixel_spacing_mm", image.geometry().spacing(0));
        m.put("min", s.min());
        m.put("max", s.max());
        m.put("mean", s.mean());
        return m;
    }
}
