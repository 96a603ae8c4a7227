/* carta-attachment-row.c
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "carta-attachment-row"

#include "config.h"

#include <glib/gi18n.h>

#include "carta-attachment-row.h"
#include "carta-dicom-summary.h"
#include "carta-identity.h"
#include "carta-thumbnail.h"

#define THUMBNAIL_SIZE 48

/* One file of a record in the item view: its name, what it is, a
 * preview, and buttons to open or remove it. The buttons ask the item
 * view (item.open-attachment, item.remove-attachment), which knows the
 * case and the record. */
struct _CartaAttachmentRow
{
  AdwActionRow     parent_instance;

  /* Template widgets */
  GtkImage        *icon;
  GtkImage        *warning_icon;
  GtkButton       *open_button;
  GtkMenuButton   *edit_button;

  /* State */
  CartaAttachment *attachment;
  /* The identity check of a disc, redone when the family confirms it */
  CartaPatient    *patient;
  gboolean         flagged;
};

G_DEFINE_FINAL_TYPE (CartaAttachmentRow, carta_attachment_row, ADW_TYPE_ACTION_ROW)

enum {
  PROP_0,
  PROP_ATTACHMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
is_imaging (CartaAttachmentRow *self)
{
  return carta_attachment_get_kind (self->attachment) == CARTA_ATTACHMENT_KIND_IMAGING;
}

static char *
describe_study (const CartaDicomStudy *study)
{
  GString *line = g_string_new (study->date ? study->date : _("Unknown date"));
  g_autofree char *modalities = study->modalities ? g_strjoinv ("/", study->modalities) : NULL;

  if (modalities != NULL && modalities[0] != '\0')
    g_string_append_printf (line, " · %s", modalities);
  if (study->description != NULL && study->description[0] != '\0')
    g_string_append_printf (line, " · %s", study->description);
  else if (study->body_parts != NULL && study->body_parts[0] != NULL)
    {
      g_autofree char *parts = g_strjoinv (", ", study->body_parts);
      g_string_append_printf (line, " · %s", parts);
    }

  g_string_append (line, " — ");
  /* TRANSLATORS: the two halves of “3 series, 412 images” on an imaging disc */
  g_string_append_printf (line, ngettext ("%u series", "%u series", study->series->len), study->series->len);
  g_string_append (line, ", ");
  g_string_append_printf (line, ngettext ("%u image", "%u images", study->n_images), study->n_images);

  return g_string_free (line, FALSE);
}

/* The studies on an imaging disc, and whether it may be someone else's
 * (the details and the button to confirm it are above the files). */
static gboolean
describe_disc (CartaAttachmentRow *self,
               GString            *text)
{
  CartaDicomSummary *summary = carta_attachment_get_dicom_summary (self->attachment);
  g_autoptr(CartaIdentityCheck) check = self->patient ? carta_identity_check_attachment (self->attachment, self->patient) : NULL;
  gboolean warn = carta_identity_check_needs_attention (check);

  if (warn)
    {
      g_string_append (text, carta_identity_check_get_title (check, NULL, NULL));
      g_string_append_c (text, '\n');
    }

  if (summary == NULL || summary->studies->len == 0)
    g_string_append (text, _("Imaging disc — no studies could be read"));
  else
    for (guint i = 0; i < summary->studies->len; i++)
      {
        g_autofree char *line = describe_study (g_ptr_array_index (summary->studies, i));

        if (i > 0)
          g_string_append_c (text, '\n');
        g_string_append (text, line);
      }

  if (summary != NULL && summary->problems->len > 0)
    {
      g_string_append_c (text, '\n');
      /* TRANSLATORS: files on an imaging disc that are not readable DICOM images */
      g_string_append_printf (text, ngettext ("%u file on the disc is not a readable image",
                                              "%u files on the disc are not readable images",
                                              summary->problems->len),
                              summary->problems->len);
    }

  return warn;
}

static void
describe (CartaAttachmentRow *self)
{
  gboolean flagged = self->flagged;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *size = g_format_size (carta_attachment_get_size (self->attachment));
  const char *mime = carta_attachment_get_content_type (self->attachment);
  gboolean warn = flagged;

  if (flagged)
    {
      g_string_append (text, _("The copy kept in the case no longer matches the file you added. "
                               "Remove it and add the original again."));
      g_string_append_c (text, '\n');
    }

  if (is_imaging (self))
    {
      warn |= describe_disc (self, text);
      g_string_append_printf (text, "\n%s", size);
    }
  else
    {
      g_autofree char *type = mime ? g_content_type_from_mime_type (mime) : NULL;
      g_autofree char *description = type ? g_content_type_get_description (type) : NULL;

      g_string_append (text, size);
      if (description != NULL)
        g_string_append_printf (text, " · %s", description);
    }

  /* Renamed: the name it came with, to recognise the file by. */
  if (carta_attachment_get_display_name (self->attachment) != NULL)
    {
      g_string_append_c (text, '\n');
      /* TRANSLATORS: %s is the name a file had when it was added */
      g_string_append_printf (text, _("Added as “%s”"), carta_attachment_get_original_name (self->attachment));
    }

  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), text->str);
  gtk_widget_set_visible (GTK_WIDGET (self->warning_icon), warn);
}

