package org.radlens.dicomio.dimse;

import com.pixelmed.dicom.StoredFilePathStrategy;
import com.pixelmed.network.AnyExplicitStorePresentationContextSelectionPolicy;
import com.pixelmed.network.ApplicationEntityMap;
import com.pixelmed.network.AssociationFactory;
import com.pixelmed.network.ReceivedObjectHandler;
import com.pixelmed.network.StorageSOPClassSCP;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A C-STORE (and C-ECHO) service class provider, configured by {@link ListenerSettings}: bound to one address (not
 * every interface unless asked), plain TCP or DICOM TLS, and an {@link AssociationGuard} that refuses a wrong called
 * AE title or a calling AE title outside the allow-list with A-ASSOCIATE-RJ before PixelMed sees the association.
 * Every storage SOP class is accepted in any explicit transfer syntax, compressed ones included. Each received object
 * is saved as {@code <folder>/<SOP Instance UID>} and handed to {@code onReceived} on the association's thread (hand
 * long work to a queue). At most {@value #MAX_ASSOCIATIONS} associations at once. {@link #close()} stops listening.
 */
public final class StorageReceiver implements AutoCloseable {
    /** Called for each stored object. */
    @FunctionalInterface
    public interface Handler {
        void received(Path file, String callingAet);
    }

    static final int MAX_ASSOCIATIONS = 32;
    private static final Logger LOG = LoggerFactory.getLogger(StorageReceiver.class);

    private final ListenerSettings settings;
    private final Path folder;
    private final ReceivedObjectHandler handler;
    private final AssociationGuard guard;
    private final ServerSocket server;
    private final ExecutorService connections = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "radlens-association");
        t.setDaemon(true);
        return t;
    });
    private final Semaphore slots = new Semaphore(MAX_ASSOCIATIONS);
    private final Thread acceptor;
    private volatile boolean closed;

    /** Binds and starts listening; throws when the address/port cannot be bound. */
    public StorageReceiver(ListenerSettings settings, Path folder, Handler onReceived) throws IOException {
        this.settings = settings;
        this.folder = Files.createDirectories(folder);
        this.guard = new AssociationGuard(settings.aeTitle(), settings.allowedCallingAets());
        this.handler = new ReceivedObjectHandler() {
            @Override
            public void sendReceivedObjectIndication(String fileName, String transferSyntax, String callingAet) {
                onReceived.received(Path.of(fileName), callingAet);
            }
        };
        this.server = settings.tls() != null ? settings.tls().serverSocket(settings.bind(), settings.port())
                : new ServerSocket(settings.port(), 50, settings.bind());
        this.acceptor = new Thread(this::acceptLoop, "radlens-storescp-" + settings.port());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** The address and port actually bound. */
    public InetSocketAddress localAddress() {
        return (InetSocketAddress) server.getLocalSocketAddress();
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket s = server.accept();
                if (!slots.tryAcquire()) {
                    LOG.warn("connection from {} closed: {} associations already open",
                            s.getInetAddress().getHostAddress(), MAX_ASSOCIATIONS);
                    s.close();
                    continue;
                }
                connections.execute(() -> serve(s));
            } catch (IOException e) {
                if (!closed) {
                    LOG.warn("accept on port {} failed: {}", settings.port(), e.getMessage());
                }
            }
        }
    }

    private void serve(Socket s) {
        String peer = s.getInetAddress().getHostAddress();
        try (s) {
            Optional<Socket> admitted = guard.admit(s);
            if (admitted.isPresent()) {
                new StorageSOPClassSCP(admitted.get(), settings.aeTitle(),
                        AssociationFactory.getDefaultMaximumLengthReceived(), 0, 0, folder.toFile(),
                        StoredFilePathStrategy.BYSOPINSTANCEUIDINSINGLEFOLDER, handler, null, null, null,
                        new ApplicationEntityMap(), new AnyExplicitStorePresentationContextSelectionPolicy()).run();
            }
        } catch (javax.net.ssl.SSLException e) {
            LOG.warn("TLS connection from {} refused: {}", peer, e.getMessage());
        } catch (Exception e) { // one association's failure (I/O, PixelMed's DicomNetworkException) ends only it
            LOG.warn("association from {} failed: {}", peer, e.getMessage());
        } finally {
            slots.release();
        }
    }

    @Override
    public void close() throws InterruptedException {
        closed = true;
        try {
            server.close();
        } catch (IOException e) {
            LOG.debug("closing the listening socket: {}", e.getMessage());
        }
        acceptor.join(5000);
        connections.shutdown();
        connections.awaitTermination(5, TimeUnit.SECONDS);
    }
}
