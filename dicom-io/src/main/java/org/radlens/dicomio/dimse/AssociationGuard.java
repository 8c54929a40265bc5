package org.radlens.dicomio.dimse;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The listener's door: reads a connection's A-ASSOCIATE-RQ (bounded in size and time) and answers with
 * A-ASSOCIATE-RJ when the called AE title is not ours (reason 7, "called AE title not recognized") or the calling AE
 * title is not in the allow-list (reason 3, "calling AE title not recognized"; an empty list allows every caller).
 * An accepted request is replayed to PixelMed through a {@link PrefixedSocket}. Refusals are logged at WARN with the
 * peer address and AE titles (no patient data exists at this stage).
 */
final class AssociationGuard {
    private static final Logger LOG = LoggerFactory.getLogger(AssociationGuard.class);
    private static final int MAX_RQ_LENGTH = 256 * 1024;
    private static final int SET_UP_TIMEOUT_MS = 30_000;

    private final String aeTitle;
    private final Set<String> allowedCallingAets;

    AssociationGuard(String aeTitle, Set<String> allowedCallingAets) {
        this.aeTitle = aeTitle;
        this.allowedCallingAets = Set.copyOf(allowedCallingAets);
    }

    /**
     * The socket to hand to PixelMed, or empty when the association was refused (the socket is then closed). A
     * TLS handshake failure surfaces here as an {@link IOException} from the first read.
     */
    Optional<Socket> admit(Socket s) throws IOException {
        s.setSoTimeout(SET_UP_TIMEOUT_MS); // a silent peer cannot hold a thread
        byte[] rq = AssociatePdus.read(s.getInputStream(), MAX_RQ_LENGTH);
        String peer = String.valueOf(s.getInetAddress() == null ? "?" : s.getInetAddress().getHostAddress());
        if ((rq[0] & 0xff) != AssociatePdus.TYPE_RQ) {
            LOG.warn("connection from {} closed: it sent PDU type 0x{} before any A-ASSOCIATE-RQ", peer,
                    Integer.toHexString(rq[0] & 0xff));
            s.close();
            return Optional.empty();
        }
        String called = AssociatePdus.calledAet(rq);
        String calling = AssociatePdus.callingAet(rq);
        if (!called.equals(aeTitle)) {
            return refuse(s, AssociatePdus.REASON_CALLED_AET, "association from " + peer + " (calling AE '"
                    + calling + "') refused: called AE title '" + called + "' is not ours ('" + aeTitle + "')");
        }
        if (!allowedCallingAets.isEmpty() && !allowedCallingAets.contains(calling)) {
            return refuse(s, AssociatePdus.REASON_CALLING_AET, "association from " + peer
                    + " refused: calling AE title '" + calling + "' is not in the allow-list");
        }
        s.setSoTimeout(0);
        return Optional.of(new PrefixedSocket(s, rq));
    }

    private static Optional<Socket> refuse(Socket s, int reason, String message) throws IOException {
        LOG.warn(message);
        try (s) {
            OutputStream out = s.getOutputStream();
            out.write(AssociatePdus.reject(reason));
            out.flush();
        }
        return Optional.empty();
    }
}
