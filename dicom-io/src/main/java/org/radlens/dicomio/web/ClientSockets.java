package org.radlens.dicomio.web;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import org.radlens.dicomio.tls.TlsSettings;

/**
 * The https sockets of a {@link DicomWebClient}: {@link TlsSettings#context()}'s factory with
 * {@link TlsSettings#clientParameters()} (TLS 1.2/1.3, host-name check) applied to every socket it makes, since
 * {@code HttpsURLConnection} takes a socket factory but no {@code SSLParameters}. One instance per client, so the
 * JDK's keep-alive cache (which keys https connections on the factory) reuses its connections.
 */
final class ClientSockets extends SSLSocketFactory {
    private final SSLSocketFactory delegate;
    private final SSLParameters parameters;

    ClientSockets(TlsSettings tls) {
        this.delegate = tls.context().getSocketFactory();
        this.parameters = tls.clientParameters();
    }

    private Socket configured(Socket s) {
        if (s instanceof SSLSocket ssl) {
            ssl.setSSLParameters(parameters);
        }
        return s;
    }

    @Override
    public Socket createSocket(Socket s, String host, int port, boolean autoClose) throws IOException {
        return configured(delegate.createSocket(s, host, port, autoClose));
    }

    @Override
    public Socket createSocket() throws IOException {
        return configured(delegate.createSocket());
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return configured(delegate.createSocket(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return configured(delegate.createSocket(host, port, localHost, localPort));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return configured(delegate.createSocket(host, port));
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        return configured(delegate.createSocket(address, port, localAddress, localPort));
    }

    @Override
    public String[] getDefaultCipherSuites() {
        return parameters.getCipherSuites();
    }

    @Override
    public String[] getSupportedCipherSuites() {
        return delegate.getSupportedCipherSuites();
    }
}
