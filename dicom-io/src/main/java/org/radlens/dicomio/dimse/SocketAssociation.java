package org.radlens.dicomio.dimse;

import com.pixelmed.dicom.VersionAndConstants;
import com.pixelmed.network.Association;
import com.pixelmed.network.AssociationFactory;
import com.pixelmed.network.PresentationContext;
import java.io.IOException;
import java.net.Socket;
import java.util.LinkedList;
import java.util.List;

/**
 * A PixelMed {@link Association} that we open ourselves on a socket we connected (plain TCP or TLS from
 * {@link org.radlens.dicomio.tls.TlsSettings}): PixelMed's own initiator can only open plain sockets or TLS 1.0 with
 * legacy cipher suites. We send the A-ASSOCIATE-RQ and read the answer; PixelMed's SCUs then run their DIMSE
 * exchanges over it (they take an {@code Association}). Not thread-safe: one association per operation.
 */
final class SocketAssociation extends Association {
    private static final int MAX_ANSWER_LENGTH = 1 << 20;
    /** What we send in one PDU when the peer sets no limit. */
    private static final int UNLIMITED_PDU_FRAGMENT = 1 << 16;

    /**
     * Negotiates {@code proposals} on the connected {@code socket}; keeps the accepted contexts. Closes the socket
     * and throws when the peer rejects or aborts the association, or accepts none of the contexts.
     */
    SocketAssociation(Socket socket, RemoteAe peer, String callingAet, List<AssociatePdus.Proposal> proposals)
            throws DimseException {
        try {
            this.socket = socket;
            int ourMax = AssociationFactory.getDefaultMaximumLengthReceived();
            setSocketOptions(socket, ourMax, 0, 0);
            in = socket.getInputStream();
            out = socket.getOutputStream();
            calledAETitle = peer.aeTitle();
            callingAETitle = callingAet;
            out.write(AssociatePdus.request(peer.aeTitle(), callingAet, proposals, ourMax,
                    VersionAndConstants.implementationClassUID, VersionAndConstants.implementationVersionName));
            out.flush();
            byte[] answer = AssociatePdus.read(in, MAX_ANSWER_LENGTH);
            int type = answer[0] & 0xff;
            if (type == AssociatePdus.TYPE_RJ) {
                throw new DimseException(peer + ": " + AssociatePdus.describeReject(answer), null);
            }
            if (type != AssociatePdus.TYPE_AC) {
                throw new DimseException(peer + ": association aborted by the peer (PDU type 0x"
                        + Integer.toHexString(type) + ")", null);
            }
            accept(AssociatePdus.accept(answer), proposals, peer);
        } catch (IOException e) {
            closeQuietly();
            throw new DimseException(peer + ": association failed: " + e.getMessage(), e);
        } catch (DimseException e) {
            closeQuietly();
            throw e;
        }
    }

    private void accept(AssociatePdus.Acceptance ac, List<AssociatePdus.Proposal> proposals, RemoteAe peer)
            throws DimseException {
        maximumLengthReceived = ac.maxPduLength() > 0 ? ac.maxPduLength() : UNLIMITED_PDU_FRAGMENT; // 0: no limit
        presentationContexts = new LinkedList<PresentationContext>();
        for (AssociatePdus.Answer a : ac.answers()) {
            if (a.result() != 0) {
                continue;
            }
            String abstractSyntax = proposals.stream().filter(p -> p.id() == a.id()).findFirst()
                    .map(AssociatePdus.Proposal::abstractSyntax).orElse(null);
            if (abstractSyntax != null) {
                presentationContexts.add(new PresentationContext((byte) a.id(), (byte) 0, abstractSyntax,
                        a.transferSyntax()));
            }
        }
        if (presentationContexts.isEmpty()) {
            try {
                release();
            } catch (Exception e) { // already failing: the peer accepted nothing; the release is a courtesy
                closeQuietly();
            }
            throw new DimseException(peer + ": the peer accepted none of the proposed presentation contexts", null);
        }
    }

    private void closeQuietly() {
        try {
            socket.close();
        } catch (IOException e) {
            // the association failed already; that failure is what the caller reports
        }
    }

    @Override
    public String getCallingAEHostName() {
        return getLocalHostName();
    }

    @Override
    public String getCalledAEHostName() {
        return getRemoteHostName();
    }

    @Override
    public int getCallingAEPort() {
        return getLocalPort();
    }

    @Override
    public int getCalledAEPort() {
        return getRemotePort();
    }
}
