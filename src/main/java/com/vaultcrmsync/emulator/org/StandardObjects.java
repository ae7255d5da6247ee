package com.vaultcrmsync.emulator.org;

import static com.vaultcrmsync.emulator.soql.SoqlSchema.FieldType.BOOLEAN;
import static com.vaultcrmsync.emulator.soql.SoqlSchema.FieldType.COMBOBOX;
import static com.vaultcrmsync.emulator.soql.SoqlSchema.FieldType.CURRENCY;
import static com.vaultcrmsync.emulator.soql.SoqlSchema.FieldType.DATE;
import static com.vaultcrmsync.emulator.soql.SoqlSchema.FieldType.DATETIME;
import static com.vaultcrmsync.emulator.soql.SoqlSchema.FieldType.EMAIL;
import static com.vaultcrmsync.emulator.soql.SoqlSchema.FieldType.ID;
import static com.vaultcrmsync.emulator.soql.SoqlSchema.FieldType.INT;
import static com.vaultcrmsync.emulator.soql.SoqlSchema.FieldType.PHONE;
import static com.vaultcrmsync.emulator.soql.SoqlSchema.FieldType.PICKLIST;
import static com.vaultcrmsync.emulator.soql.SoqlSchema.FieldType.REFERENCE;
import static com.vaultcrmsync.emulator.soql.SoqlSchema.FieldType.STRING;
import static com.vaultcrmsync.emulator.soql.SoqlSchema.FieldType.TEXTAREA;
import static com.vaultcrmsync.emulator.soql.SoqlSchema.FieldType.URL;

import java.util.ArrayList;
import java.util.List;

/**
 * The standard objects a CRM activity sync touches (Account, Contact, Task, Event, User) with the
 * fields of the Salesforce object reference that matter to it, in describe order.
 */
final class StandardObjects {

  /** Task statuses that close a task (TaskStatus.IsClosed). */
  static final List<String> CLOSED_TASK_STATUSES = List.of("Completed");

  /**
   * What an activity's polymorphic {@code WhatId} may point at, as Salesforce's describe lists it
   * (a subset, alphabetical, Account first). The emulator stores only Accounts among them, so an id
   * of any other type is refused as of an unknown object ({@code MALFORMED_ID}); SOQL reads {@code
   * What} through the {@code Name} entity ({@code What.Name}, {@code What.Type}, {@code What.Id}).
   */
  static final String[] WHAT_TARGETS = {
    "Account",
    "Asset",
    "Campaign",
    "Case",
    "Contract",
    "Opportunity",
    "Order",
    "Product2",
    "Quote",
    "Solution"
  };

  private StandardObjects() {}

  static List<ObjectDef> all() {
    return List.of(account(), contact(), task(), event(), user());
  }

  private static ObjectDef account() {
    List<FieldDef> f = head();
    f.add(FieldDef.of("Name", STRING).label("Account Name").required().nameField().build());
    f.add(
        FieldDef.of("Type", PICKLIST)
            .label("Account Type")
            .picklist(
                false, "Prospect", "Customer - Direct", "Customer - Channel", "Partner", "Other")
            .build());
    f.add(FieldDef.of("ParentId", REFERENCE).references("Parent", "Account").build());
    address(f, "Billing");
    address(f, "Shipping");
    f.add(FieldDef.of("Phone", PHONE).label("Account Phone").build());
    f.add(FieldDef.of("Fax", PHONE).label("Account Fax").build());
    f.add(FieldDef.of("AccountNumber", STRING).length(40).build());
    f.add(FieldDef.of("Website", URL).build());
    f.add(
        FieldDef.of("Industry", PICKLIST)
            .picklist(false, "Technology", "Finance", "Healthcare", "Manufacturing", "Retail")
            .build());
    f.add(FieldDef.of("AnnualRevenue", CURRENCY).build());
    f.add(FieldDef.of("NumberOfEmployees", INT).label("Employees").build());
    f.add(FieldDef.of("Ownership", PICKLIST).picklist(false, "Public", "Private").build());
    f.add(FieldDef.of("TickerSymbol", STRING).length(20).build());
    f.add(FieldDef.of("Description", TEXTAREA).label("Account Description").build());
    f.add(FieldDef.of("Rating", PICKLIST).picklist(false, "Hot", "Warm", "Cold").build());
    f.add(FieldDef.of("Site", STRING).length(80).label("Account Site").build());
    owner(f);
    system(f);
    f.add(FieldDef.of("LastActivityDate", DATE).readOnly().build());
    return new ObjectDef("Account", "001", "Accounts", true, f);
  }

