package com.vaultcrmsync.mapping;

/** The validated mapping set of a run: one account mapping and one activity mapping. */
public record Mappings(AccountMapping account, ActivityMapping activity) {}
