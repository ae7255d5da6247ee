package com.vaultcrmsync.mapping;

import org.apache.camel.Expression;

/**
 * How one sObject field is filled: a compiled Camel Simple expression, or a constant YAML value.
 *
 * @param field the API field name
 * @param source the expression text as written in the mapping file (for reports and errors)
 * @param expression the compiled expression, or null when {@code constant} is used
 * @param constant a constant value (String, Boolean, Number) when the YAML value is not a string
 * @param maxLength cut longer string values to this many characters, or 0 for no limit
 */
public record FieldRule(
    String field, String source, Expression expression, Object constant, int maxLength) {}