  private static ObjectDef contact() {
    List<FieldDef> f = head();
    f.add(FieldDef.of("AccountId", REFERENCE).references("Account", "Account").build());
    f.add(FieldDef.of("LastName", STRING).length(80).required().build());
    f.add(FieldDef.of("FirstName", STRING).length(40).build());
    f.add(FieldDef.of("Salutation", PICKLIST).picklist(false, "Mr.", "Ms.", "Mrs.", "Dr.").build());
    f.add(
        FieldDef.of("Name", STRING).label("Full Name").length(121).readOnly().nameField().build());
    address(f, "Mailing");
    f.add(FieldDef.of("Phone", PHONE).label("Business Phone").build());
    f.add(FieldDef.of("MobilePhone", PHONE).build());
    f.add(FieldDef.of("Email", EMAIL).length(80).build());
    f.add(FieldDef.of("Title", STRING).length(128).build());
    f.add(FieldDef.of("Department", STRING).length(80).build());
    f.add(FieldDef.of("Description", TEXTAREA).label("Contact Description").build());
    f.add(FieldDef.of("HasOptedOutOfEmail", BOOLEAN).label("Email Opt Out").build());
    owner(f);
    system(f);
    f.add(FieldDef.of("LastActivityDate", DATE).readOnly().build());
    return new ObjectDef("Contact", "003", "Contacts", true, f);
  }

  private static ObjectDef task() {
    List<FieldDef> f = head();
    activityLinks(f);
    f.add(FieldDef.of("Subject", COMBOBOX).build());
    f.add(FieldDef.of("ActivityDate", DATE).label("Due Date Only").build());
    f.add(
        FieldDef.of("Status", PICKLIST)
            .required()
            .defaulted("Not Started")
            .picklist(
                true,
                "Not Started",
                "In Progress",
                "Completed",
                "Waiting on someone else",
                "Deferred")
            .build());
    f.add(
        FieldDef.of("Priority", PICKLIST)
            .required()
            .defaulted("Normal")
            .picklist(true, "High", "Normal", "Low")
            .build());
    f.add(FieldDef.of("IsHighPriority", BOOLEAN).label("High Priority").readOnly().build());
    owner(f);
    f.add(FieldDef.of("Description", TEXTAREA).label("Comments").build());
    f.add(
        FieldDef.of("Type", PICKLIST).picklist(false, "Call", "Email", "Meeting", "Other").build());
    f.add(FieldDef.of("IsClosed", BOOLEAN).label("Closed").readOnly().build());
    f.add(FieldDef.of("AccountId", REFERENCE).readOnly().references("Account", "Account").build());
    f.add(FieldDef.of("IsArchived", BOOLEAN).label("Archived").readOnly().build());
    f.add(FieldDef.of("CallDurationInSeconds", INT).label("Call Duration").build());
    f.add(
        FieldDef.of("CallType", PICKLIST)
            .picklist(false, "Internal", "Inbound", "Outbound")
            .build());
    f.add(FieldDef.of("CallDisposition", STRING).label("Call Result").build());
    f.add(
        FieldDef.of("TaskSubtype", PICKLIST)
            .createOnly()
            .defaulted("Task")
            .picklist(true, "Task", "Email", "ListEmail", "Cadence", "Call")
            .build());
    f.add(FieldDef.of("CompletedDateTime", DATETIME).readOnly().build());
    system(f);
    return new ObjectDef("Task", "00T", "Tasks", true, f);
  }

