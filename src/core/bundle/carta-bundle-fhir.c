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
#include "carta-date.h"
#include "carta-identity.h"
#include "carta-validate.h"

/* Carta's own extension on an imaging disc's DocumentReference, with
 * the parts "status", "text" and "discPatientName" (bundle-format.md). */
#define CARTA_FHIR_IDENTITY_EXTENSION "https://cartahealth.github.io/fhir/StructureDefinition/disc-patient-check"

/* The case as an HL7 FHIR R4 Bundle of type "collection": a Patient, a
 * Condition when the diagnosis is known, one Observation per test result
 * and per screening answer, and one DocumentReference per attachment.
 * Observations carry a LOINC code only where one code is sure to fit;
 * the others are coded by text. Only the mapping lives here; richer profile fields are
 * read by property name so they appear once the profile has them. */

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

static void
add_entry (JsonArray  *entries,
           const char *uuid,
           JsonObject *resource)
{
  JsonObject *entry = json_object_new ();
  g_autofree char *urn = g_strconcat ("urn:uuid:", uuid, NULL);

  json_object_set_string_member (entry, "fullUrl", urn);
  json_object_set_object_member (entry, "resource", resource);
  json_array_add_object_element (entries, entry);
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

static JsonObject *
build_patient (CartaCase  *kase,
               const char *patient_id)
{
  CartaPatient *patient = carta_case_get_patient (kase);
  JsonObject *resource = json_object_new ();
  const char *name = carta_patient_get_name (patient);
  const char *contact = carta_patient_get_contact (patient);
  const char *language = carta_patient_get_preferred_language (patient);
  const char *country = carta_patient_get_country (patient);
  g_autofree char *family = _carta_bundle_get_text (patient, "family-name");
  g_autofree char *given = _carta_bundle_get_text (patient, "given-name");
  const char *other_names = carta_patient_get_other_names (patient);

  json_object_set_string_member (resource, "resourceType", "Patient");
  json_object_set_string_member (resource, "id", patient_id);

  if (name != NULL || family != NULL)
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
  set_text (resource, "birthDate", carta_patient_get_date_of_birth (patient));

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

  if (language != NULL)
    {
      JsonArray *communication = json_array_new ();
      JsonObject *entry = json_object_new ();

      json_object_set_object_member (entry, "language", codeable_text (language));
      json_object_set_boolean_member (entry, "preferred", TRUE);
      json_array_add_object_element (communication, entry);
      json_object_set_array_member (resource, "communication", communication);
    }

  add_patient_contacts (resource, kase);

  return resource;
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

  if (text == NULL)
    return NULL;

  resource = json_object_new ();
  json_object_set_string_member (resource, "resourceType", "Condition");
  json_object_set_string_member (resource, "id", condition_id);

  if (state != CARTA_DISEASE_STATE_NOT_SET && state != CARTA_DISEASE_STATE_UNKNOWN)
    {
      JsonObject *clinical = json_object_new ();
      JsonArray *codings = json_array_new ();
      JsonObject *coding = json_object_new ();
      const char *code = state == CARTA_DISEASE_STATE_RELAPSED ? "relapse"
                         : state == CARTA_DISEASE_STATE_IN_REMISSION ? "remission" : "active";

      json_object_set_string_member (coding, "system", "http://terminology.hl7.org/CodeSystem/condition-clinical");
      json_object_set_string_member (coding, "code", code);
      json_array_add_object_element (codings, coding);
      json_object_set_array_member (clinical, "coding", codings);
      json_object_set_string_member (clinical, "text", carta_disease_state_to_label (state));
      json_object_set_object_member (resource, "clinicalStatus", clinical);
    }

  json_object_set_object_member (resource, "code", codeable_text (text));
  json_object_set_object_member (resource, "subject", reference (patient_id));
  set_text (resource, "onsetDateTime", carta_diagnosis_get_diagnosis_date (diagnosis));

  return resource;
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

  json_object_set_string_member (resource, "resourceType", "DocumentReference");
  json_object_set_string_member (resource, "id", doc->attachment_id);

  json_object_set_string_member (identifier, "system", "urn:ietf:rfc:3986");
  json_object_set_string_member (identifier, "value", urn);
  json_array_add_object_element (identifiers, identifier);
  json_object_set_array_member (resource, "identifier", identifiers);

  json_object_set_string_member (resource, "status", "current");
  json_object_set_object_member (resource, "type", codeable_text (doc->item_title));
  json_array_add_object_element (categories, codeable_text (*doc->category ? doc->category : "Other"));
  json_object_set_array_member (resource, "category", categories);
  json_object_set_object_member (resource, "subject", reference (patient_id));
  json_object_set_string_member (resource, "date", date);
  json_object_set_string_member (resource, "description", doc->original_name);

  json_object_set_string_member (attachment, "contentType",
                                 doc->content_type ? doc->content_type : "application/octet-stream");
  /* Relative to this file, which sits in data/. */
  json_object_set_string_member (attachment, "url", doc->bag_path);
  json_object_set_int_member (attachment, "size", (gint64)doc->size);
  /* R4 defines Attachment.hash as the base64 SHA-1 of the data. */
  json_object_set_string_member (attachment, "hash", doc->sha1_base64);
  json_object_set_string_member (attachment, "title", doc->original_name);
  set_text (attachment, "creation", doc->document_date);

  json_object_set_object_member (content, "attachment", attachment);
  json_array_add_object_element (contents, content);
  json_object_set_array_member (resource, "content", contents);

  return resource;
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

typedef struct
{
  JsonArray  *entries;
  const char *case_urn;
  const char *patient_id;
} ObservationSink;

static char *stable_uuid (const char *seed, const char *what);

static void
add_observation (ObservationSink *sink,
                 const char      *key,
                 JsonObject      *resource)
{
  g_autofree char *id = stable_uuid (sink->case_urn, key);

  json_object_set_string_member (resource, "id", id);
  add_entry (sink->entries, id, resource);
}

/* A screening answer, such as “Yes” or “CNS2”, by its text. */
static void
add_answer (ObservationSink *sink,
            const char      *key,
            const char      *question,
            const char      *answer,
            const char      *date)
{
  JsonObject *resource;

  if (answer == NULL)
    return;

  resource = new_observation ("", sink->patient_id, question, NULL);
  json_object_set_object_member (resource, "valueCodeableConcept", codeable_text (answer));
  set_effective (resource, date);
  add_observation (sink, key, resource);
}

static void
add_lab (ObservationSink *sink,
         CartaLabResult  *lab,
         guint            index)
{
  const char *name = carta_lab_result_get_display_name (lab);
  const char *value = carta_lab_result_get_value (lab);
  const char *unit = carta_lab_result_get_unit (lab);
  const char *method = carta_lab_result_get_method (lab);
  g_autofree char *key = g_strdup_printf ("observation#lab#%u", index);
  JsonObject *resource;
  double number;

  if (name == NULL || value == NULL)
    return;

  resource = new_observation ("", sink->patient_id, name, lab_loinc (lab));
  set_effective (resource, carta_lab_result_get_date (lab));

  if (carta_lab_kind_get_info (carta_lab_result_get_kind (lab))->numeric && carta_parse_number (value, &number))
    {
      JsonObject *quantity = json_object_new ();

      json_object_set_double_member (quantity, "value", number);
      set_text (quantity, "unit", unit);
      json_object_set_object_member (resource, "valueQuantity", quantity);
    }
  else
    {
      g_autofree char *text = unit ? g_strdup_printf ("%s %s", value, unit) : g_strdup (value);
      json_object_set_string_member (resource, "valueString", text);
    }

  if (method != NULL)
    json_object_set_object_member (resource, "method", codeable_text (method));

  add_observation (sink, key, resource);
}

static void
add_observations (CartaCase       *kase,
                  ObservationSink *sink)
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
      JsonObject *quantity = json_object_new ();

      json_object_set_double_member (quantity, "value", clearance);
      json_object_set_string_member (quantity, "unit", "mL/min");
      json_object_set_object_member (resource, "valueQuantity", quantity);
      json_object_set_object_member (resource, "method", codeable_text ("Cockcroft-Gault"));
      add_observation (sink, "observation#creatinine-clearance", resource);
    }

  if (carta_diagnosis_get_cns_status (diagnosis))
    add_answer (sink, "observation#cns-status", _("Disease in the brain or spinal cord (CNS)"),
                carta_cns_status_to_label (carta_diagnosis_get_cns_status (diagnosis)),
                carta_diagnosis_get_lumbar_puncture_date (diagnosis));
  add_answer (sink, "observation#lumbar-puncture", _("Lumbar puncture"),
              carta_diagnosis_get_lumbar_puncture_result (diagnosis),
              carta_diagnosis_get_lumbar_puncture_date (diagnosis));
  add_answer (sink, "observation#brain-mri", _("Brain MRI"),
              carta_diagnosis_get_brain_mri_result (diagnosis),
              carta_diagnosis_get_brain_mri_date (diagnosis));

  if (carta_clinical_status_get_karnofsky (status) >= 0)
    {
      g_autofree char *score = g_strdup_printf ("%d", carta_clinical_status_get_karnofsky (status));
      add_answer (sink, "observation#karnofsky", _("Karnofsky score"), score, NULL);
    }
  if (carta_clinical_status_get_lansky (status) >= 0)
    {
      g_autofree char *score = g_strdup_printf ("%d", carta_clinical_status_get_lansky (status));
      add_answer (sink, "observation#lansky", _("Lansky score"), score, NULL);
    }
  if (carta_clinical_status_get_nyha_class (status))
    add_answer (sink, "observation#nyha", _("Heart failure class (NYHA)"),
                carta_nyha_class_to_label (carta_clinical_status_get_nyha_class (status)), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (answers); i++)
    {
      g_autofree char *key = g_strconcat ("observation#", answers[i].key, NULL);

      if (answers[i].answer)
        add_answer (sink, key, _(answers[i].question), carta_answer_to_label (answers[i].answer), NULL);
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
          add_answer (sink, key, _("Donor"), carta_donor_type_to_label (carta_transplant_get_donor_type (transplant)), date);
        }
      for (guint j = 0; j < G_N_ELEMENTS (details); j++)
        if (details[j].answer)
          {
            g_autofree char *key = g_strdup_printf ("observation#transplant#%u#%s", i, details[j].key);
            add_answer (sink, key, _(details[j].question), carta_answer_to_label (details[j].answer), date);
          }
    }

  for (guint i = 0; i < g_list_model_get_n_items (carta_treatment_history_get_prior_carts (history)); i++)
    {
      g_autoptr(CartaPriorCart) cart = g_list_model_get_item (carta_treatment_history_get_prior_carts (history), i);
      g_autofree char *target_key = g_strdup_printf ("observation#prior-car-t#%u#target", i);
      g_autofree char *cells_key = g_strdup_printf ("observation#prior-car-t#%u#cells", i);

      add_answer (sink, target_key, _("Target, such as CD19 or CD7"), carta_prior_cart_get_target (cart),
                  carta_prior_cart_get_date (cart));
      if (carta_prior_cart_get_cell_source (cart))
        add_answer (sink, cells_key, _("Cells"), carta_transplant_type_to_label (carta_prior_cart_get_cell_source (cart)),
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
      add_observation (sink, key, resource);
    }
}

