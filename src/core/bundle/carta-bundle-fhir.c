/* carta-bundle-fhir.c
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "carta-bundle"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "carta-bundle-private.h"
#include "carta-checklist-template.h"
#include "carta-date.h"
#include "carta-dicom-summary.h"
#include "carta-identity.h"
#include "carta-validate.h"

/* Carta's own extension on an imaging disc's DocumentReference, with
 * the parts "status", "text" and "discPatientName" (bundle-format.md). */
#define CARTA_FHIR_IDENTITY_EXTENSION "https://cartahealth.github.io/fhir/StructureDefinition/disc-patient-check"

/* The case as an HL7 FHIR R4 document Bundle following the International
 * Patient Summary (IPS): a Composition first, whose sections list the
 * other entries, then the Patient, the family member who prepared it, a
 * Condition when the diagnosis is known, the allergies and medication
 * answers, one Observation per test result and per screening answer,
 * Procedures for the treatment history, an ImagingStudy per DICOM study,
 * one DocumentReference per attachment and one List per checklist record.
 * Every code here was checked against the IPS package or the code
 * system's own pages (bundle-format.md lists them); anything else is
 * coded by text only. Every resource has a generated narrative. */

#define IPS_PROFILE(name) "http://hl7.org/fhir/uv/ips/StructureDefinition/" name "-uv-ips"
#define LOINC "http://loinc.org"
#define SNOMED "http://snomed.info/sct"
#define ICD10 "http://hl7.org/fhir/sid/icd-10"
#define UCUM "http://unitsofmeasure.org"
#define DATA_ABSENT_REASON "http://hl7.org/fhir/StructureDefinition/data-absent-reason"

typedef const char *(*TranslationGetter) (gpointer    owner,
                                           const char *language);

static char      *stable_uuid     (const char        *seed,
                                   const char        *what);
static JsonArray *translated_text (const char        *member,
                                   const char        *text,
                                   GStrv              languages,
                                   TranslationGetter  get,
                                   gpointer           owner);

static void
set_text (JsonObject *object,
          const char *member,
          const char *value)
{
  if (value != NULL && *value != '\0')
    json_object_set_string_member (object, member, value);
}

static char *
iso_instant (GDateTime *when)
{
  g_autoptr(GDateTime) utc = g_date_time_to_utc (when);
  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
}

static JsonObject *
codeable_text (const char *text)
{
  JsonObject *concept = json_object_new ();
  json_object_set_string_member (concept, "text", text);
  return concept;
}

static JsonObject *
reference (const char *uuid)
{
  JsonObject *ref = json_object_new ();
  g_autofree char *urn = g_strconcat ("urn:uuid:", uuid, NULL);
  json_object_set_string_member (ref, "reference", urn);
  return ref;
}

static const char *
fhir_gender (const char *sex)
{
  if (sex == NULL)
    return NULL;
  if (g_ascii_strcasecmp (sex, "male") == 0 || g_ascii_strcasecmp (sex, "m") == 0)
    return "male";
  if (g_ascii_strcasecmp (sex, "female") == 0 || g_ascii_strcasecmp (sex, "f") == 0)
    return "female";
  if (g_ascii_strcasecmp (sex, "other") == 0)
    return "other";
  return "unknown";
}

/* The sections of the Composition, in the order they are written. */
typedef enum
{
  SECTION_PROBLEMS,
  SECTION_ALLERGIES,
  SECTION_MEDICATIONS,
  SECTION_RESULTS,
  SECTION_PROCEDURES,
  SECTION_FUNCTIONAL,
  SECTION_IMAGING,
  SECTION_FAMILY,
  N_SECTIONS,
  /* Not listed by the Composition itself: an assessment of the
   * functional status section lists it, or another entry refers to it. */
  SECTION_FUNCTIONAL_ITEM = N_SECTIONS,
  SECTION_NONE,
} FhirSection;

/* The document being written: its entries after the Composition, and
 * what each section lists (references and a line of narrative each). */
typedef struct
{
  JsonArray  *entries;
  const char *case_urn;
  const char *patient_id;
  JsonArray  *refs[N_SECTIONS];
  GString    *items[N_SECTIONS];
  JsonArray  *functional_items;
} FhirDoc;

/* Text for XHTML: escaped, without the control characters XML forbids. */
static void
append_escaped (GString    *xhtml,
                const char *text)
{
  g_autofree char *clean = g_utf8_make_valid (text, -1);
  g_autofree char *escaped = NULL;

  for (char *c = clean; *c != '\0'; c++)
    if ((guchar) *c < 0x20 && *c != '\n' && *c != '\t')
      *c = ' ';
  escaped = g_markup_escape_text (clean, -1);
  /* &apos; is XML's, not HTML's: the number reads in both. */
  {
    g_autoptr(GString) entities = g_string_new (escaped);

    g_string_replace (entities, "&apos;", "&#39;", 0);
    g_string_append (xhtml, entities->str);
  }
}

static void
append_value (GString  *xhtml,
              JsonNode *node,
              guint     depth);

/* A readable form of a FHIR datatype: a CodeableConcept by its text or
 * codes, a Reference by its display or target, a Quantity as value and
 * unit, a Period as start – end; other objects by their members. */
static void
append_object (GString    *xhtml,
               JsonObject *object,
               guint       depth)
{
  static const char *by_text[] = { "text", "display", "title", "reference", "value", "code", NULL };
  const char *first = NULL;

  if (json_object_has_member (object, "start") || json_object_has_member (object, "end"))
    {
      if (json_object_has_member (object, "start"))
        append_value (xhtml, json_object_get_member (object, "start"), depth + 1);
      g_string_append (xhtml, " – ");
      if (json_object_has_member (object, "end"))
        append_value (xhtml, json_object_get_member (object, "end"), depth + 1);
      return;
    }

  for (guint i = 0; by_text[i] != NULL && first == NULL; i++)
    if (json_object_has_member (object, by_text[i]) &&
        JSON_NODE_HOLDS_VALUE (json_object_get_member (object, by_text[i])))
      first = by_text[i];

  if (first != NULL)
    {
      append_value (xhtml, json_object_get_member (object, first), depth + 1);
      if (g_str_equal (first, "value") && json_object_has_member (object, "unit"))
        {
          g_string_append_c (xhtml, ' ');
          append_value (xhtml, json_object_get_member (object, "unit"), depth + 1);
        }
      return;
    }

  if (json_object_has_member (object, "coding"))
    {
      append_value (xhtml, json_object_get_member (object, "coding"), depth + 1);
      return;
    }

  {
    g_autoptr(GList) members = json_object_get_members (object);
    gboolean any = FALSE;

    for (GList *l = members; l != NULL; l = l->next)
      {
        const char *name = l->data;

        if (name[0] == '_' || g_str_equal (name, "extension") || g_str_equal (name, "url"))
          continue;
        if (any)
          g_string_append (xhtml, ", ");
        append_value (xhtml, json_object_get_member (object, name), depth + 1);
        any = TRUE;
      }
  }
}

static void
append_value (GString  *xhtml,
              JsonNode *node,
              guint     depth)
{
  if (depth > 6 || node == NULL)
    return;

  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          if (i > 0)
            g_string_append (xhtml, "; ");
          append_value (xhtml, json_array_get_element (array, i), depth + 1);
        }
    }
  else if (JSON_NODE_HOLDS_OBJECT (node))
    append_object (xhtml, json_node_get_object (node), depth);
  else if (JSON_NODE_HOLDS_VALUE (node))
    {
      if (json_node_get_value_type (node) == G_TYPE_STRING)
        append_escaped (xhtml, json_node_get_string (node));
      else if (json_node_get_value_type (node) == G_TYPE_BOOLEAN)
        g_string_append (xhtml, json_node_get_boolean (node) ? "yes" : "no");
      else if (json_node_get_value_type (node) == G_TYPE_DOUBLE)
        {
          char number[G_ASCII_DTOSTR_BUF_SIZE];
          g_string_append (xhtml, g_ascii_dtostr (number, sizeof number, json_node_get_double (node)));
        }
      else
        g_string_append_printf (xhtml, "%" G_GINT64_FORMAT, json_node_get_int (node));
    }
}

/* FHIR's narrative: XHTML in a div, "generated" from @body. */
static JsonObject *
narrative (const char *body)
{
  JsonObject *text = json_object_new ();
  g_autofree char *div = g_strconcat ("<div xmlns=\"http://www.w3.org/1999/xhtml\">", body, "</div>", NULL);

  json_object_set_string_member (text, "status", "generated");
  json_object_set_string_member (text, "div", div);
  return text;
}

/* A generated narrative of @resource: each element, by its name, with
 * a readable value, as FHIR's own narrative generator does. */
static void
set_generated_narrative (JsonObject *resource,
                         const char *extra)
{
  static const char *skipped[] = { "resourceType", "id", "meta", "text", "extension", "contained", "subject", "patient", NULL };
  g_autoptr(GString) body = g_string_new ("<p><b>");
  g_autoptr(GList) members = json_object_get_members (resource);

  append_escaped (body, json_object_get_string_member (resource, "resourceType"));
  g_string_append (body, "</b></p>");
  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *name = l->data;

      if (name[0] == '_' || g_strv_contains (skipped, name))
        continue;
      g_string_append (body, "<p><b>");
      append_escaped (body, name);
      g_string_append (body, "</b>: ");
      append_value (body, json_object_get_member (resource, name), 0);
      g_string_append (body, "</p>");
    }
  if (extra != NULL)
    g_string_append (body, extra);

  json_object_set_object_member (resource, "text", narrative (body->str));
}

/* What a section's narrative says of @resource: its name or code. */
static void
append_summary (GString    *xhtml,
                JsonObject *resource)
{
  static const char *members[] = { "code", "medicationCodeableConcept", "title", "description", "type", NULL };

  for (guint i = 0; members[i] != NULL; i++)
    if (json_object_has_member (resource, members[i]))
      {
        append_value (xhtml, json_object_get_member (resource, members[i]), 0);
        break;
      }
  if (json_object_has_member (resource, "valueQuantity") || json_object_has_member (resource, "valueString") ||
      json_object_has_member (resource, "valueCodeableConcept") || json_object_has_member (resource, "valueInteger") ||
      json_object_has_member (resource, "valueDateTime"))
    {
      static const char *values[] = { "valueQuantity", "valueString", "valueCodeableConcept", "valueInteger", "valueDateTime", NULL };

      g_string_append (xhtml, ": ");
      for (guint i = 0; values[i] != NULL; i++)
        if (json_object_has_member (resource, values[i]))
          append_value (xhtml, json_object_get_member (resource, values[i]), 0);
    }
}

