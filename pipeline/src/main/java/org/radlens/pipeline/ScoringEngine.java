package org.radlens.pipeline;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.radlens.dicomio.derived.AlgorithmIdentity;
import org.radlens.dicomio.DicomReader;
import org.radlens.dicomio.derived.DicomWriteException;
import org.radlens.dicomio.ImageFiles;
import org.radlens.dicomio.ImageFormat;
import org.radlens.dicomio.InputFacts;
import org.radlens.dicomio.scope.Scope;
import org.radlens.dicomio.scope.ScopeGate;
import org.radlens.dicomio.ImageReadException;
import org.radlens.dicomio.derived.ReportContent;
import org.radlens.dicomio.derived.ScoredFinding;
import org.radlens.dicomio.derived.SecondaryCaptures;
import org.radlens.dicomio.derived.Segmentations;
import org.radlens.dicomio.SourceImage;
import org.radlens.dicomio.SourcedImage;
import org.radlens.dicomio.SourcedReducedImage;
import org.radlens.dicomio.derived.StructuredReports;
import org.radlens.models.InferenceException;
import org.radlens.models.RadLensModel;
import org.radlens.models.encode.ImageEmbedding;
import org.radlens.models.preprocess.PreparedImage;
import org.radlens.models.preprocess.Preprocessor;
import org.radlens.models.grounding.Grounding;
import org.radlens.models.zeroshot.FindingScore;
import org.radlens.pipeline.render.OverlayRenderer;
import org.radlens.volume3d.Image2D;
import org.radlens.volume3d.LabelMask;
import org.radlens.volume3d.ReducedImage;
import org.radlens.volume3d.VoxelGeometry;

/**
 * Scores one image file with a shared, thread-safe model: classification of the package's findings, optionally the
 * lung segmentation (area in mm²), and for DICOM sources the TID 1500 SR, (with segmentation) SEG and (with an
 * overlay query) Secondary Capture objects with deterministic UIDs. Stateless apart from the model; safe to call
 * from many workers.
 */
public final class ScoringEngine {
    private final RadLensModel model;
    /**
     * A reduced read keeps at least this × the model's input size on the film's longer side: measured on the realistic
     * workload (validation/README.md, issue 15), 2 × 224 (e.g. 625×750 of a 2,500×3,000 film) is where preprocessing
     * still averages blocks as for the full film: |Δp| ≤ 0.008, Dice ≥ 0.992; at 1 × (313×375) it only interpolates:
     * |Δp| up to 0.048, lung area up to 3.6 % off.
     */
    static final int REDUCED_MIN_SIDE_FACTOR = 2;
    private final AlgorithmIdentity algorithm;
    private final boolean segment;
    private final String overlayQuery;
    private final ScopeGate gate;
    private final Preprocessor preprocessor;
    private final boolean reducedDecode;

    public ScoringEngine(RadLensModel model, boolean segment) throws IOException {
        this(model, segment, null);
    }

    public ScoringEngine(RadLensModel model, boolean segment, String overlayQuery) throws IOException {
        this(model, segment, overlayQuery, ScopeGate.chestRadiographs());
    }

    /**
     * @param overlayQuery when not null, DICOM sources also get a Secondary Capture of the heat map of this
     *                     grounding query blended over the image ({@link SecondaryCaptures})
     * @param gate         the header input gate ({@code --modality}); the package's embedding gate is added to it
     */
    public ScoringEngine(RadLensModel model, boolean segment, String overlayQuery, ScopeGate gate)
            throws IOException {
        this(model, segment, overlayQuery, gate, false);
    }

    /**
     * @param reducedDecode decode single-frame grey JPEG 2000 DICOM films at a reduced resolution
     *                      ({@link DicomReader#readSourcedReduced}: wavelet levels left out while the longer side keeps
     *                      at least {@link #REDUCED_MIN_SIDE_FACTOR} × the model's input size); scores, mask and area
     *                      differ slightly from a full decode, the SEG and SR stay on the film's full grid. Ignored
     *                      when {@code overlayQuery} is set (the Secondary Capture needs the full-size pixels: full
     *                      read); other syntaxes and non-DICOM inputs are read in full.
     */
    public ScoringEngine(RadLensModel model, boolean segment, String overlayQuery, ScopeGate gate,
                         boolean reducedDecode) throws IOException {
        this.reducedDecode = reducedDecode && overlayQuery == null;
        this.model = model;
        this.gate = gate;
        this.segment = segment;
        this.overlayQuery = overlayQuery;
        this.algorithm = algorithmOf(model);
        this.preprocessor = new Preprocessor(model.manifest().image());
    }

