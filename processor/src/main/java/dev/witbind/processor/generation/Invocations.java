package dev.witbind.processor.generation;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import dev.witbind.processor.model.FunctionModel;
import dev.witbind.processor.model.InterfaceModel;
import dev.witbind.processor.model.Invocation;
import java.util.List;

/** The Java call a host function makes, and the member that the function's Javadoc links to. */
final class Invocations {
    private Invocations() {}

    /**
     * The call: {@code implementation.m(a, b)}, {@code new R(a)} or {@code implementation.new R(a)},
     * {@code self.m(a)} (the first local is the receiver), or {@code R.m(a)}.
     */
    static CodeBlock call(FunctionModel function, List<String> locals, String implementation) {
        Invocation invocation = function.invocation();
        if (invocation instanceof Invocation.OnSelf) {
            return CodeBlock.of("$N.$N($L)", locals.get(0), function.javaName(), arguments(locals.subList(1, locals.size())));
        }
        CodeBlock arguments = arguments(locals);
        if (invocation instanceof Invocation.Constructor constructor) {
            // A qualified instance creation names the inner class by its simple name.
            return constructor.inner()
                    ? CodeBlock.of("$N.new $L($L)", implementation, constructor.resourceClass().simpleName(), arguments)
                    : CodeBlock.of("new $T($L)", constructor.resourceClass(), arguments);
        }
        if (invocation instanceof Invocation.Static staticCall) {
            return CodeBlock.of("$T.$N($L)", staticCall.resourceClass(), function.javaName(), arguments);
        }
        return CodeBlock.of("$N.$N($L)", implementation, function.javaName(), arguments);
    }

    private static CodeBlock arguments(List<String> locals) {
        return locals.stream().map(local -> CodeBlock.of("$N", local)).collect(CodeBlock.joining(",$W"));
    }

    /** {@code {@link Host#greet}}, {@code {@link Host.Bucket#get}}, {@code {@link Host.Bucket#Bucket}}. */
    static CodeBlock link(InterfaceModel model, FunctionModel function) {
        Invocation invocation = function.invocation();
        ClassName owner = invocation instanceof Invocation.Constructor constructor ? constructor.resourceClass()
                : invocation instanceof Invocation.OnSelf onSelf ? onSelf.resourceClass()
                : invocation instanceof Invocation.Static staticCall ? staticCall.resourceClass()
                : model.implementation();
        return CodeBlock.of("{@link $T#$L}", owner, function.javaName());
    }
}
