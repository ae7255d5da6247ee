package com.vaultcrmsync.emulator.http;

import com.vaultcrmsync.emulator.org.FieldDef;
import com.vaultcrmsync.emulator.org.ObjectDef;
import com.vaultcrmsync.emulator.org.Org;
import com.vaultcrmsync.emulator.soql.SoqlSchema.FieldType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Versions, resources, global and per-object describe, basic info, limits. */
public final class DiscoveryEndpoint {

  private static final Set<String> MERGEABLE = Set.of("Account", "Contact");

  private final Org org;

  public DiscoveryEndpoint(Org org) {
    this.org = org;
  }

  ApiReply resources(CallContext c) {
    String base = c.dataPath();
    Map<String, String> m = new LinkedHashMap<>();
    for (String name :
        List.of(
            "tooling",
            "metadata",
            "eclair",
            "folders",
            "prechatForms",
            "chatter",
            "tabs",
            "appMenu",
            "quickActions",
            "queryAll",
            "commerce",
            "wave",
            "iot",
            "analytics",
            "search",
            "smartdatadiscovery",
            "identity",
            "composite",
            "parameterizedSearch",
            "fingerprint",
            "theme",
            "nouns",
            "event",
            "serviceTemplates",
            "recent",
            "connect",
            "licensing",
            "limits",
            "process",
            "async-queries",
            "query",
            "match",
            "emailConnect",
            "compactLayouts",
            "knowledgeManagement",
            "sobjects",
            "actions",
            "support")) {
      m.put(name, base + "/" + name);
    }
    m.put("identity", c.baseUrl() + "/id/" + org.orgId() + "/" + c.userId());
    return ApiReply.ok(m);
  }

  ApiReply composite(CallContext c) {
    String base = c.dataPath() + "/composite";
    Map<String, String> m = new LinkedHashMap<>();
    m.put("tree", base + "/tree");
    m.put("batch", base + "/batch");
    m.put("sobjects", base + "/sobjects");
    m.put("graph", base + "/graph");
    return ApiReply.ok(m);
  }

