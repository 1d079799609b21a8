package nl.govroam.server.accounting;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Appends records to one JSON-lines file per municipality (per configured realm) and one for other realms, and forces
 * each to disk before returning: an Accounting-Response means the record is durable (RFC 2866 2). Thread-safe;
 * writers to one file take turns.
 */
public final class AccountingRecorder implements AutoCloseable {
    private final Path directory;
    private final ConcurrentHashMap<String, Journal> journals = new ConcurrentHashMap<>();

    public AccountingRecorder(Path directory) {
        this.directory = directory;
    }

    /**
     * Appends one line to {@code <directory>/<file>.jsonl} and fsyncs it.
     *
     * @param file a file name from the configuration (a configured realm), never from a packet
     * @throws IOException when the record could not be made durable (the caller then does not answer)
     */
    public void append(String file, String jsonLine) throws IOException {
        Journal journal = journals.computeIfAbsent(file, f -> new Journal(directory.resolve(f + ".jsonl")));
        journal.append((jsonLine + "\n").getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        journals.values().forEach(Journal::close);
        journals.clear();
    }

    private static final class Journal {
        private final Path path;
        private final ReentrantLock lock = new ReentrantLock();
        private FileChannel channel;

        Journal(Path path) {
            this.path = path;
        }

        void append(byte[] line) throws IOException {
            lock.lock();
            try {
                if (channel == null || !channel.isOpen()) {
                    Files.createDirectories(path.getParent());
                    channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                            StandardOpenOption.APPEND);
                }
                ByteBuffer buffer = ByteBuffer.wrap(line);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(false);
            } catch (IOException e) {
                closeQuietly();
                throw e;
            } finally {
                lock.unlock();
            }
        }

        void close() {
            lock.lock();
            try {
                closeQuietly();
            } finally {
                lock.unlock();
            }
        }

        private void closeQuietly() {
            if (channel != null) {
                try {
                    channel.close();
                } catch (IOException ignored) {
                    // nothing more to lose: the next append reopens the file
                }
                channel = null;
            }
        }
    }
}
