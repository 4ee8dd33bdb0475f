package dev.witbind.wasi.host;

import dev.witbind.wasi.bindings.FilesystemTypesErrorCode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.NonReadableChannelException;
import java.nio.channels.NonWritableChannelException;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.NotLinkException;

/** The one mapping of Java's I/O exceptions to WASI's {@code error-code}, for descriptors and for streams. */
final class FilesystemErrorCodes {
    private FilesystemErrorCodes() {}

    static FilesystemTypesErrorCode of(IOException failure) {
        if (failure instanceof ErrorCodeException decided) {
            return decided.code();
        } else if (failure instanceof NoSuchFileException) {
            return FilesystemTypesErrorCode.NO_ENTRY;
        } else if (failure instanceof FileAlreadyExistsException) {
            return FilesystemTypesErrorCode.EXIST;
        } else if (failure instanceof AccessDeniedException) {
            return FilesystemTypesErrorCode.ACCESS;
        } else if (failure instanceof DirectoryNotEmptyException) {
            return FilesystemTypesErrorCode.NOT_EMPTY;
        } else if (failure instanceof NotDirectoryException) {
            return FilesystemTypesErrorCode.NOT_DIRECTORY;
        } else if (failure instanceof NotLinkException) {
            return FilesystemTypesErrorCode.INVALID;
        } else if (failure instanceof FileSystemLoopException) {
            return FilesystemTypesErrorCode.LOOP;
        } else if (failure instanceof ClosedChannelException) {
            return FilesystemTypesErrorCode.BAD_DESCRIPTOR;
        } else if (failure instanceof AtomicMoveNotSupportedException) {
            // a rename is always an atomic move here, which the JDK refuses between file systems
            return FilesystemTypesErrorCode.CROSS_DEVICE;
        } else if (failure instanceof FileSystemException fileSystem) {
            return fileSystem.getReason() == null ? FilesystemTypesErrorCode.IO : fromReason(fileSystem.getReason());
        } else if (failure.getClass() == IOException.class && failure.getMessage() != null) {
            // channels report errno as a plain IOException with its strerror text ("Is a directory")
            return fromReason(failure.getMessage());
        }
        return FilesystemTypesErrorCode.IO;
    }

    /**
     * The unchecked exceptions that NIO throws for what is an ordinary failure to the guest: a channel used against
     * its open mode, an operation the file system lacks, a path the JDK cannot represent, and I/O errors wrapped by
     * iterators. Anything else is a bug of the host and is thrown on.
     */
    static FilesystemTypesErrorCode ofUnchecked(RuntimeException failure) {
        if (failure instanceof NonReadableChannelException || failure instanceof NonWritableChannelException) {
            return FilesystemTypesErrorCode.BAD_DESCRIPTOR;
        } else if (failure instanceof UnsupportedOperationException) {
            return FilesystemTypesErrorCode.UNSUPPORTED;
        } else if (failure instanceof InvalidPathException) {
            return FilesystemTypesErrorCode.INVALID;
        } else if (failure instanceof DirectoryIteratorException wrapped) {
            return of(wrapped.getCause());
        } else if (failure instanceof UncheckedIOException wrapped) {
            return of(wrapped.getCause());
        }
        throw failure;
    }

    /** The JDK reports some errors only as the C library's text (strerror) of a generic FileSystemException. */
    private static FilesystemTypesErrorCode fromReason(String reason) {
        if (reason.startsWith("Too many levels of symbolic links")) {
            // with NOFOLLOW_LINKS the JDK appends " or unable to access attributes of symbolic link"
            return FilesystemTypesErrorCode.LOOP;
        }
        return switch (reason) {
            case "Is a directory" -> FilesystemTypesErrorCode.IS_DIRECTORY;
            case "Not a directory" -> FilesystemTypesErrorCode.NOT_DIRECTORY;
            case "Directory not empty" -> FilesystemTypesErrorCode.NOT_EMPTY;
            case "File too large" -> FilesystemTypesErrorCode.FILE_TOO_LARGE;
            case "Invalid cross-device link" -> FilesystemTypesErrorCode.CROSS_DEVICE;
            case "Device or resource busy" -> FilesystemTypesErrorCode.BUSY;
            case "Text file busy" -> FilesystemTypesErrorCode.TEXT_FILE_BUSY;
            case "Disk quota exceeded" -> FilesystemTypesErrorCode.QUOTA;
            case "Too many links" -> FilesystemTypesErrorCode.TOO_MANY_LINKS;
            case "Bad file descriptor" -> FilesystemTypesErrorCode.BAD_DESCRIPTOR;
            case "No such device" -> FilesystemTypesErrorCode.NO_SUCH_DEVICE;
            case "File name too long" -> FilesystemTypesErrorCode.NAME_TOO_LONG;
            case "No space left on device" -> FilesystemTypesErrorCode.INSUFFICIENT_SPACE;
            case "Read-only file system" -> FilesystemTypesErrorCode.READ_ONLY;
            case "Invalid argument" -> FilesystemTypesErrorCode.INVALID;
            case "Operation not permitted" -> FilesystemTypesErrorCode.NOT_PERMITTED;
            case "Permission denied" -> FilesystemTypesErrorCode.ACCESS;
            default -> FilesystemTypesErrorCode.IO;
        };
    }
}
