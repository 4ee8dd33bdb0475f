package dev.witbind.wasi.host;

import dev.witbind.annotations.Borrow;
import dev.witbind.annotations.Unsigned;
import dev.witbind.annotations.WitInterface;
import dev.witbind.annotations.WitResource;
import dev.witbind.wasi.bindings.Advice;
import dev.witbind.wasi.bindings.DescriptorFlags;
import dev.witbind.wasi.bindings.DescriptorStat;
import dev.witbind.wasi.bindings.DescriptorType;
import dev.witbind.wasi.bindings.DirectoryEntry;
import dev.witbind.wasi.bindings.FilesystemTypesErrorCode;
import dev.witbind.wasi.bindings.MetadataHashValue;
import dev.witbind.wasi.bindings.NewTimestamp;
import dev.witbind.wasi.bindings.OpenFlags;
import dev.witbind.wasi.bindings.PathFlags;
import dev.witbind.wasi.bindings.Tuple2OfListOfU8AndBool;
import dev.witbind.wasi.bindings.TypesHost;
import dev.witbind.wasi.config.Preopen;
import dev.witbind.wit.values.Result;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Optional;
import java.util.Set;

/**
 * {@code wasi:filesystem/types}: descriptors of directories and files beneath the preopens, on Java NIO.
 *
 * <p>Every path goes through {@link SandboxPath}, beneath the directory descriptor it is given with, which is the
 * root it may not leave. Rights follow Wasmtime's: a directory descriptor has the rights of the preopen it comes
 * from (a read-only preopen cannot be changed through any descriptor opened from it, and a directory opened from a
 * writable one can change its entries whatever flags it was opened with, since the preview-1 adapters never ask for
 * {@code mutate-directory}); a file descriptor can be read or written as it was opened. A missing right is
 * {@code not-permitted} (Wasmtime's answer; types.wit names {@code read-only} for some), except for the
 * {@code *-via-stream} functions, which answer {@code bad-descriptor} as Wasmtime's do. A file's function on a
 * directory is {@code bad-descriptor}, a directory's on a file {@code not-directory}.
 *
 * <p>Not supported ({@code unsupported}): the {@code requested-write-sync} flag (Java has no {@code O_RSYNC}),
 * and opening a special file (FIFO, device, socket), which could block the guest's thread in {@code open(2)}.
 * {@code advise} is accepted and ignored. A directory descriptor is its path (the JDK cannot hold a directory
 * open): once the directory is moved away, the descriptor answers {@code no-entry}; a file descriptor keeps
 * reading and writing its channel, and {@code set-times} on it is then {@code unsupported}.
 */
