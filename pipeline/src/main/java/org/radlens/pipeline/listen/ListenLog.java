package org.radlens.pipeline.listen;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operator's view of {@code radlens listen}: one INFO line per object received, scored (or skipped, or failed)
 * and stored, e.g. {@code #12 DX(Pres) uid~4f1c2a9b scored in 83 ms}. An object is named by its arrival number, its
 * SOP class short name and the first 8 hex digits of the SHA-256 of its SOP Instance UID — never a patient name,
 * patient ID or UID in clear (the journal in {@code --out} holds the UIDs for whoever may read that folder).
 */
final class ListenLog {
    private static final Logger LOG = LoggerFactory.getLogger("org.radlens.listen");

    private ListenLog() {
    }

    /** {@code #n CLASS uid~hash}: how an object is named in every line about it. */
    static String item(int number, String sopClass, String sopInstanceUid) {
        return "#" + number + " " + sopClass + " uid~" + hash(sopInstanceUid);
    }

    static void received(String item, String callingAet, long bytes) {
        LOG.info("{} received from {} ({} KB)", item, callingAet == null ? "an earlier run" : callingAet,
                (bytes + 1023) / 1024);
    }

    static void scored(String item, long ms) {
        LOG.info("{} scored in {} ms", item, ms);
    }

    static void skipped(String item, String why) {
        LOG.info("{} skipped: {}", item, why);
    }

    static void failed(String item, String stage, long ms) {
        LOG.warn("{} {} failed after {} ms (its error row is in results.csv)", item, stage, ms);
    }

    static void stored(String item, int objects, String destination, long ms) {
        LOG.info("{} stored {} object(s) to {} in {} ms", item, objects, destination, ms);
    }

    private static String hash(String uid) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256")
                    .digest(String.valueOf(uid).getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(d, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
