package org.radlens.fiji;

import ij.IJ;
import ij.ImageJ;
import ij.Prefs;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;
import org.radlens.models.DefaultModel;
import org.radlens.models.ModelLoadException;
import org.radlens.models.RadLensModel;

/**
 * The model the RadLens commands share: opened on first use, reused by every command, closed on request
 * ("Release Model"), when another package is chosen ("Model…"), and when ImageJ quits.
 *
 * <p>Commands borrow the model with {@link #acquire()} in try-with-resources. Releasing while a command still runs
 * only retires the model; the last {@link Lease} to close frees it, so a running command never sees a closed engine.
 *
 * <p>Quit: ImageJ 1 (and Fiji) end the JVM when the user quits, so a JVM shutdown hook closes the model; when an
 * ImageJ window exists, a window listener also releases it when the window closes (an embedded ImageJ that quits
 * without exiting the JVM). An {@code ImageListener} would not do: it hears about images, not about quitting.
 * One session per ImageJ is reached through {@link #shared()}; tests make their own with {@link #ModelSession(Opener)}.
 *
 * <pre>{@code
 * try (ModelSession.Lease lease = ModelSession.shared().acquire()) {
 *     List<FindingScore> scores = lease.model().classifier().classify(image);
 * }
 * }</pre>
 */
public final class ModelSession {
    /** ImageJ preference naming the package chosen with "Model…". */
    public static final String PREF_KEY = "radlens.model";
    private static ModelSession shared;

    private final Opener opener;
    private final Map<String, String> environment;
    private final Map<RadLensModel, Integer> users = new IdentityHashMap<>();
    private RadLensModel model;
    private Path path;
    private boolean hooksInstalled;

    /** Opens a model package (a seam for tests and for other engines). */
    @FunctionalInterface
    public interface Opener {
        RadLensModel open(Path pkg) throws ModelLoadException;
    }

    public ModelSession(Opener opener) {
        this(opener, System.getenv());
    }

    /** A session that reads {@code RADLENS_MODEL} from {@code environment} (tests pass their own). */
    public ModelSession(Opener opener, Map<String, String> environment) {
        this.opener = opener;
        this.environment = Map.copyOf(environment);
    }

    /** The session of this ImageJ, created with release hooks on first use. */
    public static synchronized ModelSession shared() {
        if (shared == null) {
            shared = new ModelSession(RadLensModel::open);
            shared.installReleaseHooks();
        }
        return shared;
    }

    /**
     * The package in use or to be used, first of: the one chosen in this session with Model…, the environment
     * variable {@code RADLENS_MODEL}, the package saved by Model… in ImageJ's preferences, the checkout's default
     * package. A saved package that no longer exists is a {@link ChoiceGone}, not a silent fallback.
     */
    public synchronized Path packagePath() throws ModelLoadException {
        if (path != null) {
            return path;
        }
        String env = environment.get(DefaultModel.ENV);
        if (env != null && !env.isBlank()) {
            Path p = Path.of(env);
            if (!Files.exists(p)) {
                throw new ModelLoadException(p + ": the environment variable " + DefaultModel.ENV
                        + " names a model package that does not exist");
            }
            return p;
        }
        Optional<Path> saved = savedChoice();
        if (saved.isPresent()) {
            if (!Files.exists(saved.get())) {
                throw new ChoiceGone(saved.get());
            }
            return saved.get();
        }
        return DefaultModel.locate();
    }

    /** The package saved by Model… in ImageJ's preferences (it may no longer exist), if any. */
    public static Optional<Path> savedChoice() {
        String pref = Prefs.get(PREF_KEY, "");
        return pref.isBlank() ? Optional.empty() : Optional.of(Path.of(pref));
    }

    /**
     * Saves {@code pkg} as the package for the next ImageJ starts, in ImageJ's preferences file, written now (a
     * batch run or a crash never reaches ImageJ's quit, where ImageJ saves it). ImageJ 1 can only write the whole
     * file ({@code Prefs.savePreferences()} writes every current setting, as ImageJ does at quit), so it is written
     * only when the choice changed: choosing the saved package again writes nothing.
     *
     * @return whether the file was written
     */
    public static boolean saveChoice(Path pkg) {
        String value = pkg.toAbsolutePath().normalize().toString();
        if (value.equals(Prefs.get(PREF_KEY, null))) {
            return false;
        }
        Prefs.set(PREF_KEY, value);
        Prefs.savePreferences();
        return true;
    }

    /** The package saved with Model… no longer exists: the user has to choose again. */
    public static final class ChoiceGone extends ModelLoadException {
        private static final long serialVersionUID = 1L;

        ChoiceGone(Path saved) {
            super("the package saved with " + Commands.MENU + "Model\u2026, " + saved + ", no longer exists (moved "
                    + "or deleted)");
        }
    }

    /** Borrows the model, opening it first if needed. Close the lease when done. */
    public synchronized Lease acquire() throws ModelLoadException {
        if (model == null) {
            Path p = packagePath();
            IJ.showStatus("RadLens: loading model " + p.getFileName() + "…");
            model = opener.open(p);
            path = p;
            IJ.showStatus("");
        }
        users.merge(model, 1, Integer::sum);
        return new Lease(model);
    }

    /**
     * Opens {@code pkg} and makes it the session's model; the previous model is released. On failure the previous
     * model stays in use and the exception says why.
     */
    public void use(Path pkg) throws ModelLoadException {
        RadLensModel opened = opener.open(pkg);
        synchronized (this) {
            retire();
            model = opened;
            path = pkg;
        }
    }

    /** Whether a model is open. */
    public synchronized boolean isLoaded() {
        return model != null;
    }

    /** The open model's package, if one is open. */
    public synchronized Optional<Path> loadedPackage() {
        return model == null ? Optional.empty() : Optional.of(path);
    }

    /** Frees the model (now, or when the last running command returns it). True when one was open. */
    public synchronized boolean release() {
        boolean was = model != null;
        retire();
        return was;
    }

    private void retire() {
        RadLensModel old = model;
        model = null;
        if (old != null && !users.containsKey(old)) {
            old.close();
        }
    }

    private synchronized void giveBack(RadLensModel m) {
        int left = users.merge(m, -1, Integer::sum);
        if (left <= 0) {
            users.remove(m);
            if (m != model) {
                m.close();
            }
        }
    }

    private void installReleaseHooks() {
        if (hooksInstalled) {
            return;
        }
        hooksInstalled = true;
        Runtime.getRuntime().addShutdownHook(new Thread(this::release, "RadLens model release"));
        ImageJ ij = IJ.getInstance();
        if (ij != null) {
            ij.addWindowListener(new WindowAdapter() {
                @Override
                public void windowClosed(WindowEvent e) {
                    release();
                }
            });
        }
    }

    /** A borrowed model; closing it returns the model to the session (never closes it while shared). */
    public final class Lease implements AutoCloseable {
        private final RadLensModel leased;
        private boolean closed;

        private Lease(RadLensModel leased) {
            this.leased = leased;
        }

        public RadLensModel model() {
            return leased;
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                giveBack(leased);
            }
        }
    }
}
