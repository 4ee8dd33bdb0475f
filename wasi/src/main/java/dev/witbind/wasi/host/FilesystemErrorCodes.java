package dev.witbind.wasi.host;

import dev.witbind.wasi.bindings.FilesystemTypesErrorCode;
import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.NotLinkException;

/** The one mapping of Java's I/O exceptions to WASI's {@code error-code}, for descriptors and for streams. */
final class FilesystemErrorCodes {
    private FilesystemErrorCodes() {}

    static FilesystemTypesErrorCode of(IOException failure) {
        if (failure instanceof NoSuchFileException) {
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
        } else if (failure instanceof FileSystemException fileSystem && fileSystem.getReason() != null) {
            return fromReason(fileSystem.getReason());
        }
        return FilesystemTypesErrorCode.IO;
    }

    /** The JDK reports some errors only as the C library's text (strerror) of a generic FileSystemException. */
    private static FilesystemTypesErrorCode fromReason(String reason) {
        return switch (reason) {
            case "Is a directory" -> FilesystemTypesErrorCode.IS_DIRECTORY;
            case "Not a directory" -> FilesystemTypesErrorCode.NOT_DIRECTORY;
            case "Directory not empty" -> FilesystemTypesErrorCode.NOT_EMPTY;
            case "Too many levels of symbolic links" -> FilesystemTypesErrorCode.LOOP;
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
