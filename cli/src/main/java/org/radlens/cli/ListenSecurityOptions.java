package org.radlens.cli;

import org.radlens.dicomio.dimse.ListenerSettings;
import org.radlens.dicomio.tls.Secrets;
import org.radlens.dicomio.tls.TlsSettings;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who may talk to {@code radlens listen} and how: bind address (default 127.0.0.1: this machine only), calling AE
 * allow-list, DICOM TLS for the listener and for {@code --dest}. Passwords come from {@code env:VAR} or
 * {@code file:PATH}, never argv. A bad option is an {@link IllegalArgumentException} (the command turns it into a
 * usage error).
 */
final class ListenSecurityOptions {
    static final String KEYSTORE_PASSWORD_ENV = "RADLENS_TLS_KEYSTORE_PASSWORD";
    static final String TRUSTSTORE_PASSWORD_ENV = "RADLENS_TLS_TRUSTSTORE_PASSWORD";

    /** Whether TLS callers must present a certificate issued by a CA of the truststore. */
    enum ClientCert { REQUIRED, NONE }

    @Option(names = "--bind", paramLabel = "ADDR", description = "Local address to listen on (default: 127.0.0.1, "
            + "this machine only; 0.0.0.0 for every interface, or one interface's address).")
    String bind = "127.0.0.1";

    @Option(names = "--allow-aet", split = ",", paramLabel = "AET",
            description = "Calling AE titles allowed to associate (repeatable or comma-separated); others get "
                    + "A-ASSOCIATE-RJ. Default: any.")
    List<String> allowAets = new ArrayList<>();

    @Option(names = "--allow-aet-file", paramLabel = "FILE",
            description = "More allowed calling AE titles, one per line (# comments).")
    Path allowAetFile;

    @Option(names = "--tls-keystore", paramLabel = "P12",
            description = "DICOM TLS for the listener: our certificate and key (PKCS12 or JKS). TLS 1.2+ only.")
    Path keystore;

    @Option(names = "--tls-keystore-password", paramLabel = "env:VAR|file:PATH",
            description = "Where the keystore password is (default: env:" + KEYSTORE_PASSWORD_ENV + ").")
    String keystorePassword = "env:" + KEYSTORE_PASSWORD_ENV;

    @Option(names = "--tls-truststore", paramLabel = "P12|PEM", description = "CAs we trust: for callers' "
            + "certificates and for --dest-tls (PKCS12/JKS or a PEM bundle; default for --dest-tls: the JDK's CAs).")
    Path truststore;

    @Option(names = "--tls-truststore-password", paramLabel = "env:VAR|file:PATH", description = "Where the "
            + "truststore password is (default: env:" + TRUSTSTORE_PASSWORD_ENV + " when set; none for PEM).")
    String truststorePassword;

    @Option(names = "--tls-client-cert", paramLabel = "required|none",
            description = "TLS callers must present a certificate from a truststore CA (default: required).")
    ClientCert clientCert = ClientCert.REQUIRED;

    @Option(names = "--dest-tls", description = "C-STORE to --dest over DICOM TLS (certificate and host name "
            + "checked against --tls-truststore; our --tls-keystore certificate presented when given).")
    boolean destTls;

    /** The listener's settings; reads the stores (and their passwords) now, so mistakes show at start. */
    ListenerSettings listener(int port, String aet, Map<String, String> env) {
        if (keystore == null && !destTls && (truststore != null || truststorePassword != null)) {
            throw new IllegalArgumentException("--tls-truststore needs --tls-keystore (TLS listener) or --dest-tls");
        }
        TlsSettings tls = null;
        if (keystore != null) {
            boolean required = clientCert == ClientCert.REQUIRED;
            if (required && truststore == null) {
                throw new IllegalArgumentException("--tls-client-cert required needs --tls-truststore (the CA that "
                        + "issued the callers' certificates), or --tls-client-cert none");
            }
            tls = TlsSettings.of(keystore, Secrets.password(keystorePassword, env, "--tls-keystore-password"),
                    truststore, truststorePassword(env), required);
        }
        return new ListenerSettings(address(), port, aet, allowed(), tls);
    }

    /** TLS for the C-STOREs to {@code --dest}, or null for plain TCP. */
    TlsSettings destination(Map<String, String> env) {
        if (!destTls) {
            return null;
        }
        char[] pw = keystore == null ? null : Secrets.password(keystorePassword, env, "--tls-keystore-password");
        return TlsSettings.of(keystore, pw, truststore, truststorePassword(env), false);
    }

    /** The start-up line's description of who can connect, and a warning when the port is open to the network. */
    static List<String> describe(ListenerSettings s) {
        String who = s.allowedCallingAets().isEmpty() ? "any calling AE title"
                : "calling AE titles " + String.join(", ", new java.util.TreeSet<>(s.allowedCallingAets()));
        String where = s.bind().getHostAddress() + ":" + s.port();
        List<String> lines = new ArrayList<>(List.of(s.aeTitle() + " on " + where + ", "
                + (s.tls() == null ? "plain TCP" : s.tls().toString()) + ", " + who
                + (s.loopbackOnly() ? "; loopback only: other machines cannot connect (--bind ADDR to allow them)"
                : "")));
        if (!s.loopbackOnly() && (s.tls() == null || s.allowedCallingAets().isEmpty())) {
            lines.add("WARNING: " + where + " is open to other machines"
                    + (s.tls() == null ? " without TLS (images and results cross the network in clear)" : "")
                    + (s.allowedCallingAets().isEmpty() ? " and accepts any calling AE title" : "")
                    + ": add --tls-keystore and --allow-aet");
        }
        return lines;
    }

    private char[] truststorePassword(Map<String, String> env) {
        if (truststorePassword != null) {
            return Secrets.password(truststorePassword, env, "--tls-truststore-password");
        }
        String v = env.get(TRUSTSTORE_PASSWORD_ENV);
        return v == null || v.isEmpty() ? null : v.toCharArray();
    }

    private InetAddress address() {
        try {
            return InetAddress.getByName(bind);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("--bind " + bind + ": not an address of this machine", e);
        }
    }

    private Set<String> allowed() {
        Set<String> out = new LinkedHashSet<>();
        allowAets.stream().map(String::strip).filter(a -> !a.isEmpty()).forEach(out::add);
        if (allowAetFile != null) {
            try {
                List<String> listed = Files.readAllLines(allowAetFile).stream()
                        .map(l -> l.replaceAll("#.*", "").strip()).filter(a -> !a.isEmpty()).toList();
                if (listed.isEmpty()) {
                    throw new IllegalArgumentException("--allow-aet-file " + allowAetFile + " lists no AE title");
                }
                out.addAll(listed);
            } catch (IOException e) {
                throw new IllegalArgumentException("--allow-aet-file " + allowAetFile + ": cannot read it ("
                        + e.getMessage() + ")", e);
            }
        }
        return out;
    }
}