  ApiReply global(CallContext c) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("encoding", "UTF-8");
    m.put("maxBatchSize", 200);
    List<Map<String, Object>> all = new ArrayList<>();
    org.schema().objects().stream()
        .sorted(Comparator.comparing(ObjectDef::name))
        .forEach(o -> all.add(summary(o, c.version())));
    m.put("sobjects", all);
    return ApiReply.ok(m);
  }

  ApiReply basicInfo(CallContext c, ObjectDef object) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("objectDescribe", summary(object, c.version()));
    List<Map<String, Object>> recent = new ArrayList<>();
    List<Map<String, Object>> live =
        org.store()
            .scan(object.name())
            .filter(r -> !Boolean.TRUE.equals(r.get("IsDeleted")))
            .toList();
    FieldDef nameField =
        object.fields().stream()
            .filter(FieldDef::nameField)
            .findFirst()
            .orElse(object.field("Subject"));
    for (int i = live.size() - 1; i >= 0 && recent.size() < 3; i--) {
      Map<String, Object> r = live.get(i);
      Map<String, Object> item = new LinkedHashMap<>();
      item.put(
          "attributes", RecordJson.attributes(object.name(), (String) r.get("Id"), c.version()));
      item.put("Id", r.get("Id"));
      if (nameField != null) {
        item.put(nameField.name(), r.get(nameField.name()));
      }
      recent.add(item);
    }
    m.put("recentItems", recent);
    return ApiReply.ok(m);
  }

  ApiReply describe(CallContext c, ObjectDef object) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("actionOverrides", List.of());
    m.put("activateable", false);
    m.put("childRelationships", childRelationships(object));
    m.put("compactLayoutable", true);
    m.put("createable", object.writable());
    m.put("custom", false);
    m.put("customSetting", false);
    m.put("deepCloneable", false);
    m.put("defaultImplementation", null);
    m.put("deletable", object.writable());
    m.put("deprecatedAndHidden", false);
    m.put("extendedBy", null);
    m.put("extendsInterfaces", null);
    m.put("feedEnabled", true);
    List<Map<String, Object>> fields = new ArrayList<>();
    for (FieldDef f : object.fields()) {
      fields.add(field(f));
    }
    m.put("fields", fields);
    m.put("hasSubtypes", false);
    m.put("implementedBy", null);
    m.put("implementsInterfaces", null);
    m.put("isInterface", false);
    m.put("isSubtype", false);
    m.put("keyPrefix", object.keyPrefix());
    m.put("label", object.label());
    m.put("labelPlural", object.labelPlural());
    m.put("layoutable", true);
    m.put("listviewable", null);
    m.put("lookupLayoutable", null);
    m.put("mergeable", MERGEABLE.contains(object.name()));
    m.put("mruEnabled", true);
    m.put("name", object.name());
    m.put("namedLayoutInfos", List.of());
    m.put("networkScopeFieldName", null);
    m.put("queryable", true);
    Map<String, Object> master = new LinkedHashMap<>();
    master.put("active", true);
    master.put("available", true);
    master.put("defaultRecordTypeMapping", true);
    master.put("developerName", "Master");
    master.put("master", true);
    master.put("name", "Master");
    master.put("recordTypeId", "012000000000000AAA");
    master.put(
        "urls",
        Map.of(
            "layout",
            c.dataPath() + "/sobjects/" + object.name() + "/describe/layouts/012000000000000AAA"));
    m.put("recordTypeInfos", List.of(master));
    m.put("replicateable", true);
    m.put("retrieveable", true);
    m.put("searchLayoutable", true);
    m.put("searchable", true);
    m.put("sobjectDescribeOption", "FULL");
    m.put("supportedScopes", List.of());
    m.put("triggerable", true);
    m.put("undeletable", object.writable());
    m.put("updateable", object.writable());
    m.put("urls", urls(object, c.version(), true));
    return ApiReply.ok(m);
  }

  ApiReply limits(int used, int max) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("ActiveScratchOrgs", usage(3, 3));
    m.put("ConcurrentAsyncGetReportInstances", usage(200, 200));
    m.put("ConcurrentSyncReportRuns", usage(20, 20));
    m.put("DailyApiRequests", usage(max, Math.max(0, max - used)));
    m.put("DailyAsyncApexExecutions", usage(250000, 250000));
    m.put("DailyBulkApiBatches", usage(15000, 15000));
    m.put("DailyBulkApiRequests", usage(10000, 10000));
    m.put("DailyDurableGenericStreamingApiEvents", usage(10000, 10000));
    m.put("DailyDurableStreamingApiEvents", usage(10000, 10000));
    m.put("DailyGenericStreamingApiEvents", usage(10000, 10000));
    m.put("DailyStreamingApiEvents", usage(10000, 10000));
    m.put("DailyWorkflowEmails", usage(390, 390));
    m.put("DataStorageMB", usage(1024, 1024));
    m.put("DurableStreamingApiConcurrentClients", usage(20, 20));
    m.put("FileStorageMB", usage(1024, 1024));
    m.put("HourlyAsyncReportRuns", usage(1200, 1200));
    m.put("HourlyDashboardRefreshes", usage(200, 200));
    m.put("HourlyDashboardResults", usage(5000, 5000));
    m.put("HourlyDashboardStatuses", usage(999999999, 999999999));
    m.put("HourlyODataCallout", usage(10000, 10000));
    m.put("HourlySyncReportRuns", usage(500, 500));
    m.put("HourlyTimeBasedWorkflow", usage(50, 50));
    m.put("MassEmail", usage(10, 10));
    Map<String, Object> permissionSets = usage(1500, 1500);
    permissionSets.put("CreateCustom", usage(1000, 1000));
    m.put("PermissionSets", permissionSets);
    m.put("SingleEmail", usage(15, 15));
    m.put("StreamingApiConcurrentClients", usage(20, 20));
    return ApiReply.ok(m);
  }

  private static Map<String, Object> usage(int max, int remaining) {
    Map<String, Object> u = new LinkedHashMap<>();
    u.put("Max", max);
    u.put("Remaining", remaining);
    return u;
  }

  private Map<String, Object> summary(ObjectDef o, String version) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("activateable", false);
    m.put("createable", o.writable());
    m.put("custom", false);
    m.put("customSetting", false);
    m.put("deepCloneable", false);
    m.put("deletable", o.writable());
    m.put("deprecatedAndHidden", false);
    m.put("feedEnabled", true);
    m.put("hasSubtypes", false);
    m.put("isInterface", false);
    m.put("isSubtype", false);
    m.put("keyPrefix", o.keyPrefix());
    m.put("label", o.label());
    m.put("labelPlural", o.labelPlural());
    m.put("layoutable", true);
    m.put("mergeable", MERGEABLE.contains(o.name()));
    m.put("mruEnabled", true);
    m.put("name", o.name());
    m.put("queryable", true);
    m.put("replicateable", true);
    m.put("retrieveable", true);
    m.put("searchable", true);
    m.put("triggerable", true);
    m.put("undeletable", o.writable());
    m.put("updateable", o.writable());
    m.put("urls", urls(o, version, false));
    return m;
  }

  private static Map<String, String> urls(ObjectDef o, String version, boolean full) {
    String base = "/services/data/v" + version + "/sobjects/" + o.name();
    Map<String, String> u = new LinkedHashMap<>();
    if (full) {
      u.put("compactLayouts", base + "/describe/compactLayouts");
    }
    u.put("rowTemplate", base + "/{ID}");
    if (full) {
      u.put("approvalLayouts", base + "/describe/approvalLayouts");
      u.put("uiDetailTemplate", "/{ID}");
      u.put("uiEditTemplate", "/{ID}/e");
      u.put("defaultValues", base + "/defaultValues?recordTypeId&fields");
      u.put("listviews", base + "/listviews");
    }
    u.put("describe", base + "/describe");
    if (full) {
      u.put("uiNewRecord", "/" + o.keyPrefix() + "/e");
      u.put("quickActions", base + "/quickActions");
      u.put("layouts", base + "/describe/layouts");
    }
    u.put("sobject", base);
    return u;
  }

  private List<Map<String, Object>> childRelationships(ObjectDef parent) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (ObjectDef child : org.schema().objects()) {
      for (FieldDef f : child.fields()) {
        if (f.type() != FieldType.REFERENCE || !f.referenceTo().contains(parent.name())) {
          continue;
        }
        Map<String, Object> r = new LinkedHashMap<>();
        boolean cascade =
            parent.name().equals("Account")
                && (f.name().equals("WhatId") || child.name().equals("Contact"));
        r.put("cascadeDelete", cascade);
        r.put("childSObject", child.name());
        r.put("deprecatedAndHidden", false);
        r.put("field", f.name());
        r.put("junctionIdListNames", List.of());
        r.put("junctionReferenceTo", List.of());
        r.put("relationshipName", childRelationshipName(child, f));
        r.put("restrictedDelete", false);
        out.add(r);
      }
    }
    return out;
  }

  private static String childRelationshipName(ObjectDef child, FieldDef f) {
    return switch (f.name()) {
      case "WhatId", "WhoId" -> child.labelPlural();
      case "ParentId" -> "ChildAccounts";
      case "AccountId" -> child.name().equals("Contact") ? "Contacts" : null;
      default -> f.custom() ? child.labelPlural() : null;
    };
  }

  static Map<String, Object> field(FieldDef f) {
    Map<String, Object> m = new LinkedHashMap<>();
    boolean text = isText(f.type());
    boolean longText = f.type() == FieldType.TEXTAREA && f.length() > 255;
    m.put("aggregatable", !longText);
    m.put("aiPredictionField", false);
    m.put("autoNumber", false);
    m.put("byteLength", text ? f.length() * 3 : 0);
    m.put("calculated", false);
    m.put("calculatedFormula", null);
    m.put("cascadeDelete", false);
    m.put("caseSensitive", false);
    m.put("compoundFieldName", null);
    m.put("controllerName", null);
    m.put("createable", f.createable());
    m.put("custom", f.custom());
    m.put("defaultValue", f.type() == FieldType.BOOLEAN ? f.defaultValue() : null);
    m.put("defaultValueFormula", null);
    m.put("defaultedOnCreate", f.defaultedOnCreate());
    m.put("dependentPicklist", false);
    m.put("deprecatedAndHidden", false);
    m.put("digits", f.type() == FieldType.INT ? 9 : 0);
    m.put("displayLocationInDecimal", false);
    m.put("encrypted", false);
    m.put("externalId", f.externalId());
    m.put("extraTypeInfo", null);
    m.put("filterable", !longText);
    m.put("filteredLookupInfo", null);
    m.put("formulaTreatNullNumberAsZero", false);
    m.put("groupable", !longText && f.type() != FieldType.DOUBLE && f.type() != FieldType.DATETIME);
    m.put("highScaleNumber", false);
    m.put("htmlFormatted", false);
    m.put("idLookup", f.type() == FieldType.ID || f.externalId() || f.name().equals("Username"));
    m.put("inlineHelpText", null);
    m.put("label", f.label());
    m.put("length", text ? f.length() : 0);
    m.put("mask", null);
    m.put("maskType", null);
    m.put("name", f.name());
    m.put("nameField", f.nameField());
    m.put("namePointing", f.name().equals("WhatId") || f.name().equals("WhoId"));
    m.put("nillable", f.nillable() || f.defaultedOnCreate() && f.type() != FieldType.BOOLEAN);
    m.put("permissionable", f.custom() && f.nillable());
    List<Map<String, Object>> values = new ArrayList<>();
    for (String v : f.picklistValues()) {
      Map<String, Object> pv = new LinkedHashMap<>();
      pv.put("active", true);
      pv.put("defaultValue", v.equals(f.defaultValue()));
      pv.put("label", v);
      pv.put("validFor", null);
      pv.put("value", v);
      values.add(pv);
    }
    m.put("picklistValues", values);
    m.put("polymorphicForeignKey", f.name().equals("WhatId") || f.name().equals("WhoId"));
    boolean decimal =
        f.type() == FieldType.DOUBLE
            || f.type() == FieldType.CURRENCY
            || f.type() == FieldType.PERCENT;
    m.put("precision", decimal ? 18 : 0);
    m.put("queryByDistance", false);
    m.put("referenceTargetField", null);
    m.put("referenceTo", f.referenceTo());
    m.put("relationshipName", f.relationshipName());
    m.put("relationshipOrder", null);
    m.put("restrictedDelete", false);
    m.put("restrictedPicklist", f.restrictedPicklist());
    m.put("scale", decimal ? 2 : 0);
    m.put("searchPrefilterable", false);
    m.put("soapType", soapType(f.type()));
    m.put("sortable", !longText);
    m.put("type", f.type().name().toLowerCase(Locale.ROOT));
    m.put("unique", f.unique());
    m.put("updateable", f.updateable());
    m.put("writeRequiresMasterRead", false);
    return m;
  }

  private static boolean isText(FieldType t) {
    return switch (t) {
      case ID, REFERENCE, STRING, TEXTAREA, PICKLIST, COMBOBOX, EMAIL, PHONE, URL -> true;
      default -> false;
    };
  }

  private static String soapType(FieldType t) {
    return switch (t) {
      case ID, REFERENCE -> "tns:ID";
      case BOOLEAN -> "xsd:boolean";
      case INT -> "xsd:int";
      case DOUBLE, CURRENCY, PERCENT -> "xsd:double";
      case DATE -> "xsd:date";
      case DATETIME -> "xsd:dateTime";
      default -> "xsd:string";
    };
  }
}
