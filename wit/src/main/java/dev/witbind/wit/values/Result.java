package dev.witbind.wit.values;

import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.function.Function;

/**
 * A value of the WIT type {@code result<T, E>}: either {@link Ok} with a value of {@code T} or {@link Err} with an
 * error of {@code E}.
 *
 * <p>A side without a WIT type ({@code result}, {@code result<T>}, {@code result<_, E>}) carries {@code null}: the
 * WIT {@code result<_, string>} is {@code Ok(null)} or {@code Err("...")}. A side with a WIT type never carries
 * {@code null}.
 *
 * <pre>{@code
 * Result<Integer, String> parsed = Result.ok(42);
 * int value = parsed.orElseThrow(IllegalStateException::new);
 * if (parsed instanceof Result.Err<Integer, String> err) {
 *     log(err.error());
 * }
 * }</pre>
 *
 * @param <T> the Java type of the {@code ok} payload
 * @param <E> the Java type of the {@code error} payload
 */
public sealed interface Result<T, E> permits Result.Ok, Result.Err {

    /** The {@code ok} case; {@code value} is {@code null} when the WIT type has no {@code ok} payload. */
    record Ok<T, E>(T value) implements Result<T, E> {
        @Override
        public String toString() {
            return "Ok[" + value + "]";
        }
    }

    /** The {@code error} case; {@code error} is {@code null} when the WIT type has no {@code error} payload. */
    record Err<T, E>(E error) implements Result<T, E> {
        @Override
        public String toString() {
            return "Err[" + error + "]";
        }
    }

    /** {@code ok(value)}; {@code value} is {@code null} for a result without an {@code ok} payload. */
    static <T, E> Result<T, E> ok(T value) {
        return new Ok<>(value);
    }

    /** {@code error(error)}; {@code error} is {@code null} for a result without an {@code error} payload. */
    static <T, E> Result<T, E> err(E error) {
        return new Err<>(error);
    }

    /** Whether this is the {@code ok} case. */
    default boolean isOk() {
        return this instanceof Ok;
    }

    /** Whether this is the {@code error} case. */
    default boolean isErr() {
        return this instanceof Err;
    }

    /** The {@code ok} value transformed by {@code mapper}; an error stays as it is. */
    default <U> Result<U, E> map(Function<? super T, ? extends U> mapper) {
        Objects.requireNonNull(mapper, "mapper");
        if (this instanceof Ok<T, E> ok) {
            return new Ok<>(mapper.apply(ok.value()));
        }
        return new Err<>(((Err<T, E>) this).error());
    }

    /** The error transformed by {@code mapper}; an {@code ok} value stays as it is. */
    default <F> Result<T, F> mapErr(Function<? super E, ? extends F> mapper) {
        Objects.requireNonNull(mapper, "mapper");
        if (this instanceof Err<T, E> err) {
            return new Err<>(mapper.apply(err.error()));
        }
        return new Ok<>(((Ok<T, E>) this).value());
    }

    /**
     * The {@code ok} value.
     *
     * @throws NoSuchElementException for an error, naming it
     */
    default T orElseThrow() {
        if (this instanceof Ok<T, E> ok) {
            return ok.value();
        }
        throw new NoSuchElementException("the result is an error: " + ((Err<T, E>) this).error());
    }

    /**
     * The {@code ok} value, or the exception {@code exception} makes of the error: the way to turn a WIT error into
     * a checked exception, e.g. {@code result.orElseThrow(IOException::new)} for a {@code result<T, string>}.
     */
    default <X extends Throwable> T orElseThrow(Function<? super E, ? extends X> exception) throws X {
        Objects.requireNonNull(exception, "exception");
        if (this instanceof Ok<T, E> ok) {
            return ok.value();
        }
        throw exception.apply(((Err<T, E>) this).error());
    }
}