static void
add_entry (FhirDoc     *doc,
           FhirSection  section,
           const char  *uuid,
           JsonObject  *resource)
{
  JsonObject *entry = json_object_new ();
  g_autofree char *urn = g_strconcat ("urn:uuid:", uuid, NULL);

  if (!json_object_has_member (resource, "text"))
    set_generated_narrative (resource, NULL);

  if (section < N_SECTIONS)
    {
      json_array_add_object_element (doc->refs[section], reference (uuid));
      g_string_append (doc->items[section], "<li>");
      append_summary (doc->items[section], resource);
      g_string_append (doc->items[section], "</li>");
    }
  else if (section == SECTION_FUNCTIONAL_ITEM)
    json_array_add_object_element (doc->functional_items, reference (uuid));

  json_object_set_string_member (entry, "fullUrl", urn);
  json_object_set_object_member (entry, "resource", resource);
  json_array_add_object_element (doc->entries, entry);
}

/* An element FHIR requires that the case does not have: only FHIR's
 * data-absent-reason extension, "unknown". */
static JsonObject *
absent_element (void)
{
  JsonObject *element = json_object_new ();
  JsonArray *extensions = json_array_new ();
  JsonObject *extension = json_object_new ();

  json_object_set_string_member (extension, "url", DATA_ABSENT_REASON);
  json_object_set_string_member (extension, "valueCode", "unknown");
  json_array_add_object_element (extensions, extension);
  json_object_set_array_member (element, "extension", extensions);
  return element;
}

/* The primitive @member marked as not known, where a profile requires
 * it: the extension on its shadow (`_member`). */
static void
set_absent (JsonObject *object,
            const char *member)
{
  g_autofree char *shadow = g_strconcat ("_", member, NULL);

  json_object_set_object_member (object, shadow, absent_element ());
}

static void
set_profile (JsonObject *resource,
             const char *profile)
{
  JsonObject *meta = json_object_new ();
  JsonArray *profiles = json_array_new ();

  json_array_add_string_element (profiles, profile);
  json_object_set_array_member (meta, "profile", profiles);
  json_object_set_object_member (resource, "meta", meta);
}

static JsonObject *
coding (const char *system,
        const char *code,
        const char *display)
{
  JsonObject *object = json_object_new ();

  json_object_set_string_member (object, "system", system);
  json_object_set_string_member (object, "code", code);
  set_text (object, "display", display);
  return object;
}

/* A CodeableConcept of one code, with @text (the words a person reads). */
static JsonObject *
coded (const char *system,
       const char *code,
       const char *display,
       const char *text)
{
  JsonObject *concept = json_object_new ();
  JsonArray *codings = json_array_new ();

  json_array_add_object_element (codings, coding (system, code, display));
  json_object_set_array_member (concept, "coding", codings);
  set_text (concept, "text", text);
  return concept;
}

/* Where a messaging ContactPoint names its app: R4's ContactPoint has
 * no system for WeChat or WhatsApp, so it is "other" with this. */
#define MESSAGING_APP_EXTENSION "https://cartahealth.github.io/fhir/StructureDefinition/messaging-app"

static void
add_contact_point (JsonArray  *telecom,
                   const char *system,
                   const char *value,
                   const char *app)
{
  JsonObject *point;

  if (value == NULL || *value == '\0')
    return;

  point = json_object_new ();
  json_object_set_string_member (point, "system", system);
  json_object_set_string_member (point, "value", value);
  if (app != NULL)
    {
      JsonArray *extensions = json_array_new ();
      JsonObject *extension = json_object_new ();

      json_object_set_string_member (extension, "url", MESSAGING_APP_EXTENSION);
      json_object_set_string_member (extension, "valueString", app);
      json_array_add_object_element (extensions, extension);
      json_object_set_array_member (point, "extension", extensions);
    }
  json_array_add_object_element (telecom, point);
}

/* The family's contacts as Patient.contact: who to call, and how. */
static void
add_patient_contacts (JsonObject *resource,
                      CartaCase  *kase)
{
  GListModel *contacts = carta_case_get_contacts (kase);
  guint n = g_list_model_get_n_items (contacts);
  JsonArray *array;

  if (n == 0)
    return;

  array = json_array_new ();
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CartaContact) contact = g_list_model_get_item (contacts, i);
      const char *app = carta_contact_get_messaging_app (contact);
      const char *app_name = carta_contact_get_messaging_app_name (app);
      JsonObject *entry = json_object_new ();
      JsonArray *telecom = json_array_new ();

      if (carta_contact_get_name (contact) != NULL)
        {
          JsonObject *name = json_object_new ();

          json_object_set_string_member (name, "text", carta_contact_get_name (contact));
          json_object_set_object_member (entry, "name", name);
        }
      if (carta_contact_get_relation (contact) != NULL)
        {
          JsonArray *relationship = json_array_new ();

          json_array_add_object_element (relationship, codeable_text (carta_contact_get_relation (contact)));
          json_object_set_array_member (entry, "relationship", relationship);
        }

      add_contact_point (telecom, "phone", carta_contact_get_phone (contact), NULL);
      add_contact_point (telecom, "email", carta_contact_get_email (contact), NULL);
      add_contact_point (telecom, "other", carta_contact_get_messaging_id (contact),
                         app_name ? app_name : "other");

      if (json_array_get_length (telecom) > 0)
        json_object_set_array_member (entry, "telecom", telecom);
      else
        json_array_unref (telecom);

      /* An empty contact is not valid FHIR (pat-1). */
      if (json_object_get_size (entry) > 0)
        json_array_add_object_element (array, entry);
      else
        json_object_unref (entry);
    }

  if (json_array_get_length (array) > 0)
    json_object_set_array_member (resource, "contact", array);
  else
    json_array_unref (array);
}

/* A language as the family names it ("Mandarin", "中文", "zh_CN"…), as a
 * BCP 47 tag; %NULL when Carta does not know the name. */
static char *
language_tag (const char *language)
{
  static const struct { const char *tag; const char *names[6]; } languages[] = {
    { "zh", { "chinese", "mandarin", "中文", "汉语", "普通话", "國語" } },
    { "yue", { "cantonese", "粤语", "廣東話", "广东话", NULL } },
    { "en", { "english", "英语", "英文", NULL } },
    { "es", { "spanish", "español", "espanol", "西班牙语", NULL } },
    { "fr", { "french", "français", "francais", "法语", NULL } },
    { "de", { "german", "deutsch", "德语", NULL } },
    { "ru", { "russian", "русский", "俄语", NULL } },
    { "ar", { "arabic", "العربية", "阿拉伯语", NULL } },
    { "pt", { "portuguese", "português", "portugues", NULL } },
    { "it", { "italian", "italiano", NULL } },
    { "ja", { "japanese", "日本語", "日语", NULL } },
    { "ko", { "korean", "한국어", "韩语", NULL } },
    { "vi", { "vietnamese", "tiếng việt", NULL } },
    { "th", { "thai", "ไทย", NULL } },
    { "hi", { "hindi", "हिन्दी", NULL } },
    { "tr", { "turkish", "türkçe", NULL } },
    { "uk", { "ukrainian", "українська", NULL } },
    { "pl", { "polish", "polski", NULL } },
    { "nl", { "dutch", "nederlands", NULL } },
  };
  g_autofree char *folded = g_utf8_strdown (language, -1);
  GRegex *tag_like;
  g_autoptr(GMatchInfo) match = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    for (guint j = 0; j < G_N_ELEMENTS (languages[i].names) && languages[i].names[j]; j++)
      if (g_str_equal (folded, languages[i].names[j]))
        return g_strdup (languages[i].tag);

  /* Already a code: "en", "zh_CN", "zh-Hans", "pt-BR". */
  tag_like = g_regex_new ("^[a-z]{2,3}([-_]([a-z]{4}|[a-z]{2}|[0-9]{3}))?$", G_REGEX_CASELESS, 0, NULL);
  if (g_regex_match (tag_like, language, 0, &match))
    {
      g_auto(GStrv) parts = g_strsplit_set (language, "-_", 2);
      g_autofree char *primary = g_ascii_strdown (parts[0], -1);
      char *tag;

      if (parts[1] == NULL)
        tag = g_steal_pointer (&primary);
      else if (strlen (parts[1]) == 4)
        {
          g_autofree char *script = g_ascii_strdown (parts[1], -1);
          script[0] = g_ascii_toupper (script[0]);
          tag = g_strconcat (primary, "-", script, NULL);
        }
      else
        {
          g_autofree char *region = g_ascii_strup (parts[1], -1);
          tag = g_strconcat (primary, "-", region, NULL);
        }
      g_regex_unref (tag_like);
      return tag;
    }
  g_regex_unref (tag_like);
  return NULL;
}

/* Patient.communication: each language the patient speaks that has a
 * BCP 47 tag, the preferred one marked; names Carta cannot code stay in
 * the case and the narrative only. */
static void
add_communication (JsonObject   *resource,
                   CartaPatient *patient,
                   GString      *extra)
{
  const char *preferred = carta_patient_get_preferred_language (patient);
  g_auto(GStrv) spoken = carta_patient_dup_languages_list (patient);
  g_autofree char *preferred_tag = preferred ? language_tag (preferred) : NULL;
  g_autoptr(GStrvBuilder) all = g_strv_builder_new ();
  g_auto(GStrv) languages = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  JsonArray *communication = json_array_new ();

  if (preferred != NULL)
    g_strv_builder_add (all, preferred);
  g_strv_builder_addv (all, (const char **) spoken);
  languages = g_strv_builder_end (all);

  for (guint i = 0; languages[i] != NULL; i++)
    {
      g_autofree char *tag = language_tag (languages[i]);
      JsonObject *entry;

      if (tag == NULL)
        {
          g_string_append (extra, "<p><b>language</b>: ");
          append_escaped (extra, languages[i]);
          g_string_append (extra, "</p>");
          continue;
        }
      if (g_hash_table_contains (seen, tag))
        continue;

      entry = json_object_new ();
      json_object_set_object_member (entry, "language", coded ("urn:ietf:bcp:47", tag, NULL, languages[i]));
      if (g_strcmp0 (tag, preferred_tag) == 0)
        json_object_set_boolean_member (entry, "preferred", TRUE);
      json_array_add_object_element (communication, entry);
      g_hash_table_add (seen, g_steal_pointer (&tag));
    }

  if (json_array_get_length (communication) > 0)
    json_object_set_array_member (resource, "communication", communication);
  else
    json_array_unref (communication);
}

