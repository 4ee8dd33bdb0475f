package dev.witbind.wasi.host;

import dev.witbind.annotations.WitInterface;
import dev.witbind.annotations.WitResource;
import dev.witbind.wasi.bindings.ErrorHost;
import dev.witbind.wasi.bindings.FilesystemTypesErrorCode;
import java.io.IOException;

/** {@code wasi:io/error}: the error a stream reports with {@code last-operation-failed}. */
@WitInterface("wasi:io/error@0.2.12")
public final class IoError implements ErrorHost<IoError.Error> {
    /** WIT {@code resource error}: a host failure, such as the {@code IOException} of a write. */
    @WitResource
    public static final class Error implements ErrorHost.Error {
        private final String message;
        private final FilesystemTypesErrorCode code;

        Error(String message, FilesystemTypesErrorCode code) {
            this.message = message;
            this.code = code;
        }

        /** The error of a failed stream operation, keeping what {@code filesystem-error-code} maps it to. */
        static Error of(IOException failure) {
            String message = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
            return new Error(message, FilesystemErrorCodes.of(failure));
        }

        /** What failed, for logs: the message of the Java exception. */
        @Override
        public String toDebugString() {
            return message;
        }

        /** The filesystem error code this error maps to, for {@code filesystem-error-code}; null when none. */
        FilesystemTypesErrorCode code() {
            return code;
        }
    }
}
