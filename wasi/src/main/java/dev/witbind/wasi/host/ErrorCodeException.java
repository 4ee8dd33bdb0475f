package dev.witbind.wasi.host;

import dev.witbind.wasi.bindings.FilesystemTypesErrorCode;
import java.io.IOException;

/**
 * A failure the filesystem host decides itself (a path that leaves its sandbox, a missing right), with the
 * {@code error-code} to answer. An {@link IOException}, so that the host's one catch and
 * {@link FilesystemErrorCodes#of} handle it beside the JDK's own; without a stack trace, since it is an answer to
 * the guest, not a bug.
 */
final class ErrorCodeException extends IOException {
    private final FilesystemTypesErrorCode code;

    ErrorCodeException(FilesystemTypesErrorCode code, String message) {
        super(message);
        this.code = code;
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }

    FilesystemTypesErrorCode code() {
        return code;
    }
}