static JsonObject *
build_patient (CartaCase  *kase,
               const char *patient_id,
               const char *case_urn)
{
  CartaPatient *patient = carta_case_get_patient (kase);
  JsonObject *resource = json_object_new ();
  const char *name = carta_patient_get_name (patient);
  const char *contact = carta_patient_get_contact (patient);
  const char *country = carta_patient_get_country (patient);
  g_autofree char *family = _carta_bundle_get_text (patient, "family-name");
  g_autofree char *given = _carta_bundle_get_text (patient, "given-name");
  const char *other_names = carta_patient_get_other_names (patient);
  g_autoptr(GString) unknown_languages = g_string_new (NULL);

  json_object_set_string_member (resource, "resourceType", "Patient");
  json_object_set_string_member (resource, "id", patient_id);
  set_profile (resource, IPS_PROFILE ("Patient"));

  /* The case, which is the same patient in every export. */
  {
    JsonArray *identifiers = json_array_new ();
    JsonObject *identifier = json_object_new ();

    json_object_set_string_member (identifier, "system", "urn:ietf:rfc:3986");
    json_object_set_string_member (identifier, "value", case_urn);
    json_array_add_object_element (identifiers, identifier);
    json_object_set_array_member (resource, "identifier", identifiers);
  }

  {
    JsonArray *names = json_array_new ();
    JsonObject *human = json_object_new ();

    json_object_set_string_member (human, "use", "official");
    set_text (human, "text", name);
    set_text (human, "family", family);
    if (given != NULL)
      {
        JsonArray *givens = json_array_new ();
        json_array_add_string_element (givens, given);
        json_object_set_array_member (human, "given", givens);
      }
    /* The IPS requires a name: one not given is marked unknown. */
    if (name == NULL && family == NULL && given == NULL)
      set_absent (human, "text");
    json_array_add_object_element (names, human);
    if (other_names != NULL)
      {
        JsonObject *other = json_object_new ();

        json_object_set_string_member (other, "use", "usual");
        json_object_set_string_member (other, "text", other_names);
        json_array_add_object_element (names, other);
      }
    json_object_set_array_member (resource, "name", names);
  }

  set_text (resource, "gender", fhir_gender (carta_patient_get_sex (patient)));
  if (carta_date_parse (carta_patient_get_date_of_birth (patient), NULL, NULL))
    json_object_set_string_member (resource, "birthDate", carta_patient_get_date_of_birth (patient));
  else
    set_absent (resource, "birthDate");

  if (contact != NULL)
    {
      JsonArray *telecom = json_array_new ();
      JsonObject *point = json_object_new ();

      json_object_set_string_member (point, "system", strchr (contact, '@') ? "email" : "other");
      json_object_set_string_member (point, "value", contact);
      json_array_add_object_element (telecom, point);
      json_object_set_array_member (resource, "telecom", telecom);
    }

  if (country != NULL)
    {
      JsonArray *addresses = json_array_new ();
      JsonObject *address = json_object_new ();

      json_object_set_string_member (address, "country", country);
      json_array_add_object_element (addresses, address);
      json_object_set_array_member (resource, "address", addresses);
    }

  add_communication (resource, patient, unknown_languages);
  add_patient_contacts (resource, kase);

  set_generated_narrative (resource, unknown_languages->str);

  return resource;
}

/* The diseases Carta lists, in SNOMED CT and ICD-10 (WHO), where each
 * code was checked; a disease with neither is coded by its text only.
 * CLL/SLL and T-ALL/LBL name two forms that the code systems code apart. */
