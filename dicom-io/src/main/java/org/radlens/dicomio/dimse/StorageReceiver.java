package org.radlens.dicomio.dimse;

import com.pixelmed.dicom.StoredFilePathStrategy;
import com.pixelmed.network.AnyExplicitStorePresentationContextSelectionPolicy;
import com.pixelmed.network.ReceivedObjectHandler;
import com.pixelmed.network.StorageSOPClassSCPDispatcher;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A C-STORE (and C-ECHO) service class provider on {@code port} with AE title {@code aeTitle}. Every storage SOP
 * class is accepted in any explicit transfer syntax, compressed ones included (PixelMed's default policy would refuse
 * them). Each received object is saved as {@code <folder>/<SOP Instance UID>} and handed to {@code onReceived} on the
 * association's thread (hand long work to a queue). {@link #close()} stops listening.
 */
public final class StorageReceiver implements AutoCloseable {
    /** Called for each stored object. */
    @FunctionalInterface
    public interface Handler {
        void received(Path file, String callingAet);
    }

    private final StorageSOPClassSCPDispatcher dispatcher;
    private final Thread thread;

    public StorageReceiver(int port, String aeTitle, Path folder, Handler onReceived) throws IOException {
        Files.createDirectories(folder);
        ReceivedObjectHandler h = new ReceivedObjectHandler() {
            @Override
            public void sendReceivedObjectIndication(String fileName, String transferSyntax, String callingAet) {
                onReceived.received(Path.of(fileName), callingAet);
            }
        };
        dispatcher = new StorageSOPClassSCPDispatcher(port, aeTitle, folder.toFile(),
                StoredFilePathStrategy.BYSOPINSTANCEUIDINSINGLEFOLDER, h, null, null, null,
                new AnyExplicitStorePresentationContextSelectionPolicy(), false);
        thread = new Thread(dispatcher, "radlens-storescp-" + port);
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void close() throws InterruptedException {
        dispatcher.shutdown();
        thread.join(5000);
    }
}