static void
show_attachment (CartaAttachmentRow *self)
{
  const char *mime = carta_attachment_get_content_type (self->attachment);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self),
                                 carta_attachment_get_label (self->attachment));

  if (is_imaging (self))
    {
      gtk_image_set_from_icon_name (self->icon, "folder-symbolic");
      gtk_button_set_icon_name (self->open_button, "folder-open-symbolic");
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->open_button), _("Show Files"));
    }
  else
    {
      g_autofree char *type = mime ? g_content_type_from_mime_type (mime) : NULL;
      g_autoptr(GIcon) icon = type ? g_content_type_get_symbolic_icon (type) : NULL;

      if (icon != NULL)
        gtk_image_set_from_gicon (self->icon, icon);
      else
        gtk_image_set_from_icon_name (self->icon, "text-x-generic-symbolic");
    }
}

static void
on_display_name_changed_cb (CartaAttachmentRow *self)
{
  g_assert (CARTA_IS_ATTACHMENT_ROW (self));

  show_attachment (self);
  describe (self);
}

static void
on_thumbnail_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(CartaAttachmentRow) self = user_data;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;

  g_assert (CARTA_IS_ATTACHMENT_ROW (self));

  if ((texture = carta_thumbnail_load_finish (result, &error)))
    {
      /* The row may have gone while the preview was made. */
      if (self->icon == NULL)
        return;
      gtk_image_set_from_paintable (self->icon, GDK_PAINTABLE (texture));
      gtk_widget_add_css_class (GTK_WIDGET (self->icon), "thumbnail");
    }
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_debug ("No preview: %s", error->message);
}

static void
on_identity_confirmed_cb (CartaAttachmentRow *self)
{
  g_assert (CARTA_IS_ATTACHMENT_ROW (self));

  describe (self);
}

/* attachment.open and attachment.remove: the view does the work, for
 * the file of this row. */
static void
attachment_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  CartaAttachmentRow *self = CARTA_ATTACHMENT_ROW (widget);
  const char *view_action;

  g_assert (CARTA_IS_ATTACHMENT_ROW (self));

  if (g_str_equal (action_name, "attachment.open"))
    view_action = "item.open-attachment";
  else if (g_str_equal (action_name, "attachment.rename"))
    view_action = "item.rename-attachment";
  else if (g_str_equal (action_name, "attachment.move"))
    view_action = "item.move-attachment";
  else
    view_action = "item.remove-attachment";

  gtk_widget_activate_action (widget, view_action, "s", carta_attachment_get_id (self->attachment));
}

static void
carta_attachment_row_dispose (GObject *object)
{
  CartaAttachmentRow *self = CARTA_ATTACHMENT_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CARTA_TYPE_ATTACHMENT_ROW);
  g_clear_object (&self->attachment);
  g_clear_object (&self->patient);

  G_OBJECT_CLASS (carta_attachment_row_parent_class)->dispose (object);
}

