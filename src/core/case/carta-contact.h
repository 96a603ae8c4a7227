/* carta-contact.h
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "carta-profile-enums.h"
#include "carta-profile-types.h"

G_BEGIN_DECLS

#define CARTA_TYPE_CONTACT (carta_contact_get_type ())

G_DECLARE_FINAL_TYPE (CartaContact, carta_contact, CARTA, CONTACT, GObject)

CartaContact  *carta_contact_new           (void);
const char    *carta_contact_get_name      (CartaContact *self);
void           carta_contact_set_name      (CartaContact *self, const char *value);
const char    *carta_contact_get_relation  (CartaContact *self);
void           carta_contact_set_relation  (CartaContact *self, const char *value);
const char    *carta_contact_get_phone     (CartaContact *self);
void           carta_contact_set_phone     (CartaContact *self, const char *value);
const char    *carta_contact_get_email     (CartaContact *self);
void           carta_contact_set_email     (CartaContact *self, const char *value);
const char    *carta_contact_get_time_zone (CartaContact *self);
void           carta_contact_set_time_zone (CartaContact *self, const char *value);

/* The app: "wechat", "whatsapp", "telegram", "signal", "line" or "other". */
const char    *carta_contact_get_messaging_app (CartaContact *self);
void           carta_contact_set_messaging_app (CartaContact *self, const char *value);
const char    *carta_contact_get_messaging_id  (CartaContact *self);
void           carta_contact_set_messaging_id  (CartaContact *self, const char *value);
const char    *carta_contact_get_messaging_app_name (const char *app);

G_END_DECLS
