package com.vaultcrmsync.sync.state;

/**
 * The link between a note and its Account, with the fingerprint of the vault-owned fields as last
 * synced (both sides held these values then).
 *
 * @param accountId the 18-character Account id
 * @param notePath the note's vault-relative path
 * @param syncedHash fingerprint of the vault-owned fields when last synced, or null when never
 * @param pendingHash fingerprint of the CRM's values last seen when they differ from {@code
 *     syncedHash} and were not applied (a CRM-side change kept for conflict detection), else null
 */
public record AccountLink(
    String accountId, String notePath, String syncedHash, String pendingHash) {}
