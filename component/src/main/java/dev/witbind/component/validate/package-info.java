/**
 * The second stage: {@link dev.witbind.component.validate.ComponentValidator} walks a decoded component's
 * definitions in order, building each scope's index spaces and resolving types, checks the validation rules, and
 * builds the {@code model}. Depends on {@code binary} and {@code model}.
 */
package dev.witbind.component.validate;
