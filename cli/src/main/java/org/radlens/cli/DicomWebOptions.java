package org.radlens.cli;

import org.radlens.dicomio.web.Auth;
import org.radlens.dicomio.web.DicomWebClient;
import picocli.CommandLine.Option;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** DICOMweb options of {@code radlens score}: server, query, authentication, timeouts and retries. */
final class DicomWebOptions {
    @Option(names = "--dicomweb", paramLabel = "URL", description = "DICOMweb service root (QIDO/WADO/STOW).")
    URI url;

    @Option(names = "--study", paramLabel = "UID", description = "Score this study (repeatable; default: all).")
    List<String> studies = new ArrayList<>();

    @Option(names = "--study-date", paramLabel = "FROM-TO", description = "StudyDate range, e.g. 20240101-20240131.")
    String studyDate;

    @Option(names = "--modality", paramLabel = "M", split = ",", description = "Modalities (default: CR,DX).")
    List<String> modalities = new ArrayList<>(List.of("CR", "DX"));

    @Option(names = "--user", paramLabel = "USER:PASSWORD", description = "HTTP basic authentication.")
    String user;

    @Option(names = "--token-env", paramLabel = "VAR", description = "Bearer token from this environment variable.")
    String tokenEnv;

    @Option(names = "--timeout", paramLabel = "SECONDS", description = "Per-request timeout (default: 30).")
    int timeoutSeconds = 30;

    @Option(names = "--retries", paramLabel = "N", description = "Retries with exponential backoff (default: 6).")
    int retries = 6;

    @Option(names = "--backoff-ms", paramLabel = "MS", description = "First backoff pause (default: 500).")
    long backoffMs = 500;

    /** The client; a bad option is a usage error (exit 2). */
    DicomWebClient client(picocli.CommandLine.Model.CommandSpec spec) {
        try {
            return client();
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e, null, null);
        }
    }

    private DicomWebClient client() {
        Auth auth = Auth.none();
        if (user != null) {
            int colon = user.indexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException("--user needs USER:PASSWORD, got no ':'");
            }
            auth = Auth.basic(user.substring(0, colon), user.substring(colon + 1));
        } else if (tokenEnv != null) {
            String token = System.getenv(tokenEnv);
            if (token == null || token.isBlank()) {
                throw new IllegalArgumentException("--token-env " + tokenEnv + ": the variable is not set");
            }
            auth = Auth.bearer(token.strip());
        }
        return new DicomWebClient(url, auth, Duration.ofSeconds(timeoutSeconds), retries, Duration.ofMillis(backoffMs));
    }
}