    /** The model as the author of derived DICOM objects: name, version, {@link ModelPackage#identity()}. */
    public static AlgorithmIdentity algorithmOf(RadLensModel model) {
        return new AlgorithmIdentity(model.manifest().name(), model.manifest().version(),
                model.modelPackage().identity());
    }

    public AlgorithmIdentity algorithm() {
        return algorithm;
    }

    /** Scores {@code file} without duplicate detection. */
    public Scored score(String id, Path file, boolean derive) throws ImageReadException, InferenceException,
            DicomWriteException, IOException {
        return score(id, file, derive, null);
    }

    /**
     * Scores {@code file} unless the input gate refuses it or (with {@code claims}) another item owns its SOP
     * Instance UID; DICOM objects are built when {@code derive} is true and the file is DICOM.
     */
    public Scored score(String id, Path file, boolean derive, UidClaims claims)
            throws ImageReadException, InferenceException, DicomWriteException, IOException {
        long t0 = System.nanoTime();
        ImageFormat format = ImageFormat.detect(file);
        if (format == ImageFormat.DICOM) {
            SourcedReducedImage in;
            try {
                in = read(file); // one read for pixels and UIDs
            } catch (ImageReadException e) {
                return refusedOrThrow(id, file, e); // e.g. an SR: no pixels, but a clear refusal
            }
            SourceImage src = in.source();
            AtomicReference<ReducedImage> film = new AtomicReference<>(in.image());
            in = null; // only `film` holds the image now: see score(…, AtomicReference, …)
            return gated(id, src, film, derive, claims, t0);
        }
        Scope scope = gate.check(InputFacts.of(format), id);
        if (scope.refused()) {
            return Scored.only(ResultRow.refused(id, "", scope.label(), scope.message()));
        }
        return score(id, null, new AtomicReference<>(ReducedImage.full(ImageFiles.readImage2D(file))), derive, scope,
                t0);
    }

    /** Scores the DICOM {@code file} whose header the caller has already read as {@code src} (the listener). */
    public Scored score(String id, Path file, SourceImage src, boolean derive, UidClaims claims)
            throws ImageReadException, InferenceException, DicomWriteException, IOException {
        long t0 = System.nanoTime();
        Scored early = refusedOrDuplicate(id, src, claims);
        return early != null ? early : score(id, src, new AtomicReference<>(read(file).image()), derive,
                gate.check(src.facts(), id), t0);
    }

    private Scored gated(String id, SourceImage src, AtomicReference<ReducedImage> image, boolean derive,
                         UidClaims claims, long t0)
            throws InferenceException, DicomWriteException, IOException {
        Scored early = refusedOrDuplicate(id, src, claims);
        return early != null ? early : score(id, src, image, derive, gate.check(src.facts(), id), t0);
    }

    /** The refused or duplicate row of {@code src}, or null when it is to be scored. */
    private Scored refusedOrDuplicate(String id, SourceImage src, UidClaims claims) throws IOException {
        Scope scope = gate.check(src.facts(), id);
        if (scope.refused()) {
            return Scored.only(ResultRow.refused(id, src.sopInstanceUid(), scope.label(), scope.message()));
        }
        java.util.Optional<String> owner = claims == null ? java.util.Optional.empty()
                : claims.claim(src.sopInstanceUid(), id);
        return owner.map(o -> Scored.only(ResultRow.duplicate(id, src.sopInstanceUid(), o))).orElse(null);
    }

    /** A DICOM file that cannot be read as an image: refused when its header alone says so, else the read error. */
    private Scored refusedOrThrow(String id, Path file, ImageReadException e) throws ImageReadException {
        try {
            Scope scope = gate.check(InputFacts.read(file), id);
            if (scope.refused()) {
                return Scored.only(ResultRow.refused(id, "", scope.label(), scope.message()));
            }
        } catch (ImageReadException header) {
            e.addSuppressed(header);
        }
        throw e;
    }

