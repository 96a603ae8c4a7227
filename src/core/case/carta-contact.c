/* carta-contact.c
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "carta-contact"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "carta-fields-private.h"
#include "carta-contact-private.h"

/* A person the coordinators can reach: the patient or a caregiver. */
struct _CartaContact
{
  GObject parent_instance;

  char  *name;
  char  *relation;
  char  *phone;
  char  *email;
  char  *time_zone;

  /* A messaging app's account: how coordinators in China often reach
   * families. The app is one of the nicknames in carta-contact.h. */
  char  *messaging_app;
  char  *messaging_id;
};

G_DEFINE_FINAL_TYPE (CartaContact, carta_contact, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NAME,
  PROP_RELATION,
  PROP_PHONE,
  PROP_EMAIL,
  PROP_TIME_ZONE,
  PROP_MESSAGING_APP,
  PROP_MESSAGING_ID,
  N_PROPS
};

static const CartaField fields[N_PROPS] = {
  [PROP_NAME] = CARTA_FIELD (STRING, "name", "name", CartaContact, name),
  [PROP_RELATION] = CARTA_FIELD (STRING, "relation", "relation", CartaContact, relation),
  [PROP_PHONE] = CARTA_FIELD (STRING, "phone", "phone", CartaContact, phone),
  [PROP_EMAIL] = CARTA_FIELD (STRING, "email", "email", CartaContact, email),
  [PROP_TIME_ZONE] = CARTA_FIELD (STRING, "time-zone", "time_zone", CartaContact, time_zone),
  [PROP_MESSAGING_APP] = CARTA_FIELD (STRING, "messaging-app", "messaging_app", CartaContact, messaging_app),
  [PROP_MESSAGING_ID] = CARTA_FIELD (STRING, "messaging-id", "messaging_id", CartaContact, messaging_id),
};

static GParamSpec *properties[N_PROPS];

/* TRANSLATORS: the part of a case named in a message about a damaged case.json */
CARTA_FIELDS_DEFINE_RECORD (CartaContact, carta_contact, N_("contact"))

/**
 * carta_contact_new:
 *
 * Returns: (transfer full): an empty record; every field is optional
 */
CartaContact *
carta_contact_new (void)
{
  return g_object_new (CARTA_TYPE_CONTACT, NULL);
}

CARTA_FIELDS_STRING_ACCESSORS (CartaContact, carta_contact, CARTA_IS_CONTACT, name, PROP_NAME)
CARTA_FIELDS_STRING_ACCESSORS (CartaContact, carta_contact, CARTA_IS_CONTACT, relation, PROP_RELATION)
CARTA_FIELDS_STRING_ACCESSORS (CartaContact, carta_contact, CARTA_IS_CONTACT, phone, PROP_PHONE)
CARTA_FIELDS_STRING_ACCESSORS (CartaContact, carta_contact, CARTA_IS_CONTACT, email, PROP_EMAIL)
CARTA_FIELDS_STRING_ACCESSORS (CartaContact, carta_contact, CARTA_IS_CONTACT, time_zone, PROP_TIME_ZONE)
CARTA_FIELDS_STRING_ACCESSORS (CartaContact, carta_contact, CARTA_IS_CONTACT, messaging_app, PROP_MESSAGING_APP)
CARTA_FIELDS_STRING_ACCESSORS (CartaContact, carta_contact, CARTA_IS_CONTACT, messaging_id, PROP_MESSAGING_ID)

/* Each app's nickname in case.json, and its name as its users write it. */
static const char * const messaging_apps[][2] = {
  { "wechat", "WeChat" }, { "whatsapp", "WhatsApp" }, { "telegram", "Telegram" },
  { "signal", "Signal" }, { "line", "LINE" },
};

/**
 * carta_contact_get_messaging_app_name:
 * @app: (nullable): a messaging app's nickname, as kept in case.json
 *
 * Returns: (nullable): the app's own name, as its users write it
 *   ("WeChat"); an app Carta does not know by name is returned as it
 *   was given, and %NULL or "other" as %NULL
 */
const char *
carta_contact_get_messaging_app_name (const char *app)
{
  if (app == NULL || g_str_equal (app, "other"))
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (messaging_apps); i++)
    if (g_ascii_strcasecmp (app, messaging_apps[i][0]) == 0)
      return messaging_apps[i][1];

  return app;
}
