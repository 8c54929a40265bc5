package org.radlens.dicomio.dimse;

import java.net.InetAddress;
import java.util.Set;
import org.radlens.dicomio.tls.TlsSettings;

/**
 * Where and to whom a {@link StorageReceiver} listens: the local address to bind ({@code 127.0.0.1} for this machine
 * only, {@code 0.0.0.0} for every interface), the port, our AE title (the called AE title callers must use), the
 * calling AE titles allowed (empty: any), and DICOM TLS ({@code null}: plain TCP).
 */
public record ListenerSettings(InetAddress bind, int port, String aeTitle, Set<String> allowedCallingAets,
                               TlsSettings tls) {
    public ListenerSettings {
        if (port < 1 || port > 65535 || aeTitle.isEmpty() || aeTitle.length() > 16) {
            throw new IllegalArgumentException("bad listener " + aeTitle + " on port " + port
                    + " (AE title 1..16 characters, port 1..65535)");
        }
        for (String aet : allowedCallingAets) {
            if (aet.isEmpty() || aet.length() > 16) {
                throw new IllegalArgumentException("bad calling AE title '" + aet + "' in the allow-list "
                        + "(1..16 characters)");
            }
        }
        allowedCallingAets = Set.copyOf(allowedCallingAets);
    }

    /** True when only this machine can connect. */
    public boolean loopbackOnly() {
        return bind.isLoopbackAddress();
    }
}
