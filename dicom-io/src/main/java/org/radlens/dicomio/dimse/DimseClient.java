package org.radlens.dicomio.dimse;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.SetOfDicomFiles;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.network.CEchoRequestCommandMessage;
import com.pixelmed.network.CompositeResponseHandler;
import com.pixelmed.network.MultipleInstanceTransferStatusHandler;
import com.pixelmed.network.StorageSOPClassSCU;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.radlens.dicomio.tls.TlsSettings;

/**
 * C-ECHO and C-STORE as a service class user, over plain TCP or DICOM TLS ({@link TlsSettings}: TLS 1.2+, the peer's
 * certificate and host name checked, our certificate presented when the settings have one). Each call opens and
 * releases its own association; the DIMSE messages are PixelMed's. Thread-safe (stateless).
 *
 * <pre>{@code
 * DimseClient.store(RemoteAe.parse("ORTHANC@127.0.0.1:4242"), "RADLENS", List.of(srFile), null); // plain TCP
 * }</pre>
 */
public final class DimseClient {
    private static final String VERIFICATION = "1.2.840.10008.1.1";
    private static final String EXPLICIT_LE = "1.2.840.10008.1.2.1";
    private static final String IMPLICIT_LE = "1.2.840.10008.1.2";
    private static final int CONNECT_TIMEOUT_MS = 30_000;
    private static final int READ_TIMEOUT_MS = 120_000;

    private DimseClient() {
    }

    /** C-ECHO over plain TCP. */
    public static void echo(RemoteAe peer, String callingAet) throws DimseException {
        echo(peer, callingAet, null);
    }

    /** C-ECHO; {@code tls} null for plain TCP. Throws when the peer does not answer with success. */
    public static void echo(RemoteAe peer, String callingAet, TlsSettings tls) throws DimseException {
        SocketAssociation a = new SocketAssociation(connect(peer, tls), peer, callingAet,
                List.of(new AssociatePdus.Proposal(1, VERIFICATION, List.of(EXPLICIT_LE, IMPLICIT_LE))));
        EchoAnswer answer = new EchoAnswer();
        try {
            byte id = a.getSuitablePresentationContextID(VERIFICATION);
            a.setReceivedDataHandler(answer);
            a.send(id, new CEchoRequestCommandMessage().getBytes(), null);
            a.waitForCommandPDataPDUs();
            a.release();
        } catch (Exception e) { // PixelMed throws DicomNetworkException, DicomException, IOException, AReleaseException
            abortQuietly(a);
            throw new DimseException("C-ECHO to " + peer + " failed: " + e.getMessage(), e);
        }
        if (!answer.wasSuccessful()) {
            throw new DimseException("C-ECHO to " + peer + ": status 0x" + Integer.toHexString(answer.getStatus()),
                    null);
        }
    }

    /** C-STORE over plain TCP. */
    public static void store(RemoteAe peer, String callingAet, List<Path> files) throws DimseException {
        store(peer, callingAet, files, null);
    }

    /**
     * C-STORE of Part 10 files in one association ({@code tls} null for plain TCP); each SOP class is proposed in
     * the files' own transfer syntaxes and explicit/implicit little endian. Throws unless every file was stored.
     */
    public static void store(RemoteAe peer, String callingAet, List<Path> files, TlsSettings tls)
            throws DimseException {
        SetOfDicomFiles set = new SetOfDicomFiles();
        for (Path f : files) {
            set.add(f.toString());
        }
        int[] failed = {0};
        int[] completed = {0};
        MultipleInstanceTransferStatusHandler status = new MultipleInstanceTransferStatusHandler() {
            @Override
            public void updateStatus(int remaining, int done, int fail, int warning, String sopInstanceUid) {
                failed[0] = fail;
                completed[0] = done + warning;
            }
        };
        SocketAssociation a = new SocketAssociation(connect(peer, tls), peer, callingAet, proposals(set));
        try {
            StorageSOPClassSCU scu = new StorageSOPClassSCU(a, set, status);
            a.release();
            if (scu.encounteredTrappedExceptions()) {
                throw new DimseException("C-STORE to " + peer + ": the association failed", null);
            }
        } catch (DimseException e) {
            throw e;
        } catch (Exception e) { // PixelMed throws DicomNetworkException, DicomException, IOException
            abortQuietly(a);
            throw new DimseException("C-STORE to " + peer + " failed: " + e.getMessage(), e);
        }
        if (failed[0] > 0 || completed[0] != files.size()) {
            throw new DimseException("C-STORE to " + peer + ": " + completed[0] + " of " + files.size()
                    + " stored, " + failed[0] + " failed", null);
        }
    }

    private static List<AssociatePdus.Proposal> proposals(SetOfDicomFiles set) {
        Map<String, Set<String>> syntaxes = new LinkedHashMap<>();
        for (Object o : set) {
            SetOfDicomFiles.DicomFile f = (SetOfDicomFiles.DicomFile) o;
            Set<String> ts = syntaxes.computeIfAbsent(f.getSOPClassUID(), k -> new LinkedHashSet<>());
            if (f.getTransferSyntaxUID() != null && !f.getTransferSyntaxUID().isEmpty()) {
                ts.add(f.getTransferSyntaxUID());
            }
            ts.add(EXPLICIT_LE);
            ts.add(IMPLICIT_LE);
        }
        List<AssociatePdus.Proposal> out = new ArrayList<>();
        int id = 1;
        for (Map.Entry<String, Set<String>> e : syntaxes.entrySet()) {
            out.add(new AssociatePdus.Proposal(id, e.getKey(), List.copyOf(e.getValue())));
            id += 2;
        }
        return out;
    }

    private static Socket connect(RemoteAe peer, TlsSettings tls) throws DimseException {
        try {
            Socket s;
            if (tls != null) {
                s = tls.connect(peer.host(), peer.port(), CONNECT_TIMEOUT_MS);
            } else {
                s = new Socket();
                s.connect(new InetSocketAddress(peer.host(), peer.port()), CONNECT_TIMEOUT_MS);
            }
            s.setSoTimeout(READ_TIMEOUT_MS);
            return s;
        } catch (IOException e) {
            throw new DimseException((tls == null ? "" : "TLS ") + "connection to " + peer + " failed: "
                    + e.getMessage(), e);
        }
    }

    private static void abortQuietly(SocketAssociation a) {
        try {
            a.abort();
        } catch (Exception e) { // already failing; the original failure is what the caller reports
            org.slf4j.LoggerFactory.getLogger(DimseClient.class).debug("abort after failure: {}", e.getMessage());
        }
    }

    /** The C-ECHO-RSP: success is status 0x0000. */
    private static final class EchoAnswer extends CompositeResponseHandler {
        @Override
        protected void evaluateStatusAndSetSuccess(AttributeList list) {
            status = Attribute.getSingleIntegerValueOrDefault(list, TagFromName.Status, 0xffff);
            success = status == 0x0000;
        }
    }
}
