package org.radlens.dicomio.dimse;

/** A DICOM application entity: AE title, host, port. Parses {@code AET@host:port}. */
public record RemoteAe(String aeTitle, String host, int port) {
    public RemoteAe {
        if (aeTitle.isEmpty() || aeTitle.length() > 16 || port < 1 || port > 65535) {
            throw new IllegalArgumentException("bad AE " + aeTitle + "@" + host + ":" + port
                    + " (AE title 1..16 characters, port 1..65535)");
        }
    }

    public static RemoteAe parse(String spec) {
        int at = spec.indexOf('@');
        int colon = spec.lastIndexOf(':');
        if (at <= 0 || colon < at) {
            throw new IllegalArgumentException("expected AET@host:port, got " + spec);
        }
        try {
            return new RemoteAe(spec.substring(0, at), spec.substring(at + 1, colon),
                    Integer.parseInt(spec.substring(colon + 1)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected AET@host:port, got " + spec, e);
        }
    }

    @Override
    public String toString() {
        return aeTitle + "@" + host + ":" + port;
    }
}