static void
carta_attachment_row_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  CartaAttachmentRow *self = CARTA_ATTACHMENT_ROW (object);

  switch (prop_id)
    {
    case PROP_ATTACHMENT:
      g_value_set_object (value, self->attachment);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
carta_attachment_row_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  CartaAttachmentRow *self = CARTA_ATTACHMENT_ROW (object);

  switch (prop_id)
    {
    case PROP_ATTACHMENT:
      self->attachment = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
carta_attachment_row_class_init (CartaAttachmentRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = carta_attachment_row_dispose;
  object_class->get_property = carta_attachment_row_get_property;
  object_class->set_property = carta_attachment_row_set_property;

  properties[PROP_ATTACHMENT] =
    g_param_spec_object ("attachment", NULL, NULL,
                         CARTA_TYPE_ATTACHMENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/cartahealth/Carta/checklist/carta-attachment-row.ui");
  gtk_widget_class_bind_template_child (widget_class, CartaAttachmentRow, icon);
  gtk_widget_class_bind_template_child (widget_class, CartaAttachmentRow, warning_icon);
  gtk_widget_class_bind_template_child (widget_class, CartaAttachmentRow, open_button);
  gtk_widget_class_bind_template_child (widget_class, CartaAttachmentRow, edit_button);

  gtk_widget_class_install_action (widget_class, "attachment.open", NULL, attachment_action);
  gtk_widget_class_install_action (widget_class, "attachment.remove", NULL, attachment_action);
  gtk_widget_class_install_action (widget_class, "attachment.rename", NULL, attachment_action);
  gtk_widget_class_install_action (widget_class, "attachment.move", NULL, attachment_action);
}

static void
carta_attachment_row_init (CartaAttachmentRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * carta_attachment_row_new:
 * @attachment: the file shown
 * @patient: (nullable): the case's patient, to warn of a disc that may
 *   be someone else's
 * @flagged: whether the stored copy failed the integrity check
 */
GtkWidget *
carta_attachment_row_new (CartaAttachment *attachment,
                          CartaPatient    *patient,
                          gboolean         flagged)
{
  CartaAttachmentRow *self;

  g_return_val_if_fail (CARTA_IS_ATTACHMENT (attachment), NULL);

  self = g_object_new (CARTA_TYPE_ATTACHMENT_ROW, "attachment", attachment, NULL);
  g_set_object (&self->patient, patient);
  self->flagged = flagged;
  show_attachment (self);
  describe (self);
  g_signal_connect_object (attachment, "notify::identity-confirmed",
                           G_CALLBACK (on_identity_confirmed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (attachment, "notify::display-name",
                           G_CALLBACK (on_display_name_changed_cb), self, G_CONNECT_SWAPPED);

  return GTK_WIDGET (self);
}

/**
 * carta_attachment_row_get_attachment:
 *
 * Returns: (transfer none): the file shown
 */
CartaAttachment *
carta_attachment_row_get_attachment (CartaAttachmentRow *self)
{
  g_return_val_if_fail (CARTA_IS_ATTACHMENT_ROW (self), NULL);
  return self->attachment;
}

/**
 * carta_attachment_row_load_preview:
 * @case_dir: the case's folder, where the stored copy is
 * @scale: the scale factor of the window the row goes in
 * @cancellable: (nullable): cancelled when the rows are rebuilt
 *
 * Replaces the icon with a preview of the file, when one can be made.
 */
void
carta_attachment_row_load_preview (CartaAttachmentRow *self,
                                   GFile              *case_dir,
                                   int                 scale,
                                   GCancellable       *cancellable)
{
  const char *mime;
  g_autoptr(GFile) file = NULL;

  g_return_if_fail (CARTA_IS_ATTACHMENT_ROW (self));
  g_return_if_fail (G_IS_FILE (case_dir));

  mime = carta_attachment_get_content_type (self->attachment);
  if (is_imaging (self) || !carta_thumbnail_can_preview (mime))
    return;

  file = g_file_resolve_relative_path (case_dir, carta_attachment_get_stored_path (self->attachment));
  carta_thumbnail_load_async (file, mime, THUMBNAIL_SIZE * MAX (scale, 1), cancellable,
                              on_thumbnail_cb, g_object_ref (self));
}
