package com.vaultcrmsync.sync;

/**
 * A CRM call failed as a whole (not one record): the run stops; what it wrote before stays written
 * and its state advanced only for that.
 *
 * @param error the CRM's error message
 */
public record CrmFailure(String error) implements Halt {
  @Override
  public String message() {
    return "CRM failure: " + error;
  }
}
