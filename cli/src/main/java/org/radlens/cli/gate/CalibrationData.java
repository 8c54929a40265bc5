package org.radlens.cli.gate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.radlens.dicomio.ImageFormat;
import org.radlens.dicomio.ImageReadException;
import org.radlens.dicomio.InputFacts;
import org.radlens.validation.eval.Csv;
import org.radlens.validation.eval.ManifestException;

/**
 * The inputs of a gate calibration, from {@code RADLENS_DATA}. In scope: the frontal adult and pediatric films of
 * {@code cxr/adult/nih}, {@code cxr/adult/montgomery-shenzhen}, {@code cxr/adult/rsna-normals} ({@code split}) and
 * {@code cxr/kermany} ({@code official_split}), each with its split. Out of scope: CT/MR/NM/US/PET DICOM images under
 * {@code dicom/}, the NIfTI volumes under {@code nifti/} (slices are taken later), the lateral films of
 * {@code cxr/covid-notes} (view {@code L}) and, when Debian's python3-skimage is installed, its bundled photographs.
 */
final class CalibrationData {
    /** One input: where it comes from (e.g. {@code nih}, {@code dicom:CT}), its split ("" out of scope). */
    record Film(String source, String split, Path file) {
    }

    private static final List<String[]> IN_SCOPE = List.of(
            new String[] {"nih", "cxr/adult/nih/manifest.csv", "split"},
            new String[] {"montgomery-shenzhen", "cxr/adult/montgomery-shenzhen/manifest.csv", "split"},
            new String[] {"rsna-normals", "cxr/adult/rsna-normals/manifest.csv", "split"},
            new String[] {"kermany", "cxr/kermany/manifest.csv", "official_split"});
    private static final Set<String> NON_CXR_MODALITIES = Set.of("CT", "MR", "NM", "US", "PT");
    static final Path PHOTOS = Path.of("/usr/lib/python3/dist-packages/skimage/data");
    private static final List<String> PHOTO_NAMES = List.of("astronaut.png", "chelsea.png", "coffee.png",
            "camera.png", "coins.png", "horse.png", "hubble_deep_field.jpg", "rocket.jpg", "motorcycle_left.png",
            "page.png", "moon.png", "text.png", "brick.png", "grass.png", "gravel.png");

    private CalibrationData() {
    }

    /** The in-scope frontal films with their split ({@code train}, {@code val}, {@code test}). */
    static List<Film> inScope(Path data) throws IOException, ManifestException {
        List<Film> out = new ArrayList<>();
        for (String[] s : IN_SCOPE) {
            List<Csv.Record> rows = Csv.read(data.resolve(s[1]));
            List<String> head = rows.get(0).fields();
            int image = head.indexOf("image");
            int split = head.indexOf(s[2]);
            if (image < 0 || split < 0) {
                throw new IOException(s[1] + ": needs columns image and " + s[2]);
            }
            for (Csv.Record r : rows.subList(1, rows.size())) {
                out.add(new Film(s[0], r.fields().get(split), data.resolve(r.fields().get(image))));
            }
        }
        return out;
    }

    /** The out-of-scope inputs (NIfTI files are whole volumes here). */
    static List<Film> outOfScope(Path data) throws IOException, ManifestException {
        List<Film> out = new ArrayList<>();
        for (Path f : files(data.resolve("dicom"))) {
            try {
                InputFacts facts = InputFacts.read(f);
                if (facts.format() == ImageFormat.DICOM && NON_CXR_MODALITIES.contains(facts.modality())) {
                    out.add(new Film("dicom:" + facts.modality(), "", f));
                }
            } catch (ImageReadException e) { // unreadable conformance files are not inputs to calibrate on
                org.slf4j.LoggerFactory.getLogger(CalibrationData.class).debug("skipped {}", e.getMessage());
            }
        }
        for (Path f : files(data.resolve("nifti"))) {
            ImageFormat fmt = ImageFormat.detect(f);
            if (fmt == ImageFormat.NIFTI || fmt == ImageFormat.NIFTI_GZ) {
                out.add(new Film("nifti", "", f));
            }
        }
        List<Csv.Record> notes = Csv.read(data.resolve("cxr/covid-notes/manifest.csv"));
        int image = notes.get(0).fields().indexOf("image");
        int view = notes.get(0).fields().indexOf("view");
        for (Csv.Record r : notes.subList(1, notes.size())) {
            if ("L".equals(r.fields().get(view).trim())) {
                out.add(new Film("covid-notes-lateral", "", data.resolve(r.fields().get(image))));
            }
        }
        for (String p : PHOTO_NAMES) {
            if (Files.isRegularFile(PHOTOS.resolve(p))) {
                out.add(new Film("photo", "", PHOTOS.resolve(p)));
            }
        }
        return out;
    }

    private static List<Path> files(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().endsWith(".md")
                    && !p.getFileName().toString().endsWith(".json")).sorted().toList();
        }
    }
}
