package org.radlens.dicomio.web;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/** HTTP authentication for {@link DicomWebClient}: none, basic (user + password) or bearer token. */
public record Auth(Optional<String> header) {
    public static Auth none() {
        return new Auth(Optional.empty());
    }

    public static Auth basic(String user, String password) {
        String raw = user + ":" + password;
        return new Auth(Optional.of("Basic " + Base64.getEncoder().encodeToString(raw.getBytes(StandardCharsets.UTF_8))));
    }

    public static Auth bearer(String token) {
        return new Auth(Optional.of("Bearer " + token));
    }

    @Override
    public String toString() {
        return header.map(h -> h.substring(0, h.indexOf(' ')) + " ***").orElse("none"); // never the secret
    }
}
