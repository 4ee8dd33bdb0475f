package dev.witbind.wasi.host;

import dev.witbind.wasi.bindings.DescriptorStat;
import dev.witbind.wasi.bindings.DescriptorType;
import dev.witbind.wasi.bindings.MetadataHashValue;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code stat} and {@code metadata-hash} report of one file system object, read without following a link.
 *
 * @param identity what tells this object from every other: the JDK's file key (device and inode on Unix), else
 *     the absolute path
 */
record FileMetadata(DescriptorType type, long linkCount, long size, Optional<Instant> accessed,
        Optional<Instant> modified, Optional<Instant> statusChanged, Object identity) {

    private static final String UNIX_ATTRIBUTES = "unix:mode,nlink,size,lastAccessTime,lastModifiedTime,ctime,fileKey";

    /** The object at {@code path} itself (a link is reported as a link). */
    static FileMetadata of(Path path) throws IOException {
        Map<String, Object> unix;
        try {
            // the unix view has what the basic one lacks: the link count, the status change time, the kind of a
            // special file
            unix = Files.readAttributes(path, UNIX_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
        } catch (UnsupportedOperationException | IllegalArgumentException noUnixView) {
            BasicFileAttributes basic = Files.readAttributes(path, BasicFileAttributes.class,
                    LinkOption.NOFOLLOW_LINKS);
            return new FileMetadata(typeOf(basic), 1, basic.size(), instant(basic.lastAccessTime()),
                    instant(basic.lastModifiedTime()), Optional.empty(), identity(basic.fileKey(), path));
        }
        return new FileMetadata(typeOfMode((Integer) unix.get("mode")), ((Integer) unix.get("nlink")).longValue(),
                (Long) unix.get("size"), instant(unix.get("lastAccessTime")), instant(unix.get("lastModifiedTime")),
                instant(unix.get("ctime")), identity(unix.get("fileKey"), path));
    }

    private static Object identity(Object fileKey, Path path) {
        return fileKey != null ? fileKey : path.toAbsolutePath().toString();
    }

    /** An open file whose path no longer leads to it (renamed or removed since): what the channel still knows. */
    static FileMetadata ofOrphan(DescriptorType type, long size, Object identity) {
        return new FileMetadata(type, 0, size, Optional.empty(), Optional.empty(), Optional.empty(), identity);
    }

    static DescriptorType typeOf(BasicFileAttributes attributes) {
        if (attributes.isSymbolicLink()) {
            return DescriptorType.SYMBOLIC_LINK;
        } else if (attributes.isDirectory()) {
            return DescriptorType.DIRECTORY;
        } else if (attributes.isRegularFile()) {
            return DescriptorType.REGULAR_FILE;
        }
        return DescriptorType.UNKNOWN;
    }

    /** The file type bits of a Unix {@code st_mode} ({@code S_IFMT}). */
    private static DescriptorType typeOfMode(int mode) {
        return switch (mode & 0170000) {
            case 0140000 -> DescriptorType.SOCKET;
            case 0120000 -> DescriptorType.SYMBOLIC_LINK;
            case 0100000 -> DescriptorType.REGULAR_FILE;
            case 0060000 -> DescriptorType.BLOCK_DEVICE;
            case 0040000 -> DescriptorType.DIRECTORY;
            case 0020000 -> DescriptorType.CHARACTER_DEVICE;
            case 0010000 -> DescriptorType.FIFO;
            default -> DescriptorType.UNKNOWN;
        };
    }

    private static Optional<Instant> instant(Object time) {
        return time instanceof FileTime fileTime ? Optional.of(fileTime.toInstant()) : Optional.empty();
    }

    DescriptorStat toStat() {
        return new DescriptorStat(type, linkCount, size, accessed.map(ClocksWallClock::datetime),
                modified.map(ClocksWallClock::datetime), statusChanged.map(ClocksWallClock::datetime));
    }

    /**
     * The identity, size and modification time through SHA-256, as types.wit asks: the same for every descriptor
     * of an unchanged object, different once it is modified or replaced, and not easily turned back into its
     * inputs.
     */
    MetadataHashValue hash() {
        String inputs = identity + "|" + size + "|" + modified.map(Instant::toString).orElse("");
        try {
            ByteBuffer digest = ByteBuffer.wrap(MessageDigest.getInstance("SHA-256")
                    .digest(inputs.getBytes(StandardCharsets.UTF_8)));
            return new MetadataHashValue(digest.getLong(), digest.getLong());
        } catch (NoSuchAlgorithmException impossible) {
            throw new AssertionError("every JDK has SHA-256", impossible);
        }
    }
}
