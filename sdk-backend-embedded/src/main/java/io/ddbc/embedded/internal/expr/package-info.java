/**
 * DynamoDB's expression language for the embedded engine: condition, filter, update, projection and
 * key condition expressions, parsed once into immutable evaluator trees.
 *
 * <p>{@link io.ddbc.embedded.internal.expr.ExpressionCompiler} is the entry point; one
 * {@link io.ddbc.embedded.internal.expr.Placeholders} per request tracks which {@code #name} and
 * {@code :value} placeholders its expressions use. Parsing is a hand-written tokenizer and
 * recursive-descent parser per grammar on a shared base ({@code ExpressionParser}) that reports
 * syntax errors at once and semantic errors in DynamoDB's order of precedence ({@code Problem}).
 * Evaluation follows DynamoDB: comparisons of missing or differently typed values are false (but
 * {@code <>} is true), updates read the item as it was before the update, and errors carry DynamoDB's
 * wording. Internal: nothing here is API.
 */
package io.ddbc.embedded.internal.expr;
