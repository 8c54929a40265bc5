package org.radlens.dicomio.tls;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import java.util.List;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

/**
 * One TLS configuration, loaded and checked when built: our own certificate and key (a PKCS12 or JKS keystore,
 * optional for a client), whom we trust (a keystore, a PEM bundle, or the JDK's default CAs), whether a server
 * requires a client certificate. Protocols are TLS 1.3 and 1.2 only; the JDK's default cipher suites (forward
 * secret first, none of those it disables). Clients check the peer's certificate chain and its host name.
 * Immutable, thread-safe.
 *
 * <pre>{@code
 * TlsSettings tls = TlsSettings.of(Path.of("server.p12"), pw, Path.of("ca.pem"), null, true);
 * try (SSLServerSocket s = tls.serverSocket(InetAddress.getLoopbackAddress(), 11112)) { ... }
 * }</pre>
 */
public final class TlsSettings {
    /** The protocols we enable, newest first. */
    public static final List<String> PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");
    private static final int HANDSHAKE_TIMEOUT_MS = 30_000;

    private final SSLContext context;
    private final boolean clientCertRequired;
    private final String description;

    private TlsSettings(SSLContext context, boolean clientCertRequired, String description) {
        this.context = context;
        this.clientCertRequired = clientCertRequired;
        this.description = description;
    }

    /**
     * Loads the stores. {@code keystore} may be null for a client without a certificate; {@code truststore} null
     * means the JDK's default CAs; {@code truststorePassword} may be null (PEM bundles and password-less stores).
     * Throws {@link IllegalArgumentException} naming the file for an unreadable store or a wrong password.
     */
    public static TlsSettings of(Path keystore, char[] keystorePassword, Path truststore, char[] truststorePassword,
                                 boolean clientCertRequired) {
        try {
            KeyManager[] keys = keystore == null ? null : keyManagers(keystore, keystorePassword);
            TrustManager[] trust = truststore == null ? null : trustManagers(truststore, truststorePassword);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(keys, trust, null);
            return new TlsSettings(ctx, clientCertRequired, "TLS (" + String.join(", ", PROTOCOLS) + ")"
                    + (keystore == null ? "" : ", certificate " + keystore.getFileName())
                    + (truststore == null ? ", default CAs" : ", trusting " + truststore.getFileName())
                    + (clientCertRequired ? ", client certificate required" : ""));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("TLS set-up failed: " + e.getMessage(), e);
        }
    }

    /** A client that trusts only the certificates of a PEM bundle (like curl's {@code --cacert}). */
    public static TlsSettings trustingPem(Path pemBundle) {
        return of(null, null, pemBundle, null, false);
    }

    /** A client that trusts the JDK's default CAs. */
    public static TlsSettings defaultTrust() {
        return of(null, null, null, null, false);
    }

    /** For clients that build their own connections (e.g. {@code java.net.http.HttpClient}). */
    public SSLContext context() {
        return context;
    }

    /** Protocols limited to {@link #PROTOCOLS}; host name verification on (clients). */
    public SSLParameters clientParameters() {
        SSLParameters p = context.getDefaultSSLParameters();
        p.setProtocols(PROTOCOLS.toArray(String[]::new));
        p.setEndpointIdentificationAlgorithm("HTTPS");
        return p;
    }

    /** A listening TLS socket on {@code bind:port}; the handshake happens on each accepted socket's first read. */
    public SSLServerSocket serverSocket(InetAddress bind, int port) throws IOException {
        SSLServerSocket s = (SSLServerSocket) context.getServerSocketFactory().createServerSocket(port, 50, bind);
        s.setEnabledProtocols(PROTOCOLS.toArray(String[]::new));
        s.setNeedClientAuth(clientCertRequired);
        return s;
    }

    /** A client TLS connection to {@code host:port}, handshake done (chain and host name checked). */
    public SSLSocket connect(String host, int port, int timeoutMs) throws IOException {
        Socket plain = new Socket();
        try {
            plain.connect(new InetSocketAddress(host, port), timeoutMs);
            SSLSocket s = (SSLSocket) context.getSocketFactory().createSocket(plain, host, port, true);
            s.setSSLParameters(clientParameters());
            s.setSoTimeout(HANDSHAKE_TIMEOUT_MS);
            s.startHandshake();
            s.setSoTimeout(0);
            return s;
        } catch (IOException e) {
            plain.close();
            throw e;
        }
    }

    public boolean clientCertRequired() {
        return clientCertRequired;
    }

    @Override
    public String toString() {
        return description;
    }

    private static KeyManager[] keyManagers(Path file, char[] password) throws GeneralSecurityException {
        KeyStore ks = load(file, password, "keystore");
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        try {
            kmf.init(ks, password);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("keystore " + file + ": cannot read its private key ("
                    + e.getMessage() + "); the key password must be the keystore password", e);
        }
        return kmf.getKeyManagers();
    }

    private static TrustManager[] trustManagers(Path file, char[] password) throws GeneralSecurityException {
        KeyStore ks = isPem(file) ? pemStore(file) : load(file, password, "truststore");
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ks);
        return tmf.getTrustManagers();
    }

    private static KeyStore load(Path file, char[] password, String what) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(what + " " + file + " does not exist or is not a file");
        }
        try {
            return KeyStore.getInstance(file.toFile(), password); // PKCS12 or JKS, detected from the content
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException(what + " " + file + ": cannot open it (" + e.getMessage()
                    + "); a PKCS12 or JKS file and its password are needed", e);
        }
    }

    private static boolean isPem(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return new String(in.readNBytes(4096), StandardCharsets.US_ASCII).contains("-----BEGIN");
        } catch (IOException e) {
            throw new IllegalArgumentException("CA bundle / truststore " + file + ": cannot read it (" + e.getMessage()
                    + ")", e);
        }
    }

    private static KeyStore pemStore(Path file) throws GeneralSecurityException {
        Collection<? extends Certificate> certs;
        try (InputStream in = Files.newInputStream(file)) {
            certs = CertificateFactory.getInstance("X.509").generateCertificates(in);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("CA bundle " + file + ": not a PEM certificate file (" + e.getMessage()
                    + ")", e);
        }
        if (certs.isEmpty()) {
            throw new IllegalArgumentException("CA bundle " + file + " holds no certificate");
        }
        KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
        try {
            ks.load(null, null);
        } catch (IOException e) {
            throw new GeneralSecurityException(e);
        }
        int i = 0;
        for (Certificate c : certs) {
            ks.setCertificateEntry("ca-" + i++, c);
        }
        return ks;
    }
}
