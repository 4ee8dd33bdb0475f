package dev.witbind.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the WIT function a method implements, when the kebab-case form of the method name is not the WIT
 * name (for example {@code @WitFunction("get-HTTP-header")} on {@code getHttpHeader}).
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface WitFunction {
    /** The WIT function name: a kebab-case label. */
    String value();
}