  private static ObjectDef event() {
    List<FieldDef> f = head();
    activityLinks(f);
    f.add(FieldDef.of("Subject", COMBOBOX).build());
    f.add(FieldDef.of("Location", STRING).build());
    f.add(FieldDef.of("IsAllDayEvent", BOOLEAN).label("All-Day Event").build());
    f.add(FieldDef.of("ActivityDateTime", DATETIME).label("Due Date Time").build());
    f.add(FieldDef.of("ActivityDate", DATE).label("Due Date Only").build());
    f.add(FieldDef.of("DurationInMinutes", INT).label("Duration").build());
    f.add(FieldDef.of("StartDateTime", DATETIME).label("Start").build());
    f.add(FieldDef.of("EndDateTime", DATETIME).label("End").build());
    f.add(FieldDef.of("EndDate", DATE).label("End Date Only").readOnly().build());
    f.add(FieldDef.of("Description", TEXTAREA).build());
    f.add(FieldDef.of("AccountId", REFERENCE).readOnly().references("Account", "Account").build());
    owner(f);
    f.add(
        FieldDef.of("Type", PICKLIST).picklist(false, "Call", "Email", "Meeting", "Other").build());
    f.add(FieldDef.of("IsPrivate", BOOLEAN).label("Private").build());
    f.add(
        FieldDef.of("ShowAs", PICKLIST)
            .defaulted("Busy")
            .picklist(false, "Busy", "OutOfOffice", "Free")
            .build());
    f.add(FieldDef.of("IsChild", BOOLEAN).label("Is Child").readOnly().build());
    f.add(FieldDef.of("IsGroupEvent", BOOLEAN).label("Group Event").readOnly().build());
    f.add(FieldDef.of("IsArchived", BOOLEAN).label("Archived").readOnly().build());
    f.add(
        FieldDef.of("EventSubtype", PICKLIST)
            .createOnly()
            .defaulted("Event")
            .picklist(true, "Event")
            .build());
    system(f);
    return new ObjectDef("Event", "00U", "Events", true, f);
  }

  private static ObjectDef user() {
    List<FieldDef> f = new ArrayList<>();
    f.add(FieldDef.of("Id", ID).label("User ID").readOnly().build());
    f.add(FieldDef.of("Username", STRING).length(80).required().unique(true).build());
    f.add(FieldDef.of("LastName", STRING).length(80).required().build());
    f.add(FieldDef.of("FirstName", STRING).length(40).build());
    f.add(
        FieldDef.of("Name", STRING).label("Full Name").length(121).readOnly().nameField().build());
    f.add(FieldDef.of("CompanyName", STRING).length(80).build());
    f.add(FieldDef.of("Title", STRING).length(80).build());
    f.add(FieldDef.of("Email", EMAIL).length(128).required().build());
    f.add(FieldDef.of("Alias", STRING).length(8).required().build());
    f.add(FieldDef.of("IsActive", BOOLEAN).label("Active").defaulted(Boolean.TRUE).build());
    f.add(
        FieldDef.of("TimeZoneSidKey", PICKLIST)
            .label("Time Zone")
            .required()
            .picklist(false, "GMT", "America/Los_Angeles", "Europe/London")
            .build());
    system(f);
    return new ObjectDef("User", "005", "Users", false, f);
  }

  private static List<FieldDef> head() {
    List<FieldDef> f = new ArrayList<>();
    f.add(FieldDef.of("Id", ID).readOnly().build());
    f.add(FieldDef.of("IsDeleted", BOOLEAN).label("Deleted").readOnly().build());
    return f;
  }

  private static void activityLinks(List<FieldDef> f) {
    f.add(FieldDef.of("WhoId", REFERENCE).label("Name ID").references("Who", "Contact").build());
    f.add(
        FieldDef.of("WhatId", REFERENCE)
            .label("Related To ID")
            .references("What", WHAT_TARGETS)
            .build());
  }

  private static void owner(List<FieldDef> f) {
    f.add(
        FieldDef.of("OwnerId", REFERENCE)
            .label("Owner ID")
            .required()
            .systemDefaulted()
            .references("Owner", "User")
            .build());
  }

  private static void address(List<FieldDef> f, String kind) {
    f.add(FieldDef.of(kind + "Street", TEXTAREA).length(255).build());
    f.add(FieldDef.of(kind + "City", STRING).length(40).build());
    f.add(FieldDef.of(kind + "State", STRING).length(80).label(kind + " State/Province").build());
    f.add(FieldDef.of(kind + "PostalCode", STRING).length(20).build());
    f.add(FieldDef.of(kind + "Country", STRING).length(80).build());
  }

  private static void system(List<FieldDef> f) {
    f.add(FieldDef.of("CreatedDate", DATETIME).readOnly().systemDefaulted().required().build());
    f.add(
        FieldDef.of("CreatedById", REFERENCE)
            .label("Created By ID")
            .readOnly()
            .systemDefaulted()
            .required()
            .references("CreatedBy", "User")
            .build());
    f.add(
        FieldDef.of("LastModifiedDate", DATETIME).readOnly().systemDefaulted().required().build());
    f.add(
        FieldDef.of("LastModifiedById", REFERENCE)
            .label("Last Modified By ID")
            .readOnly()
            .systemDefaulted()
            .required()
            .references("LastModifiedBy", "User")
            .build());
    f.add(
        FieldDef.of("SystemModstamp", DATETIME)
            .label("System Modstamp")
            .readOnly()
            .systemDefaulted()
            .required()
            .build());
  }
}
