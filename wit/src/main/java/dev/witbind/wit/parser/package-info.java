/**
 * The WIT parser: WIT text in, a resolved model out.
 *
 * <p>The pipeline, one folder per stage:
 * <ol>
 *   <li>{@link dev.witbind.wit.parser.WitPackages} finds the files (a directory and its {@code deps/}, or
 *       in-memory sources) and runs the stages below;</li>
 *   <li>{@code syntax/}: {@code Lexer} and {@link dev.witbind.wit.parser.syntax.WitParser} turn one file into an
 *       immutable syntax tree ({@link dev.witbind.wit.parser.syntax.Ast}) with source locations;</li>
 *   <li>{@code resolve/}: {@link dev.witbind.wit.parser.resolve.Resolver} groups files into packages and resolves
 *       every name across packages (versions matched by compatibility track);</li>
 *   <li>{@code model/}: the result, {@link dev.witbind.wit.parser.model.ResolvedWit}, in terms of
 *       {@code dev.witbind.wit.types} and {@code dev.witbind.wit.names}.</li>
 * </ol>
 *
 * <p>Every problem with the input is a {@link dev.witbind.wit.parser.WitParseException} with a file, line, column and
 * an excerpt with a caret.
 */
package dev.witbind.wit.parser;