    /**
     * The film and its UIDs: at a reduced resolution when {@link #reducedDecode} (a JPEG 2000 film; anything else
     * comes back at 0 levels), else the full read.
     */
    private SourcedReducedImage read(Path file) throws ImageReadException {
        if (reducedDecode) {
            return DicomReader.readSourcedReduced(file, REDUCED_MIN_SIDE_FACTOR * model.manifest().image().size());
        }
        SourcedImage in = DicomReader.readSourcedImage(file);
        return new SourcedReducedImage(in.source(), ReducedImage.full(in.image()));
    }

    /** The model input and what scoring needs of the full-size image after it. */
    private record Prepared(PreparedImage input, double spacingX, double spacingY, Image2D overlayBase) {
    }

    /**
     * Preprocesses the image that {@code film} holds, taking it out: unless an overlay needs it, the full-size float
     * image (2× a 16-bit film's pixel bytes) is unreachable from here on, so it is never live beside the mask and the
     * SEG (issue 15: peak heap of scoring a film, {@code ScoreHeapTest} in bench).
     */
    private Prepared prepare(AtomicReference<ReducedImage> film, boolean overlay) {
        ReducedImage image = film.getAndSet(null);
        VoxelGeometry g = image.fullGeometry(); // a reduced image's mask and area are on the full grid
        return new Prepared(preprocessor.prepare(image), g.spacing(0), g.spacing(1), overlay ? image.image() : null);
    }

    /** @param t0 when reading began (decode time = t0 to now) */
    private Scored score(String id, SourceImage src, AtomicReference<ReducedImage> film, boolean derive, Scope header,
                         long t0) throws InferenceException, DicomWriteException {
        long t1 = System.nanoTime();
        Prepared p = prepare(film, derive && src != null && overlayQuery != null);
        PreparedImage prepared = p.input();
        long tp = System.nanoTime();
        ImageEmbedding e = model.imageEncoder().encodePrepared(List.of(prepared)).get(0);
        Scope scope = InputGates.withEmbedding(model, header, e);
        List<FindingScore> scores = model.classifier().classify(e, model.classifier().defaultFindings());
        Map<String, Double> probs = new LinkedHashMap<>();
        List<ScoredFinding> findings = new ArrayList<>();
        for (FindingScore s : scores) {
            probs.put(s.finding(), s.probability());
            findings.add(new ScoredFinding(s.finding(), Math.min(1, Math.max(0, s.probability()))));
        }
        LabelMask mask = segment ? model.segmenter().segment(e) : null;
        long lungPixels = mask == null ? 0 : mask.count(1); // counted once: a full-size film has millions of pixels
        double area = mask == null ? Double.NaN : lungPixels * p.spacingX() * p.spacingY();
        Grounding overlay = p.overlayBase() != null ? model.grounder().locate(e, overlayQuery) : null;
        long t2 = System.nanoTime();
        byte[] sr = new byte[0];
        byte[] seg = new byte[0];
        if (derive && src != null) {
            ReportContent content = ScoredReports.reportContent(findings, overlay, overlayQuery, mask, lungPixels,
                    area)
                    .withGateOutcome(scope.flagged() ? scope.label() + ": " + scope.message() : "");
            sr = StructuredReports.measurementReport(src, content, algorithm);
            if (mask != null) {
                seg = Segmentations.binary(src, mask.binary(1), mask.classNames().get(0), algorithm);
            }
        }
        Image2D base = p.overlayBase();
        byte[] sc = overlay == null ? new byte[0] : SecondaryCaptures.overlay(src, base.width(), base.height(),
                OverlayRenderer.rgb(OverlayRenderer.heat(OverlayRenderer.grey(base), overlay.map(), overlay.boxes())),
                overlayQuery, algorithm);
        ResultRow row = new ResultRow(id, src == null ? "" : src.sopInstanceUid(), probs, area,
                sr.length > 0 ? StructuredReports.instanceUid(src, algorithm) : "",
                seg.length > 0 ? Segmentations.instanceUid(src, algorithm) : "", "")
                .withScope(scope.label(), scope.message()).withTiming("decode", (t1 - t0) / 1e6)
                .withTiming("preprocess", (tp - t1) / 1e6).withTiming("inference", (t2 - tp) / 1e6)
                .withTiming("write", (System.nanoTime() - t2) / 1e6);
        return new Scored(row, sr, seg, sc, sc.length > 0 ? SecondaryCaptures.instanceUid(src, algorithm,
                overlayQuery) : "");
    }
}
