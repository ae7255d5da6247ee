package com.vaultcrmsync.crm;

import org.apache.camel.CamelContext;

/**
 * The one place where the {@link CrmWriter} of a run is chosen, by configuration and size, never by
 * if-chains in the engine. Today every write goes through REST sObject Collections ({@link
 * CollectionsWriter}).
 *
 * <p>Bulk API 2.0 plugs in here: above a threshold of records per object and run (a {@code
 * crm.bulk.*} setting that does not exist yet), one ingest job per object and operation, its
 * results correlated by external id (or id), never by row order; below it, this collections writer.
 * The appliers keep calling {@link CrmWriter} and do not notice.
 */
final class Writers {
  private Writers() {}

  /**
   * The writer for calls sent through {@code routes}, with {@code crm.retry.*} from the context.
   */
  static CrmWriter choose(CamelContext context, CrmRoutes routes, SecretMask mask) {
    return new CollectionsWriter(routes, RetryBackoff.from(context), mask);
  }
}
