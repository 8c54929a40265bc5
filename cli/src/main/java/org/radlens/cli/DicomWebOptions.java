package org.radlens.cli;

import org.radlens.dicomio.tls.TlsSettings;
import org.radlens.dicomio.web.DicomWebClient;
import picocli.CommandLine.Option;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * DICOMweb options of {@code radlens score}: server, query, authentication (from the environment or an owner-only
 * file, never argv: {@link DicomWebCredentials}), https trust, timeouts and retries.
 */
final class DicomWebOptions {
    @Option(names = "--dicomweb", paramLabel = "URL", description = "DICOMweb service root (QIDO/WADO/STOW).")
    URI url;

    @Option(names = "--study", paramLabel = "UID", description = "Score this study (repeatable; default: all).")
    List<String> studies = new ArrayList<>();

    @Option(names = "--study-date", paramLabel = "FROM-TO", description = "StudyDate range, e.g. 20240101-20240131.")
    String studyDate;

    @Option(names = "--modality", paramLabel = "M", split = ",",
            description = "DICOM modalities scored, for files, folders, Spark and DICOMweb alike (default: CR,DX; OT "
                    + "may be added): other objects are refused; DICOMweb queries exactly these.")
    List<String> modalities = new ArrayList<>(org.radlens.dicomio.scope.ScopeGate.DEFAULT_MODALITIES);

    @Option(names = "--user", hidden = true, paramLabel = "USER:PASSWORD",
            description = "Refused: use RADLENS_DICOMWEB_CREDENTIALS or --credentials-file.")
    String user;

    @Option(names = "--credentials-file", paramLabel = "FILE",
            description = "HTTP basic authentication: one line user:password in a file only you can read (chmod 600). "
                    + "Or set RADLENS_DICOMWEB_CREDENTIALS=user:password (or RADLENS_DICOMWEB_USER and "
                    + "RADLENS_DICOMWEB_PASSWORD).")
    Path credentialsFile;

    @Option(names = "--ca-bundle", paramLabel = "PEM",
            description = "https: trust only the CA certificates in this PEM file (default: the JDK's CAs). "
                    + "Certificates and host names are always verified.")
    Path caBundle;

    @Option(names = "--token-env", paramLabel = "VAR", description = "Bearer token from this environment variable.")
    String tokenEnv;

    @Option(names = "--timeout", paramLabel = "SECONDS", description = "Per-request timeout (default: 30).")
    int timeoutSeconds = 30;

    @Option(names = "--retries", paramLabel = "N", description = "Retries with exponential backoff (default: 6).")
    int retries = 6;

    @Option(names = "--backoff-ms", paramLabel = "MS", description = "First backoff pause (default: 500).")
    long backoffMs = 500;

    /** The input gate of {@code --modality}; a value it does not accept is a usage error (exit 2). */
    org.radlens.dicomio.scope.ScopeGate gate(picocli.CommandLine.Model.CommandSpec spec) {
        try {
            return new org.radlens.dicomio.scope.ScopeGate(modalities);
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }

    /** Refuses {@code --user} (a password in argv) before any work starts: a usage error (exit 2). */
    void refuseSecretsInArguments(picocli.CommandLine.Model.CommandSpec spec) {
        if (user != null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), DicomWebCredentials.NO_ARGV);
        }
    }

    /** The client; a bad option is a usage error (exit 2). */
    DicomWebClient client(picocli.CommandLine.Model.CommandSpec spec) {
        try {
            return client();
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }

    private DicomWebClient client() {
        if (user != null) {
            throw new IllegalArgumentException(DicomWebCredentials.NO_ARGV);
        }
        TlsSettings tls = caBundle == null ? TlsSettings.defaultTrust() : TlsSettings.trustingPem(caBundle);
        return new DicomWebClient(url, DicomWebCredentials.resolve(credentialsFile, tokenEnv, System.getenv()),
                Duration.ofSeconds(timeoutSeconds), retries, Duration.ofMillis(backoffMs), tls);
    }
}
