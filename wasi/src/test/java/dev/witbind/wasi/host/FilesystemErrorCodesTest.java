package dev.witbind.wasi.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.witbind.wasi.bindings.FilesystemTypesErrorCode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.NonReadableChannelException;
import java.nio.channels.NonWritableChannelException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.FileSystemException;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import org.junit.jupiter.api.Test;

/** The mapping of the JDK's failures to error codes, for the failures the filesystem host meets. */
class FilesystemErrorCodesTest {
    @Test
    void theHostsOwnDecisionsKeepTheirCode() {
        assertEquals(FilesystemTypesErrorCode.NOT_PERMITTED, FilesystemErrorCodes.of(
                new ErrorCodeException(FilesystemTypesErrorCode.NOT_PERMITTED, "an absolute path")));
    }

    @Test
    void strerrorTextsOfGenericExceptions() {
        // what FileChannel.open with NOFOLLOW_LINKS throws for a link: a plain IOException
        assertEquals(FilesystemTypesErrorCode.LOOP, FilesystemErrorCodes.of(
                new IOException("Too many levels of symbolic links (NOFOLLOW_LINKS specified)")));
        assertEquals(FilesystemTypesErrorCode.IS_DIRECTORY, FilesystemErrorCodes.of(new IOException("Is a directory")));
        assertEquals(FilesystemTypesErrorCode.FILE_TOO_LARGE,
                FilesystemErrorCodes.of(new FileSystemException("f", null, "File too large")));
        assertEquals(FilesystemTypesErrorCode.NAME_TOO_LONG,
                FilesystemErrorCodes.of(new FileSystemException("f", null, "File name too long")));
        assertEquals(FilesystemTypesErrorCode.IO, FilesystemErrorCodes.of(new FileSystemException("f")));
        assertEquals(FilesystemTypesErrorCode.IO, FilesystemErrorCodes.of(new IOException("something else")));
    }

    @Test
    void aRenameAcrossFileSystemsIsCrossDevice() {
        assertEquals(FilesystemTypesErrorCode.CROSS_DEVICE,
                FilesystemErrorCodes.of(new AtomicMoveNotSupportedException("a", "b", "other file system")));
    }

    @Test
    void uncheckedFailuresOfNio() {
        assertEquals(FilesystemTypesErrorCode.BAD_DESCRIPTOR,
                FilesystemErrorCodes.ofUnchecked(new NonWritableChannelException()));
        assertEquals(FilesystemTypesErrorCode.BAD_DESCRIPTOR,
                FilesystemErrorCodes.ofUnchecked(new NonReadableChannelException()));
        assertEquals(FilesystemTypesErrorCode.UNSUPPORTED,
                FilesystemErrorCodes.ofUnchecked(new UnsupportedOperationException()));
        assertEquals(FilesystemTypesErrorCode.INVALID,
                FilesystemErrorCodes.ofUnchecked(new InvalidPathException("a\0b", "NUL")));
        assertEquals(FilesystemTypesErrorCode.NO_ENTRY,
                FilesystemErrorCodes.ofUnchecked(new DirectoryIteratorException(new NoSuchFileException("x"))));
        assertEquals(FilesystemTypesErrorCode.NO_ENTRY,
                FilesystemErrorCodes.ofUnchecked(new UncheckedIOException(new NoSuchFileException("x"))));
    }

    @Test
    void aBugOfTheHostIsNoErrorCode() {
        IllegalStateException bug = new IllegalStateException("a bug");

        assertSame(bug, assertThrows(IllegalStateException.class, () -> FilesystemErrorCodes.ofUnchecked(bug)));
    }
}