static void
add_disease_codes (JsonObject   *concept,
                   CartaDisease  disease)
{
  static const struct { CartaDisease disease; const char *snomed; const char *icd10; } codes[] = {
    { CARTA_DISEASE_B_ALL, NULL, "C91.0" },
    { CARTA_DISEASE_AML, "91861009", "C92.0" },
    { CARTA_DISEASE_DLBCL, "109969005", "C83.3" },
    { CARTA_DISEASE_FOLLICULAR_LYMPHOMA, "308121000", "C82.9" },
    { CARTA_DISEASE_MANTLE_CELL_LYMPHOMA, "443487006", "C83.1" },
    { CARTA_DISEASE_MULTIPLE_MYELOMA, "109989006", "C90.0" },
    { CARTA_DISEASE_PLASMA_CELL_LEUKAEMIA, NULL, "C90.1" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
    if (codes[i].disease == disease)
      {
        JsonArray *codings = json_array_new ();

        if (codes[i].snomed != NULL)
          json_array_add_object_element (codings, coding (SNOMED, codes[i].snomed, NULL));
        json_array_add_object_element (codings, coding (ICD10, codes[i].icd10, NULL));
        json_object_set_array_member (concept, "coding", codings);
      }
}

static JsonObject *
build_condition (CartaCase  *kase,
                 const char *condition_id,
                 const char *patient_id)
{
  CartaDiagnosis *diagnosis = carta_case_get_diagnosis (kase);
  g_autofree char *text = _carta_bundle_diagnosis_text (kase);
  CartaDiseaseState state = carta_diagnosis_get_state (diagnosis);
  JsonObject *resource;
  JsonObject *code;

  if (text == NULL)
    return NULL;

  resource = json_object_new ();
  json_object_set_string_member (resource, "resourceType", "Condition");
  json_object_set_string_member (resource, "id", condition_id);
  set_profile (resource, IPS_PROFILE ("Condition"));

  if (state != CARTA_DISEASE_STATE_NOT_SET && state != CARTA_DISEASE_STATE_UNKNOWN)
    {
      const char *state_code = state == CARTA_DISEASE_STATE_RELAPSED ? "relapse"
                               : state == CARTA_DISEASE_STATE_IN_REMISSION ? "remission" : "active";

      json_object_set_object_member (resource, "clinicalStatus",
                                     coded ("http://terminology.hl7.org/CodeSystem/condition-clinical", state_code, NULL,
                                            carta_disease_state_to_label (state)));
    }

  /* The family's words stay the text; the codes say the same. */
  code = codeable_text (text);
  add_disease_codes (code, carta_diagnosis_get_disease (diagnosis));
  json_object_set_object_member (resource, "code", code);
  json_object_set_object_member (resource, "subject", reference (patient_id));
  set_text (resource, "onsetDateTime", carta_date_parse (carta_diagnosis_get_diagnosis_date (diagnosis), NULL, NULL)
                                       ? carta_diagnosis_get_diagnosis_date (diagnosis) : NULL);

  return resource;
}

/* The family's answer on allergies: each one they wrote, “no known
 * allergy” (SNOMED CT 716186003, as the IPS codes it), or nothing, when
 * the section says there is no information. */
static void
add_allergies (FhirDoc   *doc,
               CartaCase *kase)
{
  CartaClinicalStatus *status = carta_case_get_clinical_status (kase);
  CartaAllergyAnswer answer = carta_clinical_status_get_allergies_answer (status);
  const char *text = carta_clinical_status_get_allergies (status);
  JsonObject *resource;
  g_autofree char *id = NULL;

  if (answer != CARTA_ALLERGY_ANSWER_NONE_KNOWN && (text == NULL || answer == CARTA_ALLERGY_ANSWER_UNKNOWN))
    return;

  id = stable_uuid (doc->case_urn, "allergy-intolerance");
  resource = json_object_new ();
  json_object_set_string_member (resource, "resourceType", "AllergyIntolerance");
  json_object_set_string_member (resource, "id", id);
  set_profile (resource, IPS_PROFILE ("AllergyIntolerance"));
  json_object_set_object_member (resource, "clinicalStatus",
                                 coded ("http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical", "active", NULL, NULL));
  if (answer == CARTA_ALLERGY_ANSWER_NONE_KNOWN)
    json_object_set_object_member (resource, "code", coded (SNOMED, "716186003", "No known allergy", "No known allergy"));
  else
    json_object_set_object_member (resource, "code", codeable_text (text));
  json_object_set_object_member (resource, "patient", reference (doc->patient_id));
  add_entry (doc, SECTION_ALLERGIES, id, resource);
}

/* What the patient takes now, as the family wrote it: one statement. */
static void
add_medication (FhirDoc   *doc,
                CartaCase *kase)
{
  const char *text = carta_clinical_status_get_medication (carta_case_get_clinical_status (kase));
  g_autofree char *id = NULL;
  JsonObject *resource;

  if (text == NULL)
    return;

  id = stable_uuid (doc->case_urn, "medication-statement");
  resource = json_object_new ();
  json_object_set_string_member (resource, "resourceType", "MedicationStatement");
  json_object_set_string_member (resource, "id", id);
  set_profile (resource, IPS_PROFILE ("MedicationStatement"));
  json_object_set_string_member (resource, "status", "active");
  json_object_set_object_member (resource, "medicationCodeableConcept", codeable_text (text));
  json_object_set_object_member (resource, "subject", reference (doc->patient_id));
  set_absent (resource, "effectiveDateTime");
  add_entry (doc, SECTION_MEDICATIONS, id, resource);
}

/* One treatment the patient had, as an IPS Procedure. */
static void
add_procedure (FhirDoc    *doc,
               const char *key,
               const char *what,
               const char *start,
               const char *end,
               const char *outcome,
               const char *notes)
{
  g_autofree char *id = stable_uuid (doc->case_urn, key);
  JsonObject *resource = json_object_new ();
  gboolean has_start = carta_date_parse (start, NULL, NULL);
  gboolean has_end = carta_date_parse (end, NULL, NULL);

  json_object_set_string_member (resource, "resourceType", "Procedure");
  json_object_set_string_member (resource, "id", id);
  set_profile (resource, IPS_PROFILE ("Procedure"));
  /* A treatment with no end may still go on: its state is not known. */
  json_object_set_string_member (resource, "status", has_end || end == start ? "completed" : "unknown");
  json_object_set_object_member (resource, "code", codeable_text (what));
  json_object_set_object_member (resource, "subject", reference (doc->patient_id));
  if (has_start && has_end && start != end)
    {
      JsonObject *period = json_object_new ();

      json_object_set_string_member (period, "start", start);
      json_object_set_string_member (period, "end", end);
      json_object_set_object_member (resource, "performedPeriod", period);
    }
  else if (has_start)
    json_object_set_string_member (resource, "performedDateTime", start);
  else
    set_absent (resource, "performedDateTime");
  if (outcome != NULL)
    json_object_set_object_member (resource, "outcome", codeable_text (outcome));
  if (notes != NULL)
    json_object_set_array_member (resource, "note", translated_text ("text", notes, NULL, NULL, NULL));
  add_entry (doc, SECTION_PROCEDURES, id, resource);
}

/* Lines of therapy, transplants and earlier CAR-T, in the order the Case
 * page lists them. */
static void
add_procedures (FhirDoc   *doc,
                CartaCase *kase)
{
  CartaTreatmentHistory *history = carta_case_get_treatment (kase);
  GListModel *lines = carta_treatment_history_get_lines (history);
  GListModel *transplants = carta_treatment_history_get_transplants (history);
  GListModel *carts = carta_treatment_history_get_prior_carts (history);

  for (guint i = 0; i < g_list_model_get_n_items (lines); i++)
    {
      g_autoptr(CartaTherapyLine) line = g_list_model_get_item (lines, i);
      g_autofree char *key = g_strdup_printf ("procedure#line#%u", i);
      const char *regimen = carta_therapy_line_get_regimen (line);
      g_autofree char *what = g_strdup_printf ("Line %u of therapy%s%s", i + 1, regimen ? ": " : "", regimen ? regimen : "");
      CartaResponse response = carta_therapy_line_get_best_response (line);
      g_autofree char *outcome = response ? g_strdup_printf ("Best response: %s", carta_response_to_label (response)) : NULL;

      add_procedure (doc, key, what, carta_therapy_line_get_start_date (line), carta_therapy_line_get_end_date (line),
                     outcome, carta_therapy_line_get_notes (line));
    }

  for (guint i = 0; i < g_list_model_get_n_items (transplants); i++)
    {
      g_autoptr(CartaTransplant) transplant = g_list_model_get_item (transplants, i);
      g_autofree char *key = g_strdup_printf ("procedure#transplant#%u", i);
      CartaTransplantType kind = carta_transplant_get_kind (transplant);
      g_autofree char *what = g_strdup_printf ("Stem cell transplant%s%s", kind ? ": " : "",
                                               kind ? carta_transplant_type_to_label (kind) : "");
      CartaGvhdGrade gvhd = carta_transplant_get_gvhd_grade (transplant);
      g_autofree char *outcome = gvhd ? g_strdup_printf ("Acute GVHD: %s", carta_gvhd_grade_to_label (gvhd)) : NULL;
      const char *date = carta_transplant_get_date (transplant);

      add_procedure (doc, key, what, date, date, outcome, carta_transplant_get_notes (transplant));
    }

  for (guint i = 0; i < g_list_model_get_n_items (carts); i++)
    {
      g_autoptr(CartaPriorCart) cart = g_list_model_get_item (carts, i);
      g_autofree char *key = g_strdup_printf ("procedure#prior-car-t#%u", i);
      const char *product = carta_prior_cart_get_product (cart);
      g_autofree char *what = g_strdup_printf ("CAR-T or CAR-NK cell therapy%s%s", product ? ": " : "", product ? product : "");
      CartaResponse response = carta_prior_cart_get_response (cart);
      g_autofree char *outcome = response ? g_strdup_printf ("Response: %s", carta_response_to_label (response)) : NULL;
      const char *date = carta_prior_cart_get_date (cart);

      add_procedure (doc, key, what, date, date, outcome, carta_prior_cart_get_notes (cart));
    }
}

/* The LOINC document code of a checklist record, where one fits every
 * document the record asks for (codes checked: bundle-format.md). */
static JsonObject *
document_type (CartaBundleDoc *doc)
{
  static const struct { const char *keys[14]; const char *code; const char *display; } types[] = {
    { { "pathology-report", "bone-marrow-report", NULL }, "11526-1", "Pathology study" },
    { { "imaging-reports", "imaging-images", NULL }, "18748-4", "Diagnostic imaging study" },
    { { "discharge-summaries", NULL }, "18842-5", "Discharge summary" },
    { { "immunophenotyping", "cytogenetics-molecular", "target-antigen-expression", "mrd-result", "myeloma-protein",
        "blood-tests", "coagulation", "infection-serology", "viral-pcr", "pregnancy-test", "hla-typing",
        "donor-specific-antibodies", NULL }, "11502-2", "Laboratory report" },
  };

  for (guint i = 0; doc->template_key != NULL && i < G_N_ELEMENTS (types); i++)
    for (guint j = 0; types[i].keys[j] != NULL; j++)
      if (g_str_equal (doc->template_key, types[i].keys[j]))
        return coded (LOINC, types[i].code, types[i].display, doc->item_title);

  return codeable_text (doc->item_title);
}

static JsonObject *
build_document_reference (CartaBundleDoc *doc,
                          const char     *patient_id,
                          GDateTime      *when)
{
  JsonObject *resource = json_object_new ();
  JsonObject *attachment = json_object_new ();
  JsonObject *content = json_object_new ();
  JsonArray *contents = json_array_new ();
  JsonArray *categories = json_array_new ();
  JsonArray *identifiers = json_array_new ();
  JsonObject *identifier = json_object_new ();
  g_autofree char *urn = g_strconcat ("urn:uuid:", doc->attachment_id, NULL);
  g_autofree char *date = iso_instant (doc->added ? doc->added : when);
  g_autofree char *url = g_uri_escape_string (doc->bag_path, "/", FALSE);
  CartaChecklistTemplate *template = carta_checklist_template_get_default ();

  json_object_set_string_member (resource, "resourceType", "DocumentReference");
  json_object_set_string_member (resource, "id", doc->attachment_id);

  json_object_set_string_member (identifier, "system", "urn:ietf:rfc:3986");
  json_object_set_string_member (identifier, "value", urn);
  json_array_add_object_element (identifiers, identifier);
  json_object_set_array_member (resource, "identifier", identifiers);

  json_object_set_string_member (resource, "status", "current");
  json_object_set_object_member (resource, "type", document_type (doc));
  /* The checklist's category by its title, as the summary shows it. */
  json_array_add_object_element (categories,
                                 codeable_text (*doc->category ? carta_checklist_template_get_category_title (template, doc->category)
                                                               : "Other"));
  json_object_set_array_member (resource, "category", categories);
  json_object_set_object_member (resource, "subject", reference (patient_id));
  json_object_set_string_member (resource, "date", date);
  json_object_set_string_member (resource, "description", doc->original_name);

  json_object_set_string_member (attachment, "contentType",
                                 doc->content_type ? doc->content_type : "application/octet-stream");
  /* A relative URL: it resolves against this file's own location, data/,
   * as any URL in a file does (RFC 3986, section 5). */
  json_object_set_string_member (attachment, "url", url);
  json_object_set_int_member (attachment, "size", (gint64)doc->size);
  /* R4 defines Attachment.hash as the base64 SHA-1 of the data. */
  json_object_set_string_member (attachment, "hash", doc->sha1_base64);
  json_object_set_string_member (attachment, "title", doc->original_name);
  set_text (attachment, "creation", carta_date_parse (doc->document_date, NULL, NULL) ? doc->document_date : NULL);

  json_object_set_object_member (content, "attachment", attachment);
  json_array_add_object_element (contents, content);
  json_object_set_array_member (resource, "content", contents);

  return resource;
}

/* A DICOM UID: digits and dots, at most 64 (FHIR's id and oid alike). */
static gboolean
is_dicom_uid (const char *uid)
{
  gsize length = uid ? strlen (uid) : 0;

  if (length == 0 || length > 64 || uid[0] == '.' || uid[length - 1] == '.')
    return FALSE;
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isdigit (uid[i]) && uid[i] != '.')
      return FALSE;
  return TRUE;
}

/* A DICOM modality code (CT, MR, PT…): DICOM's own code system. */
static JsonObject *
modality_coding (const char *modality)
{
  if (modality == NULL || !*modality || strlen (modality) > 16 ||
      strspn (modality, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_") != strlen (modality))
    return NULL;
  return coding ("http://dicom.nema.org/resources/ontology/DCM", modality, NULL);
}

/* One ImagingStudy per study of an imaging disc, from the DICOM summary
 * the case keeps; the disc's DocumentReference refers to each. */
static void
add_imaging_studies (FhirDoc        *doc,
                     CartaBundleDoc *disc,
                     JsonObject     *document)
{
  CartaDicomSummary *summary = disc->attachment ? carta_attachment_get_dicom_summary (disc->attachment) : NULL;
  JsonArray *related;

  if (summary == NULL || summary->studies->len == 0)
    return;

  related = json_array_new ();
  for (guint i = 0; i < summary->studies->len; i++)
    {
      CartaDicomStudy *study = g_ptr_array_index (summary->studies, i);
      g_autofree char *key = g_strdup_printf ("imaging-study#%s#%u", disc->attachment_id, i);
      g_autofree char *id = stable_uuid (doc->case_urn, key);
      JsonObject *resource = json_object_new ();
      JsonArray *modalities = json_array_new ();
      JsonArray *series = json_array_new ();
      guint n_instances = 0;

      json_object_set_string_member (resource, "resourceType", "ImagingStudy");
      json_object_set_string_member (resource, "id", id);
      set_profile (resource, IPS_PROFILE ("ImagingStudy"));
      if (is_dicom_uid (study->uid))
        {
          JsonArray *identifiers = json_array_new ();
          JsonObject *identifier = json_object_new ();
          g_autofree char *oid = g_strconcat ("urn:oid:", study->uid, NULL);

          json_object_set_string_member (identifier, "system", "urn:dicom:uid");
          json_object_set_string_member (identifier, "value", oid);
          json_array_add_object_element (identifiers, identifier);
          json_object_set_array_member (resource, "identifier", identifiers);
        }
      json_object_set_string_member (resource, "status", "available");
      for (guint j = 0; study->modalities != NULL && study->modalities[j] != NULL; j++)
        {
          JsonObject *modality = modality_coding (study->modalities[j]);
          if (modality != NULL)
            json_array_add_object_element (modalities, modality);
        }
      if (json_array_get_length (modalities) > 0)
        json_object_set_array_member (resource, "modality", modalities);
      else
        json_array_unref (modalities);
      json_object_set_object_member (resource, "subject", reference (doc->patient_id));
      if (carta_date_parse (study->date, NULL, NULL))
        json_object_set_string_member (resource, "started", study->date);
      set_text (resource, "description", study->description);

      for (guint j = 0; j < study->series->len; j++)
        {
          CartaDicomSeries *one = g_ptr_array_index (study->series, j);
          JsonObject *object;
          JsonObject *modality;
          guint64 number;

          /* A series is known by its UID: one without a valid UID is left out. */
          if (!is_dicom_uid (one->uid))
            continue;
          object = json_object_new ();
          json_object_set_string_member (object, "uid", one->uid);
          if (one->number && g_ascii_string_to_unsigned (one->number, 10, 0, G_MAXINT32, &number, NULL))
            json_object_set_int_member (object, "number", (gint64) number);
          if ((modality = modality_coding (one->modality)))
            json_object_set_object_member (object, "modality", modality);
          else  /* R4 requires a series' modality. */
            json_object_set_object_member (object, "modality", absent_element ());
          set_text (object, "description", one->description);
          json_object_set_int_member (object, "numberOfInstances", one->n_images);
          n_instances += one->n_images;
          json_array_add_object_element (series, object);
        }
      json_object_set_int_member (resource, "numberOfSeries", json_array_get_length (series));
      json_object_set_int_member (resource, "numberOfInstances", n_instances);
      if (json_array_get_length (series) > 0)
        json_object_set_array_member (resource, "series", series);
      else
        json_array_unref (series);

      json_array_add_object_element (related, reference (id));
      add_entry (doc, SECTION_IMAGING, id, resource);
    }

  {
    JsonObject *context = json_object_new ();

    json_object_set_array_member (context, "related", related);
    json_object_set_object_member (document, "context", context);
  }
}

static const char *
english_cb (const char *msgid,
            gpointer    user_data)
{
  return msgid;
}

/* One part of a complex extension; none when @value is NULL. */
static void
add_part (JsonArray  *parts,
          const char *url,
          const char *type,
          const char *value)
{
  if (value != NULL)
    {
      JsonObject *part = json_object_new ();

      json_object_set_string_member (part, "url", url);
      json_object_set_string_member (part, type, value);
      json_array_add_object_element (parts, part);
    }
}

/* Whether an imaging disc is the patient's, when there is anything to
 * say: a Carta extension a reader may not know, so the same words also go
 * in the description, which every reader shows. In English, as the rest
 * of the resource's fixed text. */
static void
add_identity_check (JsonObject      *resource,
                    CartaBundleDoc  *doc,
                    CartaPatient    *patient)
{
  g_autoptr(CartaIdentityCheck) check = NULL;
  static const char *codes[] = { "matches", "not-checked", "differs", "confirmed-by-family" };
  g_autofree char *text = NULL;
  g_autofree char *description = NULL;
  JsonObject *extension;
  JsonArray *parts;
  JsonArray *extensions;

  if (doc->role != CARTA_BUNDLE_DOC_DISC_MANIFEST || doc->attachment == NULL ||
      !(check = carta_identity_check_attachment (doc->attachment, patient)) ||
      check->status == CARTA_IDENTITY_MATCHES)
    return;

  text = carta_identity_check_describe (check, english_cb, NULL);
  description = g_strdup_printf ("%s — %s. %s", doc->original_name,
                                 carta_identity_check_get_title (check, english_cb, NULL), text);
  json_object_set_string_member (resource, "description", description);

  parts = json_array_new ();
  add_part (parts, "status", "valueCode", codes[check->status]);
  add_part (parts, "text", "valueString", text);
  add_part (parts, "discPatientName", "valueString", check->disc_name);

  extension = json_object_new ();
  json_object_set_string_member (extension, "url", CARTA_FHIR_IDENTITY_EXTENSION);
  json_object_set_array_member (extension, "extension", parts);
  extensions = json_array_new ();
  json_array_add_object_element (extensions, extension);
  json_object_set_array_member (resource, "extension", extensions);
}

/* The LOINC code of a result, if its kind and unit give exactly one. */
static const char *
lab_loinc (CartaLabResult *lab)
{
  CartaLabKind kind = carta_lab_result_get_kind (lab);
  const char *unit = carta_lab_result_get_unit (lab);
  double value, mg_dl;

  if (kind == CARTA_LAB_KIND_CREATININE && unit != NULL && carta_parse_number (carta_lab_result_get_value (lab), &value) &&
      carta_creatinine_to_mg_dl (value, unit, &mg_dl))
    /* Creatinine [Moles/volume] or [Mass/volume] in Serum or Plasma. */
    return g_ascii_strncasecmp (unit, "mg", 2) == 0 ? "2160-0" : "14682-9";

  return carta_lab_kind_get_info (kind)->loinc;
}

static JsonObject *
observation_code (const char *text,
                  const char *loinc)
{
  JsonObject *concept = codeable_text (text);

  if (loinc != NULL)
    {
      JsonArray *codings = json_array_new ();
      JsonObject *coding = json_object_new ();

      json_object_set_string_member (coding, "system", "http://loinc.org");
      json_object_set_string_member (coding, "code", loinc);
      json_array_add_object_element (codings, coding);
      json_object_set_array_member (concept, "coding", codings);
    }

  return concept;
}

/* A FHIR dateTime is a year, year-month or full date: the profile's
 * dates are one of these once they parse. */
static void
set_effective (JsonObject *resource,
               const char *date)
{
  if (carta_date_parse (date, NULL, NULL))
    json_object_set_string_member (resource, "effectiveDateTime", date);
}

static JsonObject *
new_observation (const char *id,
                 const char *patient_id,
                 const char *text,
                 const char *loinc)
{
  JsonObject *resource = json_object_new ();

  json_object_set_string_member (resource, "resourceType", "Observation");
  json_object_set_string_member (resource, "id", id);
  json_object_set_string_member (resource, "status", "final");
  json_object_set_object_member (resource, "code", observation_code (text, loinc));
  json_object_set_object_member (resource, "subject", reference (patient_id));

  return resource;
}

static void
add_observation (FhirDoc     *sink,
                 FhirSection  section,
                 const char  *key,
                 JsonObject  *resource)
{
  g_autofree char *id = stable_uuid (sink->case_urn, key);

  json_object_set_string_member (resource, "id", id);
  add_entry (sink, section, id, resource);
}

/* A screening answer, such as “Yes” or “CNS2”, by its text. */
static void
add_answer (FhirDoc     *sink,
            FhirSection  section,
            const char  *key,
            const char  *question,
            const char  *answer,
            const char  *date)
{
  JsonObject *resource;

  if (answer == NULL)
    return;

  resource = new_observation ("", sink->patient_id, question, NULL);
  json_object_set_object_member (resource, "valueCodeableConcept", codeable_text (answer));
  set_effective (resource, date);
  add_observation (sink, section, key, resource);
}

/* The UCUM code of a unit as Carta's lab kinds write it, where it has
 * one; %NULL for any other unit, which stays as written only. */
static const char *
ucum_code (const char *unit)
{
  static const struct { const char *unit; const char *ucum; } units[] = {
    { "µmol/L", "umol/L" }, { "umol/L", "umol/L" }, { "mmol/L", "mmol/L" }, { "mg/dL", "mg/dL" },
    { "U/L", "U/L" }, { "g/L", "g/L" }, { "g/dL", "g/dL" }, { "mg/L", "mg/L" },
    { "10⁹/L", "10*9/L" }, { "10^9/L", "10*9/L" }, { "%", "%" }, { "s", "s" }, { "ms", "ms" },
    { "IU/mL", "[IU]/mL" }, { "copies/mL", "{copies}/mL" }, { "mg/24 h", "mg/(24.h)" }, { "mL/min", "mL/min" },
  };

  for (guint i = 0; unit != NULL && i < G_N_ELEMENTS (units); i++)
    if (g_str_equal (unit, units[i].unit))
      return units[i].ucum;
  return NULL;
}

static JsonObject *
quantity (double      value,
          const char *unit)
{
  JsonObject *object = json_object_new ();
  const char *ucum = ucum_code (unit);

  json_object_set_double_member (object, "value", value);
  set_text (object, "unit", unit);
  if (ucum != NULL)
    {
      json_object_set_string_member (object, "system", UCUM);
      json_object_set_string_member (object, "code", ucum);
    }
  return object;
}

/* A test result, as the IPS's laboratory result: who did the test is not
 * in the case, and neither is its date at times; both are marked unknown. */
static void
add_lab (FhirDoc        *sink,
         CartaLabResult *lab,
         guint           index)
{
  const char *name = carta_lab_result_get_display_name (lab);
  const char *value = carta_lab_result_get_value (lab);
  const char *unit = carta_lab_result_get_unit (lab);
  const char *method = carta_lab_result_get_method (lab);
  g_autofree char *key = g_strdup_printf ("observation#lab#%u", index);
  JsonObject *resource;
  JsonArray *categories;
  JsonArray *performers;
  double number;

  if (name == NULL || value == NULL)
    return;

  resource = new_observation ("", sink->patient_id, name, lab_loinc (lab));
  set_profile (resource, IPS_PROFILE ("Observation-results-laboratory-pathology"));
  categories = json_array_new ();
  json_array_add_object_element (categories, coded ("http://terminology.hl7.org/CodeSystem/observation-category",
                                                    "laboratory", "Laboratory", NULL));
  json_object_set_array_member (resource, "category", categories);
  set_effective (resource, carta_lab_result_get_date (lab));
  if (!json_object_has_member (resource, "effectiveDateTime"))
    set_absent (resource, "effectiveDateTime");
  performers = json_array_new ();
  json_array_add_object_element (performers, absent_element ());
  json_object_set_array_member (resource, "performer", performers);

  if (carta_lab_kind_get_info (carta_lab_result_get_kind (lab))->numeric && carta_parse_number (value, &number))
    json_object_set_object_member (resource, "valueQuantity", quantity (number, unit));
  else
    {
      g_autofree char *text = unit ? g_strdup_printf ("%s %s", value, unit) : g_strdup (value);
      json_object_set_string_member (resource, "valueString", text);
    }

  if (method != NULL)
    json_object_set_object_member (resource, "method", codeable_text (method));

  add_observation (sink, SECTION_RESULTS, key, resource);
}

/* ECOG as LOINC 89247-1 with its grade, and the other scores by text, for
 * the assessment that the functional status section lists. */
static void
add_functional_status (FhirDoc             *sink,
                       CartaClinicalStatus *status)
{
  int ecog = carta_clinical_status_get_ecog (status);

  if (ecog >= 0 && ecog <= 5)
    {
      JsonObject *resource = new_observation ("", sink->patient_id, _("ECOG performance status"), NULL);

      json_object_set_object_member (resource, "code",
                                     coded (LOINC, "89247-1", "ECOG Performance Status score", _("ECOG performance status")));
      json_object_set_int_member (resource, "valueInteger", ecog);
      add_observation (sink, SECTION_FUNCTIONAL_ITEM, "observation#ecog", resource);
    }
  else if (ecog >= 0)
    {
      g_autofree char *grade = g_strdup_printf ("%d", ecog);
      add_answer (sink, SECTION_FUNCTIONAL_ITEM, "observation#ecog", _("ECOG performance status"), grade, NULL);
    }

  if (carta_clinical_status_get_karnofsky (status) >= 0)
    {
      g_autofree char *score = g_strdup_printf ("%d", carta_clinical_status_get_karnofsky (status));
      add_answer (sink, SECTION_FUNCTIONAL_ITEM, "observation#karnofsky", _("Karnofsky score"), score, NULL);
    }
  if (carta_clinical_status_get_lansky (status) >= 0)
    {
      g_autofree char *score = g_strdup_printf ("%d", carta_clinical_status_get_lansky (status));
      add_answer (sink, SECTION_FUNCTIONAL_ITEM, "observation#lansky", _("Lansky score"), score, NULL);
    }
  if (carta_clinical_status_get_nyha_class (status))
    add_answer (sink, SECTION_FUNCTIONAL_ITEM, "observation#nyha", _("Heart failure class (NYHA)"),
                carta_nyha_class_to_label (carta_clinical_status_get_nyha_class (status)), NULL);

  /* The IPS functional status section lists assessments: one holds these. */
  if (json_array_get_length (sink->functional_items) > 0)
    {
      g_autofree char *id = stable_uuid (sink->case_urn, "clinical-impression#functional-status");
      JsonObject *resource = json_object_new ();
      JsonArray *investigations = json_array_new ();
      JsonObject *investigation = json_object_new ();

      json_object_set_string_member (resource, "resourceType", "ClinicalImpression");
      json_object_set_string_member (resource, "id", id);
      json_object_set_string_member (resource, "status", "completed");
      json_object_set_object_member (resource, "code", codeable_text ("Functional status"));
      json_object_set_string_member (resource, "description", "Performance status and heart function, as reported by the family");
      json_object_set_object_member (resource, "subject", reference (sink->patient_id));
      json_object_set_object_member (investigation, "code", codeable_text ("Performance status scores"));
      json_object_set_array_member (investigation, "item", json_array_ref (sink->functional_items));
      json_array_add_object_element (investigations, investigation);
      json_object_set_array_member (resource, "investigation", investigations);
      add_entry (sink, SECTION_FUNCTIONAL, id, resource);
    }
}

static void
add_observations (CartaCase *kase,
                  FhirDoc   *sink)
{
  CartaDiagnosis *diagnosis = carta_case_get_diagnosis (kase);
  CartaClinicalStatus *status = carta_case_get_clinical_status (kase);
  CartaTreatmentHistory *history = carta_case_get_treatment (kase);
  GListModel *labs = carta_clinical_status_get_labs (status);
  const struct { const char *key; const char *question; CartaAnswer answer; } answers[] = {
    { "infection-active", N_("An infection is active now"), carta_clinical_status_get_infection_active (status) },
    { "solid-organ-transplant", N_("Had an organ transplant, such as a kidney"), carta_clinical_status_get_solid_organ_transplant (status) },
    { "autoimmune-disease", N_("Has an autoimmune disease"), carta_clinical_status_get_autoimmune_disease (status) },
    { "seizures", N_("Has had seizures (epilepsy)"), carta_clinical_status_get_seizures (status) },
    { "stroke", N_("Has had a stroke or bleeding in the brain"), carta_clinical_status_get_stroke (status) },
    { "other-cancer", N_("Had another cancer in the last five years"), carta_clinical_status_get_other_cancer (status) },
    { "transplant-planned", N_("A stem-cell transplant is planned after this treatment"), carta_treatment_history_get_transplant_planned (history) },
    { "donor-available", N_("A transplant donor has been found"), carta_treatment_history_get_donor_available (history) },
  };
  double clearance;

  for (guint i = 0; i < g_list_model_get_n_items (labs); i++)
    {
      g_autoptr(CartaLabResult) lab = g_list_model_get_item (labs, i);
      add_lab (sink, lab, i);
    }

  if (carta_case_estimate_creatinine_clearance (kase, &clearance, NULL))
    {
      JsonObject *resource = new_observation ("", sink->patient_id, _("Creatinine clearance, estimated"), NULL);

      json_object_set_object_member (resource, "valueQuantity", quantity (clearance, "mL/min"));
      json_object_set_object_member (resource, "method", codeable_text ("Cockcroft-Gault"));
      add_observation (sink, SECTION_RESULTS, "observation#creatinine-clearance", resource);
    }

  /* The target antigens, as a percentage of the cells, by their method. */
  {
    const struct { const char *key; const char *label; const char *value; } antigens[] = {
      { "observation#cd19-percent", N_("CD19 positive, in percent"), carta_diagnosis_get_cd19_percent (diagnosis) },
      { "observation#bcma-percent", N_("BCMA positive, in percent"), carta_diagnosis_get_bcma_percent (diagnosis) },
    };

    for (guint i = 0; i < G_N_ELEMENTS (antigens); i++)
      {
        JsonObject *resource;
        double percent;

        if (antigens[i].value == NULL)
          continue;
        resource = new_observation ("", sink->patient_id, _(antigens[i].label), NULL);
        if (carta_parse_number (antigens[i].value, &percent))
          json_object_set_object_member (resource, "valueQuantity", quantity (percent, "%"));
        else
          json_object_set_string_member (resource, "valueString", antigens[i].value);
        if (carta_diagnosis_get_antigen_method (diagnosis))
          json_object_set_object_member (resource, "method", codeable_text (carta_diagnosis_get_antigen_method (diagnosis)));
        set_effective (resource, carta_diagnosis_get_antigen_date (diagnosis));
        add_observation (sink, SECTION_RESULTS, antigens[i].key, resource);
      }
  }

  if (carta_diagnosis_get_cns_status (diagnosis))
    add_answer (sink, SECTION_RESULTS, "observation#cns-status", _("Disease in the brain or spinal cord (CNS)"),
                carta_cns_status_to_label (carta_diagnosis_get_cns_status (diagnosis)),
                carta_diagnosis_get_lumbar_puncture_date (diagnosis));
  add_answer (sink, SECTION_RESULTS, "observation#lumbar-puncture", _("Lumbar puncture"),
              carta_diagnosis_get_lumbar_puncture_result (diagnosis),
              carta_diagnosis_get_lumbar_puncture_date (diagnosis));
  add_answer (sink, SECTION_RESULTS, "observation#brain-mri", _("Brain MRI"),
              carta_diagnosis_get_brain_mri_result (diagnosis),
              carta_diagnosis_get_brain_mri_date (diagnosis));

  add_functional_status (sink, status);

  for (guint i = 0; i < G_N_ELEMENTS (answers); i++)
    {
      g_autofree char *key = g_strconcat ("observation#", answers[i].key, NULL);

      if (answers[i].answer)
        add_answer (sink, SECTION_FAMILY, key, _(answers[i].question), carta_answer_to_label (answers[i].answer), NULL);
    }

  for (guint i = 0; i < g_list_model_get_n_items (carta_treatment_history_get_transplants (history)); i++)
    {
      g_autoptr(CartaTransplant) transplant = g_list_model_get_item (carta_treatment_history_get_transplants (history), i);
      const char *date = carta_transplant_get_date (transplant);
      const struct { const char *key; const char *question; CartaAnswer answer; } details[] = {
        { "chronic-gvhd", N_("Chronic GVHD"), carta_transplant_get_chronic_gvhd (transplant) },
        { "gvhd-active", N_("GVHD active now"), carta_transplant_get_gvhd_active (transplant) },
        { "immunosuppressants", N_("Takes immunosuppressants now"), carta_transplant_get_immunosuppressants (transplant) },
      };

      if (carta_transplant_get_donor_type (transplant))
        {
          g_autofree char *key = g_strdup_printf ("observation#transplant#%u#donor-type", i);
          add_answer (sink, SECTION_FAMILY, key, _("Donor"), carta_donor_type_to_label (carta_transplant_get_donor_type (transplant)), date);
        }
      for (guint j = 0; j < G_N_ELEMENTS (details); j++)
        if (details[j].answer)
          {
            g_autofree char *key = g_strdup_printf ("observation#transplant#%u#%s", i, details[j].key);
            add_answer (sink, SECTION_FAMILY, key, _(details[j].question), carta_answer_to_label (details[j].answer), date);
          }
    }

  for (guint i = 0; i < g_list_model_get_n_items (carta_treatment_history_get_prior_carts (history)); i++)
    {
      g_autoptr(CartaPriorCart) cart = g_list_model_get_item (carta_treatment_history_get_prior_carts (history), i);
      g_autofree char *target_key = g_strdup_printf ("observation#prior-car-t#%u#target", i);
      g_autofree char *cells_key = g_strdup_printf ("observation#prior-car-t#%u#cells", i);

      add_answer (sink, SECTION_FAMILY, target_key, _("Target, such as CD19 or CD7"), carta_prior_cart_get_target (cart),
                  carta_prior_cart_get_date (cart));
      if (carta_prior_cart_get_cell_source (cart))
        add_answer (sink, SECTION_FAMILY, cells_key, _("Cells"), carta_transplant_type_to_label (carta_prior_cart_get_cell_source (cart)),
                    carta_prior_cart_get_date (cart));
    }

  /* A washout date is when the treatment was last given. */
  for (guint i = 0; i < carta_clinical_status_get_n_washouts (); i++)
    {
      const char *date = carta_clinical_status_get_washout_date (status, i);
      g_autofree char *key = g_strconcat ("observation#", carta_clinical_status_get_washout_property (i), NULL);
      JsonObject *resource;

      if (!carta_date_parse (date, NULL, NULL))
        continue;

      resource = new_observation ("", sink->patient_id, _(carta_clinical_status_get_washout_title (i)), NULL);
      json_object_set_string_member (resource, "valueDateTime", date);
      add_observation (sink, SECTION_FAMILY, key, resource);
    }
}

/* The family's own versions of @member's text in other languages, as
 * R4's translation extension on the string (`_text` beside `text`).
 * Takes @languages; @get gives the version in each. */
static void
set_translations (JsonObject        *object,
                  const char        *member,
                  GStrv              languages,
                  TranslationGetter  get,
                  gpointer           owner)
{
  g_autofree char *shadow = g_strconcat ("_", member, NULL);
  g_auto(GStrv) owned G_GNUC_UNUSED = languages;
  JsonArray *extensions;
  JsonObject *element;

  if (languages == NULL || languages[0] == NULL)
    return;

  extensions = json_array_new ();
  for (guint i = 0; languages[i] != NULL; i++)
    {
      JsonObject *extension = json_object_new ();
      JsonArray *parts = json_array_new ();
      JsonObject *lang = json_object_new ();
      JsonObject *content = json_object_new ();
      g_autofree char *tag = g_strdelimit (g_strdup (languages[i]), "_", '-');

      json_object_set_string_member (lang, "url", "lang");
      json_object_set_string_member (lang, "valueCode", tag);
      json_object_set_string_member (content, "url", "content");
      json_object_set_string_member (content, "valueString", get (owner, languages[i]));
      json_array_add_object_element (parts, lang);
      json_array_add_object_element (parts, content);
      json_object_set_string_member (extension, "url", "http://hl7.org/fhir/StructureDefinition/translation");
      json_object_set_array_member (extension, "extension", parts);
      json_array_add_object_element (extensions, extension);
    }

  element = json_object_new ();
  json_object_set_array_member (element, "extension", extensions);
  json_object_set_object_member (object, shadow, element);
}

/* [{"@member": @text}], with the family's versions of @text. */
static JsonArray *
translated_text (const char        *member,
                 const char        *text,
                 GStrv              languages,
                 TranslationGetter  get,
                 gpointer           owner)
{
  JsonArray *array = json_array_new ();
  JsonObject *element = json_object_new ();

  json_object_set_string_member (element, member, text);
  set_translations (element, member, languages, get, owner);
  json_array_add_object_element (array, element);
  return array;
}

static const char *
questions_translation (gpointer    kase,
                       const char *language)
{
  return carta_case_get_questions_translation (kase, language);
}

static const char *
notes_translation (gpointer    item,
                   const char *language)
{
  return carta_checklist_item_get_notes_translation (item, language);
}

/* The family's questions for the coordinators: a message from them, so a
 * Communication, with their own versions in other languages. */
static JsonObject *
build_questions (CartaCase  *kase,
                 const char *id,
                 const char *patient_id,
                 const char *timestamp)
{
  const char *questions = carta_case_get_questions (kase);
  JsonObject *resource;
  JsonArray *categories;

  if (questions == NULL)
    return NULL;

  resource = json_object_new ();
  categories = json_array_new ();
  json_object_set_string_member (resource, "resourceType", "Communication");
  json_object_set_string_member (resource, "id", id);
  json_object_set_string_member (resource, "status", "completed");
  json_array_add_object_element (categories, codeable_text ("Questions from the family"));
  json_object_set_array_member (resource, "category", categories);
  json_object_set_object_member (resource, "subject", reference (patient_id));
  json_object_set_string_member (resource, "sent", timestamp);
  json_object_set_array_member (resource, "payload",
                                translated_text ("contentString", questions, carta_case_dup_questions_languages (kase),
                                                 questions_translation, kase));

  return resource;
}

/* A checklist record: a List of its documents, with what the family
 * wrote about it as a note; a record with no document says why. */
static JsonObject *
build_record_list (CartaChecklistItem *item,
                   const char         *id,
                   const char         *patient_id,
                   GPtrArray          *docs)
{
  JsonObject *resource = json_object_new ();
  JsonArray *entries = json_array_new ();
  const char *notes = carta_checklist_item_get_notes (item);
  const char *category = carta_checklist_item_get_category (item);
  const char *status = carta_item_status_to_string (carta_checklist_item_get_status (item));
  GListModel *attachments = carta_checklist_item_get_attachments (item);

  json_object_set_string_member (resource, "resourceType", "List");
  json_object_set_string_member (resource, "id", id);
  json_object_set_string_member (resource, "status", "current");
  json_object_set_string_member (resource, "mode", "snapshot");
  json_object_set_string_member (resource, "title", _carta_bundle_item_title (item));
  json_object_set_object_member (resource, "code",
                                 codeable_text (category && *category
                                                ? carta_checklist_template_get_category_title (carta_checklist_template_get_default (), category)
                                                : "Other"));
  json_object_set_object_member (resource, "subject", reference (patient_id));
  set_text (resource, "date", carta_checklist_item_get_document_date (item));

  /* Each of its documents the bundle holds, by its DocumentReference. */
  for (guint i = 0; i < g_list_model_get_n_items (attachments); i++)
    {
      g_autoptr(CartaAttachment) attachment = g_list_model_get_item (attachments, i);
      const char *attachment_id = carta_attachment_get_id (attachment);

      for (guint j = 0; j < docs->len; j++)
        {
          CartaBundleDoc *doc = g_ptr_array_index (docs, j);
          JsonObject *entry;

          if (doc->role == CARTA_BUNDLE_DOC_DISC_FILE || g_strcmp0 (doc->attachment_id, attachment_id) != 0)
            continue;
          entry = json_object_new ();
          json_object_set_object_member (entry, "item", reference (attachment_id));
          json_array_add_object_element (entries, entry);
          break;
        }
    }

  /* The record's status ("needed", "requested", "not-applicable"…) says
   * why nothing is listed. */
  if (json_array_get_length (entries) > 0)
    json_object_set_array_member (resource, "entry", entries);
  else
    {
      json_array_unref (entries);
      json_object_set_object_member (resource, "emptyReason", codeable_text (status));
    }

  if (notes != NULL)
    json_object_set_array_member (resource, "note",
                                  translated_text ("text", notes, carta_checklist_item_dup_notes_languages (item),
                                                   notes_translation, item));

  return resource;
}

/* Stable ids for one case: two exports give the same Patient id. An RFC
 * 4122 version 5 UUID: the SHA-1 of the URL namespace and @seed#@what. */
static char *
stable_uuid (const char *seed,
             const char *what)
{
  /* 6ba7b811-9dad-11d1-80b4-00c04fd430c8, the URL namespace of RFC 4122. */
  static const guint8 url_namespace[16] = {
    0x6b, 0xa7, 0xb8, 0x11, 0x9d, 0xad, 0x11, 0xd1, 0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8,
  };
  g_autoptr(GChecksum) sha1 = g_checksum_new (G_CHECKSUM_SHA1);
  guint8 digest[20];
  gsize length = sizeof digest;

  g_checksum_update (sha1, url_namespace, sizeof url_namespace);
  g_checksum_update (sha1, (const guchar *) seed, -1);
  g_checksum_update (sha1, (const guchar *) "#", 1);
  g_checksum_update (sha1, (const guchar *) what, -1);
  g_checksum_get_digest (sha1, digest, &length);
  digest[6] = (digest[6] & 0x0f) | 0x50;  /* version 5 */
  digest[8] = (digest[8] & 0x3f) | 0x80;  /* the RFC 4122 variant */

  return g_strdup_printf ("%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x",
                          digest[0], digest[1], digest[2], digest[3], digest[4], digest[5], digest[6], digest[7],
                          digest[8], digest[9], digest[10], digest[11], digest[12], digest[13], digest[14], digest[15]);
}

/* Who prepared the summary: the case's first contact, the family member
 * Carta's bundles name in bag-info.txt too, as a RelatedPerson; Carta
 * itself, as a Device, when the case has no contact. */
static char *
add_author (FhirDoc   *doc,
            CartaCase *kase)
{
  GListModel *contacts = carta_case_get_contacts (kase);
  g_autoptr(CartaContact) contact = g_list_model_get_n_items (contacts) > 0 ? g_list_model_get_item (contacts, 0) : NULL;
  JsonObject *resource = json_object_new ();
  char *id;

  if (contact != NULL && carta_contact_get_name (contact) != NULL)
    {
      JsonArray *names = json_array_new ();
      JsonObject *name = json_object_new ();
      JsonArray *telecom = json_array_new ();
      const char *app = carta_contact_get_messaging_app (contact);
      const char *app_name = carta_contact_get_messaging_app_name (app);

      id = stable_uuid (doc->case_urn, "related-person#preparer");
      json_object_set_string_member (resource, "resourceType", "RelatedPerson");
      json_object_set_string_member (resource, "id", id);
      json_object_set_object_member (resource, "patient", reference (doc->patient_id));
      if (carta_contact_get_relation (contact) != NULL)
        {
          JsonArray *relationship = json_array_new ();

          json_array_add_object_element (relationship, codeable_text (carta_contact_get_relation (contact)));
          json_object_set_array_member (resource, "relationship", relationship);
        }
      json_object_set_string_member (name, "text", carta_contact_get_name (contact));
      json_array_add_object_element (names, name);
      json_object_set_array_member (resource, "name", names);
      add_contact_point (telecom, "phone", carta_contact_get_phone (contact), NULL);
      add_contact_point (telecom, "email", carta_contact_get_email (contact), NULL);
      add_contact_point (telecom, "other", carta_contact_get_messaging_id (contact), app_name ? app_name : "other");
      if (json_array_get_length (telecom) > 0)
        json_object_set_array_member (resource, "telecom", telecom);
      else
        json_array_unref (telecom);
    }
  else
    {
      JsonArray *names = json_array_new ();
      JsonObject *name = json_object_new ();

      id = stable_uuid (doc->case_urn, "device#carta");
      json_object_set_string_member (resource, "resourceType", "Device");
      json_object_set_string_member (resource, "id", id);
      json_object_set_string_member (name, "name", "Carta " PACKAGE_VERSION);
      json_object_set_string_member (name, "type", "user-friendly-name");
      json_array_add_object_element (names, name);
      json_object_set_array_member (resource, "deviceName", names);
    }

  add_entry (doc, SECTION_NONE, id, resource);
  return id;
}

/* The Composition's sections: the three the IPS requires, with its
 * "no information" answer when they list nothing, then those Carta has
 * entries for. Section codes are LOINC's, as the IPS fixes them. */
static JsonArray *
build_sections (FhirDoc   *doc,
                CartaCase *kase)
{
  static const struct
  {
    const char *code;
    const char *display;
    const char *title;
    const char *no_information;  /* required sections only */
  } sections[N_SECTIONS] = {
    [SECTION_PROBLEMS] = { "11450-4", "Problem list - Reported", "Problem list",
                           "There is no information available about the patient's health problems." },
    [SECTION_ALLERGIES] = { "48765-2", "Allergies and adverse reactions Document", "Allergies and intolerances",
                            "There is no information available regarding the patient's allergies." },
    [SECTION_MEDICATIONS] = { "10160-0", "History of Medication use Narrative", "Medication summary",
                              "There is no information available about the patient's medication use." },
    [SECTION_RESULTS] = { "30954-2", "Relevant diagnostic tests/laboratory data note", "Results", NULL },
    [SECTION_PROCEDURES] = { "47519-4", "History of Procedures Document", "History of procedures", NULL },
    [SECTION_FUNCTIONAL] = { "47420-5", "Functional status assessment note", "Functional status", NULL },
    [SECTION_IMAGING] = { "18748-4", "Diagnostic imaging study", "Imaging studies", NULL },
    [SECTION_FAMILY] = { "55188-7", "Patient data Document", "Records and answers from the family", NULL },
  };
  JsonArray *array = json_array_new ();

  for (guint i = 0; i < N_SECTIONS; i++)
    {
      JsonObject *section;
      g_autoptr(GString) body = g_string_new (NULL);
      gboolean empty = json_array_get_length (doc->refs[i]) == 0;

      if (empty && sections[i].no_information == NULL)
        continue;

      section = json_object_new ();
      json_object_set_string_member (section, "title", sections[i].title);
      json_object_set_object_member (section, "code", coded (LOINC, sections[i].code, sections[i].display, NULL));
      if (empty)
        {
          CartaAllergyAnswer answer = carta_clinical_status_get_allergies_answer (carta_case_get_clinical_status (kase));
          const char *said = sections[i].no_information;

          if (i == SECTION_ALLERGIES && answer == CARTA_ALLERGY_ANSWER_UNKNOWN)
            said = "The family does not know whether the patient has allergies.";
          g_string_append_printf (body, "<p>%s</p>", said);
          json_object_set_object_member (section, "emptyReason",
                                         coded ("http://terminology.hl7.org/CodeSystem/list-empty-reason", "unavailable",
                                                "Unavailable", "No information available"));
        }
      else
        {
          g_string_append_printf (body, "<ul>%s</ul>", doc->items[i]->str);
          json_object_set_array_member (section, "entry", json_array_ref (doc->refs[i]));
        }
      json_object_set_object_member (section, "text", narrative (body->str));
      json_array_add_object_element (array, section);
    }

  return array;
}

static JsonObject *
build_composition (FhirDoc    *doc,
                   CartaCase  *kase,
                   const char *id,
                   const char *author_id,
                   const char *timestamp)
{
  JsonObject *resource = json_object_new ();
  JsonArray *authors = json_array_new ();
  const char *name = carta_patient_get_name (carta_case_get_patient (kase));
  g_autofree char *title = name ? g_strdup_printf ("Patient summary: %s", name) : g_strdup ("Patient summary");
  g_autoptr(GString) body = g_string_new ("<p><b>");

  json_object_set_string_member (resource, "resourceType", "Composition");
  json_object_set_string_member (resource, "id", id);
  set_profile (resource, IPS_PROFILE ("Composition"));
  json_object_set_string_member (resource, "status", "final");
  json_object_set_object_member (resource, "type", coded (LOINC, "60591-5", "Patient summary Document", NULL));
  json_object_set_object_member (resource, "subject", reference (doc->patient_id));
  json_object_set_string_member (resource, "date", timestamp);
  json_array_add_object_element (authors, reference (author_id));
  json_object_set_array_member (resource, "author", authors);
  json_object_set_string_member (resource, "title", title);
  json_object_set_array_member (resource, "section", build_sections (doc, kase));

  append_escaped (body, title);
  g_string_append (body, "</b></p><p>Prepared by the family with Carta " PACKAGE_VERSION " on ");
  append_escaped (body, timestamp);
  g_string_append (body, ".</p>");
  json_object_set_object_member (resource, "text", narrative (body->str));

  return resource;
}

/**
 * _carta_bundle_build_fhir:
 * @docs: (element-type CartaBundleDoc): the documents, with their digests
 *
 * Returns: (transfer full): the FHIR R4 document Bundle (an IPS)
 */
JsonNode *
_carta_bundle_build_fhir (CartaCase *kase,
                          GPtrArray *docs,
                          GDateTime *when)
{
  JsonObject *bundle = json_object_new ();
  JsonArray *entries = json_array_new ();
  JsonObject *identifier = json_object_new ();
  JsonObject *first = json_object_new ();
  JsonObject *condition;
  JsonNode *root;
  g_autofree char *timestamp = iso_instant (when);
  g_autofree char *case_urn = g_strconcat ("urn:uuid:", carta_case_get_id (kase), NULL);
  /* Stable ids for one case: the same export twice gives the same ids. */
  g_autofree char *patient_id = stable_uuid (case_urn, "patient");
  g_autofree char *condition_id = stable_uuid (case_urn, "condition");
  /* The document itself is new with each export. */
  g_autofree char *bundle_id = g_uuid_string_random ();
  g_autofree char *document_urn = g_strconcat ("urn:uuid:", bundle_id, NULL);
  g_autofree char *composition_id = g_uuid_string_random ();
  g_autofree char *author_id = NULL;
  FhirDoc doc = { entries, case_urn, patient_id };

  for (guint i = 0; i < N_SECTIONS; i++)
    {
      doc.refs[i] = json_array_new ();
      doc.items[i] = g_string_new (NULL);
    }
  doc.functional_items = json_array_new ();

  json_object_set_string_member (bundle, "resourceType", "Bundle");
  json_object_set_string_member (bundle, "id", bundle_id);
  set_profile (bundle, IPS_PROFILE ("Bundle"));
  json_object_set_string_member (identifier, "system", "urn:ietf:rfc:3986");
  json_object_set_string_member (identifier, "value", document_urn);
  json_object_set_object_member (bundle, "identifier", identifier);
  json_object_set_string_member (bundle, "type", "document");
  json_object_set_string_member (bundle, "timestamp", timestamp);

  add_entry (&doc, SECTION_NONE, patient_id, build_patient (kase, patient_id, case_urn));
  author_id = add_author (&doc, kase);

  if ((condition = build_condition (kase, condition_id, patient_id)))
    add_entry (&doc, SECTION_PROBLEMS, condition_id, condition);
  add_allergies (&doc, kase);
  add_medication (&doc, kase);
  add_observations (kase, &doc);
  add_procedures (&doc, kase);

  for (guint i = 0; i < docs->len; i++)
    {
      CartaBundleDoc *one = g_ptr_array_index (docs, i);
      JsonObject *resource;

      /* A disc is one document, represented by its list of files. */
      if (one->role == CARTA_BUNDLE_DOC_DISC_FILE)
        continue;
      resource = build_document_reference (one, patient_id, when);
      add_identity_check (resource, one, carta_case_get_patient (kase));
      if (one->role == CARTA_BUNDLE_DOC_DISC_MANIFEST)
        add_imaging_studies (&doc, one, resource);
      /* Listed by its record's List. */
      add_entry (&doc, SECTION_NONE, one->attachment_id, resource);
    }

  {
    g_autofree char *questions_id = stable_uuid (case_urn, "communication#questions");
    JsonObject *questions = build_questions (kase, questions_id, patient_id, timestamp);
    GListModel *items = carta_case_get_items (kase);

    if (questions != NULL)
      add_entry (&doc, SECTION_FAMILY, questions_id, questions);

    for (guint i = 0; i < g_list_model_get_n_items (items); i++)
      {
        g_autoptr(CartaChecklistItem) item = g_list_model_get_item (items, i);
        g_autofree char *key = g_strconcat ("list#", carta_checklist_item_get_id (item), NULL);
        g_autofree char *list_id = stable_uuid (case_urn, key);

        add_entry (&doc, SECTION_FAMILY, list_id, build_record_list (item, list_id, patient_id, docs));
      }
  }

  /* The Composition comes first, as every document's does. */
  {
    g_autofree char *urn = g_strconcat ("urn:uuid:", composition_id, NULL);
    JsonArray *all = json_array_new ();

    json_object_set_string_member (first, "fullUrl", urn);
    json_object_set_object_member (first, "resource",
                                   build_composition (&doc, kase, composition_id, author_id, timestamp));
    json_array_add_object_element (all, first);
    for (guint i = 0; i < json_array_get_length (entries); i++)
      json_array_add_element (all, json_node_copy (json_array_get_element (entries, i)));
    json_array_unref (entries);
    json_object_set_array_member (bundle, "entry", all);
  }

  for (guint i = 0; i < N_SECTIONS; i++)
    {
      json_array_unref (doc.refs[i]);
      g_string_free (doc.items[i], TRUE);
    }
  json_array_unref (doc.functional_items);

  root = json_node_new (JSON_NODE_OBJECT);
  json_node_take_object (root, bundle);
  return root;
}
