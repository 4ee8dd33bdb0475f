package dev.witbind.component.model;

import dev.witbind.component.binary.CoreFuncType;
import dev.witbind.component.binary.Definition;
import dev.witbind.wit.types.WitFunctionType;
import java.util.Optional;

/**
 * A canonical function definition with the types an instantiator needs: for {@code canon lift} the component
 * function type it lifts to and the core type of the core function it wraps; for {@code canon lower} the component
 * function type it lowers and the core type of the function it defines; for the resource built-ins their core type.
 *
 * @param definition the definition, with its options and indices
 * @param functionType the component function type (lift and lower only)
 * @param coreType the core function type on the core side
 */
public record CanonFunction(Definition.CanonDef definition, Optional<WitFunctionType> functionType,
        CoreFuncType coreType) {}
