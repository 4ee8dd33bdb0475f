package dev.witbind.wit.types;

import java.util.Objects;
import java.util.Optional;

/** {@code result<T, E>}, where either payload may be absent: {@code result}, {@code result<T>}, {@code result<_, E>}. */
public record ResultType(Optional<WitType> ok, Optional<WitType> err) implements WitType {
    public ResultType {
        Objects.requireNonNull(ok, "ok");
        Objects.requireNonNull(err, "err");
    }

    @Override
    public String toString() {
        if (ok.isEmpty() && err.isEmpty()) {
            return "result";
        }
        if (err.isEmpty()) {
            return "result<" + ok.get() + ">";
        }
        return "result<" + ok.map(Object::toString).orElse("_") + ", " + err.get() + ">";
    }
}