@WitInterface("wasi:filesystem/types@0.2.12")
public final class FilesystemTypes implements TypesHost<FilesystemTypes.Descriptor,
        FilesystemTypes.DirectoryEntryStream, IoPoll.Pollable, IoError.Error, IoStreams.InputStream,
        IoStreams.OutputStream> {

    /** The code of a failed stream operation's error, when it came from the file system. */
    @Override
    public Optional<FilesystemTypesErrorCode> filesystemErrorCode(@Borrow IoError.Error err) {
        return Optional.ofNullable(err.code());
    }

    /** WIT {@code resource descriptor}: an open directory (a path) or an open file (a channel). */
    @WitResource
    public static final class Descriptor implements TypesHost.Descriptor<IoPoll.Pollable, IoStreams.InputStream,
            IoStreams.OutputStream, Descriptor, DirectoryEntryStream>, AutoCloseable {
        /** Where it is open: the directory, or the file as it was named when opened. */
        private final SandboxPath place;
        private final DescriptorType type;
        /** What {@code get-flags} answers, and the rights: read, write for a file; mutate-directory for a directory. */
        private final Set<DescriptorFlags> flags;
        /** The open file; null for a directory. */
        private final FileChannelStreams.SharedChannel file;
        /** The file's {@link FileMetadata#identity()} when opened, to tell it from what its path leads to now. */
        private final Object fileIdentity;
        private boolean closed;

        private Descriptor(SandboxPath place, DescriptorType type, Set<DescriptorFlags> flags,
                FileChannelStreams.SharedChannel file, Object fileIdentity) {
            this.place = place;
            this.type = type;
            this.flags = Set.copyOf(flags);
            this.file = file;
            this.fileIdentity = fileIdentity;
        }

        /** The descriptor of a preopened directory: readable, and mutable unless the preopen is read-only. */
        static Descriptor preopen(Preopen preopen) {
            return directory(SandboxPath.root(preopen.hostDirectory()), !preopen.readOnly());
        }

        private static Descriptor directory(SandboxPath place, boolean mutable) {
            Set<DescriptorFlags> flags = mutable ? EnumSet.of(DescriptorFlags.READ, DescriptorFlags.MUTATE_DIRECTORY)
                    : EnumSet.of(DescriptorFlags.READ);
            return new Descriptor(place, DescriptorType.DIRECTORY, flags, null, null);
        }

        @Override
        public Result<IoStreams.InputStream, FilesystemTypesErrorCode> readViaStream(@Unsigned long offset) {
            return attempt(() -> new IoStreams.InputStream(FileChannelStreams.reader(
                    file(DescriptorFlags.READ, FilesystemTypesErrorCode.BAD_DESCRIPTOR), position(offset))));
        }

        @Override
        public Result<IoStreams.OutputStream, FilesystemTypesErrorCode> writeViaStream(@Unsigned long offset) {
            return attempt(() -> new IoStreams.OutputStream(FileChannelStreams.writer(
                    file(DescriptorFlags.WRITE, FilesystemTypesErrorCode.BAD_DESCRIPTOR), position(offset))));
        }

        @Override
        public Result<IoStreams.OutputStream, FilesystemTypesErrorCode> appendViaStream() {
            return attempt(() -> new IoStreams.OutputStream(FileChannelStreams.appender(
                    file(DescriptorFlags.WRITE, FilesystemTypesErrorCode.BAD_DESCRIPTOR))));
        }

        /** Accepted and ignored (advice never changes what a program reads), once the descriptor is a file. */
        @Override
        public Result<Void, FilesystemTypesErrorCode> advise(@Unsigned long offset, @Unsigned long length,
                Advice advice) {
            return attempt(() -> {
                file(null, null);
                return null;
            });
        }

        @Override
        public Result<Void, FilesystemTypesErrorCode> syncData() {
            return attempt(() -> force(false));
        }

        @Override
        public Result<Void, FilesystemTypesErrorCode> sync() {
            return attempt(() -> force(true));
        }

        private Void force(boolean metadata) throws IOException {
            if (file != null) {
                file.channel().force(metadata);
            } else {
                try (FileChannel directory = FileChannel.open(place.directory(), StandardOpenOption.READ)) {
                    directory.force(metadata);
                }
            }
            return null;
        }

        @Override
        public Result<EnumSet<DescriptorFlags>, FilesystemTypesErrorCode> getFlags() {
            EnumSet<DescriptorFlags> copy = EnumSet.noneOf(DescriptorFlags.class);
            copy.addAll(flags);
            return Result.ok(copy);
        }

        @Override
        public Result<DescriptorType, FilesystemTypesErrorCode> getType() {
            return Result.ok(type);
        }

        @Override
        public Result<Void, FilesystemTypesErrorCode> setSize(@Unsigned long size) {
            return attempt(() -> {
                FileChannel channel = file(DescriptorFlags.WRITE, FilesystemTypesErrorCode.NOT_PERMITTED).channel();
                long wanted = position(size);
                long current = channel.size();
                if (wanted < current) {
                    channel.truncate(wanted);
                } else if (wanted > current) {
                    // FileChannel only shrinks: one zero byte at the new end grows the file (a hole before it)
                    channel.write(ByteBuffer.allocate(1), wanted - 1);
                }
                return null;
            });
        }

        @Override
        public Result<Void, FilesystemTypesErrorCode> setTimes(NewTimestamp dataAccessTimestamp,
                NewTimestamp dataModificationTimestamp) {
            return attempt(() -> {
                Path target;
                if (file != null) {
                    file(DescriptorFlags.WRITE, FilesystemTypesErrorCode.NOT_PERMITTED);
                    target = place.file();
                    if (!FileMetadata.of(target).identity().equals(fileIdentity)) {
                        // the JDK sets times by path only, and the path leads elsewhere now
                        throw new ErrorCodeException(FilesystemTypesErrorCode.UNSUPPORTED,
                                "set-times on a file moved away since it was opened");
                    }
                } else {
                    target = mutableDirectory().directory();
                }
                setTimesOf(target, dataAccessTimestamp, dataModificationTimestamp);
                return null;
            });
        }

        @Override
        public Result<Tuple2OfListOfU8AndBool, FilesystemTypesErrorCode> read(@Unsigned long length,
                @Unsigned long offset) {
            return attempt(() -> {
                FileChannel channel = file(DescriptorFlags.READ, FilesystemTypesErrorCode.NOT_PERMITTED).channel();
                long from = position(offset);
                byte[] buffer = new byte[IoStreams.chunk(length)];
                int read = buffer.length == 0 ? 0 : channel.read(ByteBuffer.wrap(buffer), from);
                if (read < 0) {
                    return new Tuple2OfListOfU8AndBool(new byte[0], true);
                }
                boolean end = from + read >= channel.size();
                return new Tuple2OfListOfU8AndBool(read == buffer.length ? buffer : Arrays.copyOf(buffer, read), end);
            });
        }

        @Override
        public Result<@Unsigned Long, FilesystemTypesErrorCode> write(byte[] buffer, @Unsigned long offset) {
            return attempt(() -> {
                FileChannel channel = file(DescriptorFlags.WRITE, FilesystemTypesErrorCode.NOT_PERMITTED).channel();
                long at = position(offset);
                ByteBuffer bytes = ByteBuffer.wrap(buffer);
                while (bytes.hasRemaining()) {
                    at += channel.write(bytes, at);
                }
                return (long) buffer.length;
            });
        }

        @Override
        public Result<DirectoryEntryStream, FilesystemTypesErrorCode> readDirectory() {
            return attempt(() -> new DirectoryEntryStream(Files.newDirectoryStream(directory().directory())));
        }

        @Override
        public Result<Void, FilesystemTypesErrorCode> createDirectoryAt(String path) {
            return attempt(() -> {
                Files.createDirectory(mutableDirectory().resolveEntry(path).hostPath());
                return null;
            });
        }

        @Override
        public Result<DescriptorStat, FilesystemTypesErrorCode> stat() {
            return attempt(() -> metadata().toStat());
        }

        @Override
        public Result<DescriptorStat, FilesystemTypesErrorCode> statAt(EnumSet<PathFlags> pathFlags, String path) {
            return attempt(() -> FileMetadata.of(directory().resolve(path, follow(pathFlags)).hostPath()).toStat());
        }

        @Override
        public Result<Void, FilesystemTypesErrorCode> setTimesAt(EnumSet<PathFlags> pathFlags, String path,
                NewTimestamp dataAccessTimestamp, NewTimestamp dataModificationTimestamp) {
            return attempt(() -> {
                Path target = mutableDirectory().resolve(path, follow(pathFlags)).hostPath();
                setTimesOf(target, dataAccessTimestamp, dataModificationTimestamp);
                return null;
            });
        }

        /** A hard link at {@code newPath} beneath {@code newDescriptor}; both directories must be mutable. */
        @Override
        public Result<Void, FilesystemTypesErrorCode> linkAt(EnumSet<PathFlags> oldPathFlags, String oldPath,
                @Borrow Descriptor newDescriptor, String newPath) {
            return attempt(() -> {
                Path existing = mutableDirectory().resolve(oldPath, follow(oldPathFlags)).hostPath();
                Path link = newDescriptor.mutableDirectory().resolveEntry(newPath).hostPath();
                Files.createLink(link, existing);
                return null;
            });
        }

        @Override
        public Result<Descriptor, FilesystemTypesErrorCode> openAt(EnumSet<PathFlags> pathFlags, String path,
                EnumSet<OpenFlags> openFlags, EnumSet<DescriptorFlags> flags) {
            return attempt(() -> {
                SandboxPath target = directory().resolve(path, follow(pathFlags));
                if (path.endsWith("/") && openFlags.contains(OpenFlags.CREATE)
                        && SandboxPath.attributesOrNull(target.hostPath()) == null) {
                    // "new/" names a directory, which open-at does not create (EISDIR)
                    throw new ErrorCodeException(FilesystemTypesErrorCode.IS_DIRECTORY, "creating a file as " + path);
                }
                return open(target, openFlags, flags);
            });
        }

        private Descriptor open(SandboxPath target, EnumSet<OpenFlags> openFlags,
                EnumSet<DescriptorFlags> requested) throws IOException {
            boolean mutable = flags.contains(DescriptorFlags.MUTATE_DIRECTORY);
            boolean create = openFlags.contains(OpenFlags.CREATE);
            boolean truncate = openFlags.contains(OpenFlags.TRUNCATE);
            boolean exclusive = openFlags.contains(OpenFlags.EXCLUSIVE);
            if (!mutable && (create || truncate || requested.contains(DescriptorFlags.WRITE)
                    || requested.contains(DescriptorFlags.MUTATE_DIRECTORY))) {
                throw new ErrorCodeException(FilesystemTypesErrorCode.NOT_PERMITTED, "a read-only directory");
            }
            if (openFlags.contains(OpenFlags.DIRECTORY) && (create || truncate || exclusive)) {
                throw new ErrorCodeException(FilesystemTypesErrorCode.INVALID, "a directory is not created by open-at");
            }
            if (requested.contains(DescriptorFlags.REQUESTED_WRITE_SYNC)) {
                throw new ErrorCodeException(FilesystemTypesErrorCode.UNSUPPORTED, "requested-write-sync");
            }
            Path host = target.hostPath();
            BasicFileAttributes existing = SandboxPath.attributesOrNull(host);
            if (existing != null) {
                if (existing.isSymbolicLink()) {
                    // only a last component that was not to be followed is still a link: O_NOFOLLOW's ELOOP
                    throw new ErrorCodeException(FilesystemTypesErrorCode.LOOP, "a symbolic link, not followed");
                }
                if (create && exclusive) {
                    throw new ErrorCodeException(FilesystemTypesErrorCode.EXIST, host.getFileName() + " exists");
                }
                if (existing.isDirectory()) {
                    if (truncate || requested.contains(DescriptorFlags.WRITE)) {
                        throw new ErrorCodeException(FilesystemTypesErrorCode.IS_DIRECTORY, "a directory");
                    }
                    return directory(target, mutable);
                }
                if (openFlags.contains(OpenFlags.DIRECTORY)) {
                    throw new ErrorCodeException(FilesystemTypesErrorCode.NOT_DIRECTORY, "not a directory");
                }
                if (existing.isOther()) {
                    // a FIFO without a writer would block the guest's thread in open(2) for good
                    throw new ErrorCodeException(FilesystemTypesErrorCode.UNSUPPORTED, "a special file");
                }
            } else if (!create) {
                throw new NoSuchFileException(host.toString());
            }
            // as Wasmtime: creating or truncating writes, and a file not opened to write is opened to read
            Set<DescriptorFlags> granted = EnumSet.noneOf(DescriptorFlags.class);
            Set<OpenOption> options = new HashSet<>();
            options.add(LinkOption.NOFOLLOW_LINKS);
            if (requested.contains(DescriptorFlags.WRITE) || create || truncate) {
                granted.add(DescriptorFlags.WRITE);
                options.add(StandardOpenOption.WRITE);
            }
            if (requested.contains(DescriptorFlags.READ) || !granted.contains(DescriptorFlags.WRITE)) {
                granted.add(DescriptorFlags.READ);
                options.add(StandardOpenOption.READ);
            }
            if (create) {
                options.add(exclusive ? StandardOpenOption.CREATE_NEW : StandardOpenOption.CREATE);
            }
            if (truncate) {
                options.add(StandardOpenOption.TRUNCATE_EXISTING);
            }
            if (requested.contains(DescriptorFlags.FILE_INTEGRITY_SYNC)) {
                granted.add(DescriptorFlags.FILE_INTEGRITY_SYNC);
                options.add(StandardOpenOption.SYNC);
            }
            if (requested.contains(DescriptorFlags.DATA_INTEGRITY_SYNC)) {
                granted.add(DescriptorFlags.DATA_INTEGRITY_SYNC);
                options.add(StandardOpenOption.DSYNC);
            }
            FileChannel channel = FileChannel.open(host, options);
            try {
                FileMetadata opened = FileMetadata.of(host);
                return new Descriptor(target, opened.type(), granted, new FileChannelStreams.SharedChannel(channel),
                        opened.identity());
            } catch (IOException | RuntimeException failure) {
                channel.close();
                throw failure;
            }
        }

        @Override
        public Result<String, FilesystemTypesErrorCode> readlinkAt(String path) {
            return attempt(() -> Files.readSymbolicLink(directory().resolve(path, false).hostPath()).toString());
        }

        @Override
        public Result<Void, FilesystemTypesErrorCode> removeDirectoryAt(String path) {
            return attempt(() -> {
                Path target = mutableDirectory().resolveEntry(path).hostPath();
                if (!Files.readAttributes(target, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).isDirectory()) {
                    throw new ErrorCodeException(FilesystemTypesErrorCode.NOT_DIRECTORY, path + " is no directory");
                }
                Files.delete(target);
                return null;
            });
        }

        /** {@code rename(2)}: replaces an existing file at the new path, beneath the same or another descriptor. */
        @Override
        public Result<Void, FilesystemTypesErrorCode> renameAt(String oldPath, @Borrow Descriptor newDescriptor,
                String newPath) {
            return attempt(() -> {
                Path source = mutableDirectory().resolveEntry(oldPath).hostPath();
                Path target = newDescriptor.mutableDirectory().resolveEntry(newPath).hostPath();
                // an atomic move is rename(2) itself: it moves a link rather than what it points to
                Files.move(source, target, StandardCopyOption.ATOMIC_MOVE);
                return null;
            });
        }

        /**
         * A symbolic link at {@code newPath} holding {@code oldPath}, which must be relative and stay beneath this
         * descriptor as written ({@code not-permitted} otherwise): the sandbox would refuse to follow it anyway.
         */
        @Override
        public Result<Void, FilesystemTypesErrorCode> symlinkAt(String oldPath, String newPath) {
            return attempt(() -> {
                SandboxPath directory = mutableDirectory();
                SandboxPath link = directory.resolveEntry(newPath);
                if (oldPath.isEmpty()) {
                    throw new NoSuchFileException(link.hostPath().toString(), null, "an empty link target");
                }
                if (oldPath.indexOf('\0') >= 0 || oldPath.length() > SandboxPath.MAX_PATH_LENGTH) {
                    throw new ErrorCodeException(FilesystemTypesErrorCode.INVALID, "an impossible link target");
                }
                if (!directory.holdsLink(link, oldPath)) {
                    throw new ErrorCodeException(FilesystemTypesErrorCode.NOT_PERMITTED,
                            "a link that leads outside the directory");
                }
                Path at = link.hostPath();
                Files.createSymbolicLink(at, at.getFileSystem().getPath(oldPath));
                return null;
            });
        }

        @Override
        public Result<Void, FilesystemTypesErrorCode> unlinkFileAt(String path) {
            return attempt(() -> {
                Path target = mutableDirectory().resolveEntry(path).hostPath();
                if (Files.readAttributes(target, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).isDirectory()) {
                    // Files.delete would remove an empty directory; unlink(2) refuses (EISDIR on Linux)
                    throw new ErrorCodeException(FilesystemTypesErrorCode.IS_DIRECTORY, path + " is a directory");
                }
                Files.delete(target);
                return null;
            });
        }

        /** Whether both lead to the same file system object (its file key), false when either cannot be read. */
        @Override
        public boolean isSameObject(@Borrow Descriptor other) {
            try {
                return metadata().identity().equals(other.metadata().identity());
            } catch (IOException unreadable) {
                return false;
            }
        }

        @Override
        public Result<MetadataHashValue, FilesystemTypesErrorCode> metadataHash() {
            return attempt(() -> metadata().hash());
        }

        @Override
        public Result<MetadataHashValue, FilesystemTypesErrorCode> metadataHashAt(EnumSet<PathFlags> pathFlags,
                String path) {
            return attempt(() -> FileMetadata.of(directory().resolve(path, follow(pathFlags)).hostPath()).hash());
        }

        /** Releases the file (when its last stream is gone too); a directory holds nothing open. */
        @Override
        public void close() throws IOException {
            if (file != null && !closed) {
                closed = true;
                file.release();
            }
        }

        /** What the descriptor is open on: its path's object, or for a file moved away what the channel knows. */
        private FileMetadata metadata() throws IOException {
            if (file == null) {
                return FileMetadata.of(place.directory());
            }
            try {
                FileMetadata atPath = FileMetadata.of(place.file());
                if (atPath.identity().equals(fileIdentity)) {
                    return atPath;
                }
            } catch (NoSuchFileException moved) {
                // reported from the channel below
            }
            return FileMetadata.ofOrphan(type, file.channel().size(), fileIdentity);
        }

        /** This directory, as the root of a path; {@code not-directory} for a file. */
        private SandboxPath directory() throws ErrorCodeException {
            if (file != null) {
                throw new ErrorCodeException(FilesystemTypesErrorCode.NOT_DIRECTORY, "a file used as a directory");
            }
            return place;
        }

        /** This directory, when its entries may be changed. */
        private SandboxPath mutableDirectory() throws ErrorCodeException {
            SandboxPath directory = directory();
            if (!flags.contains(DescriptorFlags.MUTATE_DIRECTORY)) {
                throw new ErrorCodeException(FilesystemTypesErrorCode.NOT_PERMITTED, "a read-only directory");
            }
            return directory;
        }

        /** This file, when it has {@code right} (any file when null). */
        private FileChannelStreams.SharedChannel file(DescriptorFlags right, FilesystemTypesErrorCode withoutRight)
                throws ErrorCodeException {
            if (file == null) {
                throw new ErrorCodeException(FilesystemTypesErrorCode.BAD_DESCRIPTOR, "a directory used as a file");
            }
            if (right != null && !flags.contains(right)) {
                throw new ErrorCodeException(withoutRight, "a file not opened to " + right.name().toLowerCase());
            }
            return file;
        }
    }

    /** WIT {@code resource directory-entry-stream}: the entries of a directory, read as the guest asks. */
    @WitResource
    public static final class DirectoryEntryStream implements TypesHost.DirectoryEntryStream, AutoCloseable {
        private final DirectoryStream<Path> stream;
        private final Iterator<Path> entries;
        private boolean ended;

        DirectoryEntryStream(DirectoryStream<Path> stream) {
            this.stream = stream;
            this.entries = stream.iterator();
        }

        /** The next entry (never {@code .} or {@code ..}), its type that of the entry itself, not a link's target. */
        @Override
        public Result<Optional<DirectoryEntry>, FilesystemTypesErrorCode> readDirectoryEntry() {
            return attempt(() -> {
                if (ended || !entries.hasNext()) {
                    ended = true;
                    stream.close();
                    return Optional.empty();
                }
                Path entry = entries.next();
                DescriptorType type;
                try {
                    type = FileMetadata.of(entry).type();
                } catch (NoSuchFileException removedSinceListed) {
                    type = DescriptorType.UNKNOWN;
                }
                return Optional.of(new DirectoryEntry(type, entry.getFileName().toString()));
            });
        }

        @Override
        public void close() throws IOException {
            stream.close();
        }
    }

    /** What every function does: run, and answer an I/O failure with its error code rather than an exception. */
    private interface IoAction<T> {
        T run() throws IOException;
    }

    private static <T> Result<T, FilesystemTypesErrorCode> attempt(IoAction<T> action) {
        try {
            return Result.ok(action.run());
        } catch (IOException failure) {
            return Result.err(FilesystemErrorCodes.of(failure));
        } catch (RuntimeException failure) {
            return Result.err(FilesystemErrorCodes.ofUnchecked(failure));
        }
    }

    private static boolean follow(EnumSet<PathFlags> pathFlags) {
        return pathFlags.contains(PathFlags.SYMLINK_FOLLOW);
    }

    /** A u64 offset or size as a Java position: {@code invalid} beyond 2^63 - 1, as for a negative off_t. */
    private static long position(long u64) throws ErrorCodeException {
        if (u64 < 0) {
            throw new ErrorCodeException(FilesystemTypesErrorCode.INVALID, Long.toUnsignedString(u64)
                    + " is past the largest file position");
        }
        return u64;
    }

    /** Sets the times of the object at {@code path} itself (a link's own, when the path ends in one). */
    private static void setTimesOf(Path path, NewTimestamp access, NewTimestamp modification) throws IOException {
        BasicFileAttributeView view = Files.getFileAttributeView(path, BasicFileAttributeView.class,
                LinkOption.NOFOLLOW_LINKS);
        if (view == null) {
            throw new ErrorCodeException(FilesystemTypesErrorCode.UNSUPPORTED, "no times to set");
        }
        FileTime now = FileTime.from(Instant.now());
        view.setTimes(fileTime(modification, now), fileTime(access, now), null);
    }

    /** A new timestamp as NIO takes it: null to leave the time as it is. */
    private static FileTime fileTime(NewTimestamp timestamp, FileTime now) throws ErrorCodeException {
        if (timestamp instanceof NewTimestamp.Timestamp given) {
            long seconds = given.value().seconds();
            int nanoseconds = given.value().nanoseconds();
            if (seconds < 0 || seconds > Instant.MAX.getEpochSecond()
                    || Integer.compareUnsigned(nanoseconds, 1_000_000_000) >= 0) {
                throw new ErrorCodeException(FilesystemTypesErrorCode.INVALID, "an impossible datetime");
            }
            return FileTime.from(Instant.ofEpochSecond(seconds, nanoseconds));
        }
        return timestamp instanceof NewTimestamp.Now ? now : null;
    }
}
