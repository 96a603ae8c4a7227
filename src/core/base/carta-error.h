/* carta-error.h
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define CARTA_ERROR (carta_error_quark ())

/**
 * CartaError:
 * @CARTA_ERROR_IO: reading or writing a file failed
 * @CARTA_ERROR_MALFORMED: a file is not valid JSON, or is truncated
 * @CARTA_ERROR_MISSING_FIELD: a required field is absent or has the wrong type
 * @CARTA_ERROR_NEWER_SCHEMA: the file was written by a newer Carta
 * @CARTA_ERROR_INVALID: a value is out of range or inconsistent
 * @CARTA_ERROR_NOT_FOUND: no such case or file
 * @CARTA_ERROR_HOSTILE: input tries to escape its folder or is otherwise unsafe
 * @CARTA_ERROR_PASSPHRASE: an encrypted bundle needs a passphrase, or a
 *   different one
 * @CARTA_ERROR_EXISTS: the case is already there; someone has to choose
 *   what to do
 *
 * Errors raised by the Carta core library.
 */
typedef enum
{
  CARTA_ERROR_IO,
  CARTA_ERROR_MALFORMED,
  CARTA_ERROR_MISSING_FIELD,
  CARTA_ERROR_NEWER_SCHEMA,
  CARTA_ERROR_INVALID,
  CARTA_ERROR_NOT_FOUND,
  CARTA_ERROR_HOSTILE,
  CARTA_ERROR_PASSPHRASE,
  CARTA_ERROR_EXISTS,
} CartaError;

GQuark carta_error_quark (void);

G_END_DECLS
