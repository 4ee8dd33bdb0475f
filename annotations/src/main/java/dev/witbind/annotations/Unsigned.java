package dev.witbind.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an integral parameter (or, on a method, its return value) as a WIT unsigned integer of the same width:
 * {@code byte} is {@code u8}, {@code short} is {@code u16}, {@code int} is {@code u32}, {@code long} is
 * {@code u64}. The Java value carries the bits; read it with {@link Byte#toUnsignedInt(byte)},
 * {@link Integer#toUnsignedLong(int)}, {@link Long#toUnsignedString(long)} and friends. On a type argument
 * ({@code List<@Unsigned Integer>}) or a record component it marks that value.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.PARAMETER, ElementType.METHOD, ElementType.TYPE_USE, ElementType.RECORD_COMPONENT})
public @interface Unsigned {}
