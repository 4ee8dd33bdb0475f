package dev.witbind.processor.model;

import com.palantir.javapoet.ClassName;
import java.util.Objects;

/** How the bindings call the Java code that implements a WIT function. */
public sealed interface Invocation {

    /** {@code implementation.method(args)}: a method of the {@code @WitInterface} class. */
    record OnImplementation() implements Invocation {}

    /**
     * {@code new Resource(args)}, or {@code implementation.new Resource(args)} for an inner class: the public
     * constructor of a resource, {@code [constructor]r}.
     */
    record Constructor(ClassName resourceClass, boolean inner) implements Invocation {
        public Constructor {
            Objects.requireNonNull(resourceClass, "resourceClass");
        }
    }

    /** {@code self.method(args)}: an instance method of a resource, {@code [method]r.m}; the first parameter is self. */
    record OnSelf(ClassName resourceClass) implements Invocation {
        public OnSelf {
            Objects.requireNonNull(resourceClass, "resourceClass");
        }
    }

    /** {@code Resource.method(args)}: a static method of a resource, {@code [static]r.m}. */
    record Static(ClassName resourceClass) implements Invocation {
        public Static {
            Objects.requireNonNull(resourceClass, "resourceClass");
        }
    }
}
