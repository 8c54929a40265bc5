package org.radlens.dicomio.dimse;

import com.pixelmed.dicom.SetOfDicomFiles;
import com.pixelmed.network.MultipleInstanceTransferStatusHandler;
import com.pixelmed.network.StorageSOPClassSCU;
import com.pixelmed.network.VerificationSOPClassSCU;
import java.nio.file.Path;
import java.util.List;

/**
 * C-ECHO and C-STORE as a service class user (PixelMed underneath). Each call opens and releases its own
 * association. Thread-safe (stateless).
 *
 * <pre>{@code
 * DimseClient.store(RemoteAe.parse("ORTHANC@127.0.0.1:4242"), "RADLENS", List.of(srFile));
 * }</pre>
 */
public final class DimseClient {
    private DimseClient() {
    }

    /** C-ECHO; throws when the peer does not answer with success. */
    public static void echo(RemoteAe peer, String callingAet) throws DimseException {
        try {
            new VerificationSOPClassSCU(peer.host(), peer.port(), peer.aeTitle(), callingAet, false, 0);
        } catch (Exception e) { // PixelMed throws DicomNetworkException, DicomException, IOException
            throw new DimseException("C-ECHO to " + peer + " failed: " + e.getMessage(), e);
        }
    }

    /** C-STORE of Part 10 files in one association; throws unless every file was stored. */
    public static void store(RemoteAe peer, String callingAet, List<Path> files) throws DimseException {
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
        try {
            StorageSOPClassSCU scu = new StorageSOPClassSCU(peer.host(), peer.port(), peer.aeTitle(), callingAet,
                    set, 0, status);
            if (scu.encounteredTrappedExceptions()) {
                throw new DimseException("C-STORE to " + peer + ": the association failed", null);
            }
        } catch (DimseException e) {
            throw e;
        } catch (Exception e) { // PixelMed throws DicomNetworkException, DicomException, IOException
            throw new DimseException("C-STORE to " + peer + " failed: " + e.getMessage(), e);
        }
        if (failed[0] > 0 || completed[0] != files.size()) {
            throw new DimseException("C-STORE to " + peer + ": " + completed[0] + " of " + files.size()
                    + " stored, " + failed[0] + " failed", null);
        }
    }
}
