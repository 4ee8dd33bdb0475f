package dev.witbind.processor.validation;

import dev.witbind.annotations.Borrow;
import dev.witbind.annotations.Unsigned;
import dev.witbind.annotations.WitChar;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * A method's signature as its source declares it, for messages that show it beside the WIT signature:
 * {@code public @Unsigned long checksum(byte[] data, @Unsigned long seed)}, with simple class names and witbind's
 * markers, without bodies or throws clauses.
 */
final class JavaSignatures {
    private static final List<String> MARKERS = List.of(Unsigned.class.getCanonicalName(),
            WitChar.class.getCanonicalName(), Borrow.class.getCanonicalName());

    private JavaSignatures() {}

    static String of(ExecutableElement method) {
        StringBuilder signature = new StringBuilder();
        Set<Modifier> modifiers = method.getModifiers();
        if (modifiers.contains(Modifier.PUBLIC)) {
            signature.append("public ");
        }
        if (modifiers.contains(Modifier.STATIC)) {
            signature.append("static ");
        }
        if (method.getKind() == ElementKind.CONSTRUCTOR) {
            signature.append(method.getEnclosingElement().getSimpleName());
        } else {
            signature.append(type(method, method.getReturnType())).append(' ').append(method.getSimpleName());
        }
        return signature.append(method.getParameters().stream()
                        .map(parameter -> type(parameter, parameter.asType()) + " " + parameter.getSimpleName())
                        .collect(Collectors.joining(", ", "(", ")")))
                .toString();
    }

    /** A type with the markers declared on its element and those written on the type itself. */
    private static String type(Element element, TypeMirror type) {
        Set<String> markers = new LinkedHashSet<>();
        element.getAnnotationMirrors().forEach(mirror -> marker(mirror, markers));
        type.getAnnotationMirrors().forEach(mirror -> marker(mirror, markers));
        return prefix(markers) + bare(type);
    }

    private static String type(TypeMirror type) {
        Set<String> markers = new LinkedHashSet<>();
        type.getAnnotationMirrors().forEach(mirror -> marker(mirror, markers));
        return prefix(markers) + bare(type);
    }

    private static String bare(TypeMirror type) {
        if (type.getKind().isPrimitive() || type.getKind() == TypeKind.VOID) {
            return type.getKind().name().toLowerCase(Locale.ROOT);
        }
        if (type instanceof ArrayType array) {
            return type(array.getComponentType()) + "[]";
        }
        if (type instanceof DeclaredType declared) {
            String name = ((TypeElement) declared.asElement()).getSimpleName().toString();
            List<? extends TypeMirror> arguments = declared.getTypeArguments();
            return arguments.isEmpty() ? name
                    : name + arguments.stream().map(JavaSignatures::type).collect(Collectors.joining(", ", "<", ">"));
        }
        return JavaTypes.display(type);
    }

    private static void marker(AnnotationMirror mirror, Set<String> markers) {
        TypeElement annotation = (TypeElement) mirror.getAnnotationType().asElement();
        if (MARKERS.contains(annotation.getQualifiedName().toString())) {
            markers.add("@" + annotation.getSimpleName());
        }
    }

    private static String prefix(Set<String> markers) {
        return markers.isEmpty() ? "" : String.join(" ", markers) + " ";
    }
}