/* The family's own versions of @member's text in other languages, as
 * R4's translation extension on the string (`_text` beside `text`).
 * Takes @languages; @get gives the version in each. */
typedef const char *(*TranslationGetter) (gpointer    owner,
                                           const char *language);

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
  json_object_set_object_member (resource, "code", codeable_text (category && *category ? category : "Other"));
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

/* Stable ids for one case: two exports give the same Patient id. */
static char *
stable_uuid (const char *seed,
             const char *what)
{
  g_autofree char *text = g_strconcat (seed, "#", what, NULL);
  g_autofree char *hex = g_compute_checksum_for_string (G_CHECKSUM_SHA256, text, -1);

  return g_strdup_printf ("%.8s-%.4s-%.4s-%.4s-%.12s", hex, hex + 8, hex + 12, hex + 16, hex + 20);
}

/**
 * _carta_bundle_build_fhir:
 * @docs: (element-type CartaBundleDoc): the documents, with their digests
 *
 * Returns: (transfer full): the FHIR R4 Bundle
 */
JsonNode *
_carta_bundle_build_fhir (CartaCase *kase,
                          GPtrArray *docs,
                          GDateTime *when)
{
  JsonObject *bundle = json_object_new ();
  JsonArray *entries = json_array_new ();
  JsonObject *identifier = json_object_new ();
  JsonObject *condition;
  JsonNode *root;
  g_autofree char *timestamp = iso_instant (when);
  g_autofree char *case_urn = g_strconcat ("urn:uuid:", carta_case_get_id (kase), NULL);
  /* Stable ids for one case: the same export twice gives the same ids. */
  g_autofree char *patient_id = stable_uuid (case_urn, "patient");
  g_autofree char *condition_id = stable_uuid (case_urn, "condition");
  g_autofree char *bundle_id = g_uuid_string_random ();

  json_object_set_string_member (bundle, "resourceType", "Bundle");
  json_object_set_string_member (bundle, "id", bundle_id);
  json_object_set_string_member (identifier, "system", "urn:ietf:rfc:3986");
  json_object_set_string_member (identifier, "value", case_urn);
  json_object_set_object_member (bundle, "identifier", identifier);
  json_object_set_string_member (bundle, "type", "collection");
  json_object_set_string_member (bundle, "timestamp", timestamp);

  add_entry (entries, patient_id, build_patient (kase, patient_id));

  if ((condition = build_condition (kase, condition_id, patient_id)))
    add_entry (entries, condition_id, condition);

  {
    ObservationSink sink = { entries, case_urn, patient_id };
    add_observations (kase, &sink);
  }

  for (guint i = 0; i < docs->len; i++)
    {
      CartaBundleDoc *doc = g_ptr_array_index (docs, i);

      /* A disc is one document, represented by its list of files. */
      if (doc->role == CARTA_BUNDLE_DOC_DISC_FILE)
        continue;
      {
        JsonObject *resource = build_document_reference (doc, patient_id, when);

        add_identity_check (resource, doc, carta_case_get_patient (kase));
        add_entry (entries, doc->attachment_id, resource);
      }
    }

  {
    g_autofree char *questions_id = stable_uuid (case_urn, "communication#questions");
    JsonObject *questions = build_questions (kase, questions_id, patient_id, timestamp);
    GListModel *items = carta_case_get_items (kase);

    if (questions != NULL)
      add_entry (entries, questions_id, questions);

    for (guint i = 0; i < g_list_model_get_n_items (items); i++)
      {
        g_autoptr(CartaChecklistItem) item = g_list_model_get_item (items, i);
        g_autofree char *key = g_strconcat ("list#", carta_checklist_item_get_id (item), NULL);
        g_autofree char *list_id = stable_uuid (case_urn, key);

        add_entry (entries, list_id, build_record_list (item, list_id, patient_id, docs));
      }
  }

  json_object_set_array_member (bundle, "entry", entries);

  root = json_node_new (JSON_NODE_OBJECT);
  json_node_take_object (root, bundle);
  return root;
}
