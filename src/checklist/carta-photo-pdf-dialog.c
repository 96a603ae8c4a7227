/* carta-photo-pdf-dialog.c
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "carta-photo-pdf-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "carta-photo-pdf-dialog.h"
#include "carta-thumbnail.h"

#define THUMBNAIL_SIZE 64

/* Lets the family put photos of a paper report in page order, leave out
 * a blurred one, and name the PDF they become. */
struct _CartaPhotoPdfDialog
{
  AdwWindow     parent_instance;

  AdwEntryRow  *name_row;
  GtkListBox   *pages_list;
  GtkWidget    *combine_button;
  GPtrArray    *photos;
  GCancellable *cancellable;
};

typedef struct
{
  GFile      *file;
  char       *id;
  char       *label;
  char       *content_type;
  GdkTexture *texture;
  GdkTexture *turned;    /* texture as the page will be, once turned */
  int         rotation;  /* clockwise, in degrees, after EXIF */
  gboolean    included;
} Photo;

G_DEFINE_FINAL_TYPE (CartaPhotoPdfDialog, carta_photo_pdf_dialog, ADW_TYPE_WINDOW)

enum {
  COMBINE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void rebuild (CartaPhotoPdfDialog *self);

static void
photo_free (Photo *photo)
{
  g_clear_object (&photo->file);
  g_clear_object (&photo->texture);
  g_clear_object (&photo->turned);
  g_free (photo->id);
  g_free (photo->label);
  g_free (photo->content_type);
  g_free (photo);
}

static guint
count_included (CartaPhotoPdfDialog *self)
{
  guint n = 0;

  for (guint i = 0; i < self->photos->len; i++)
    n += ((Photo *)g_ptr_array_index (self->photos, i))->included;

  return n;
}

static void
update_sensitivity (CartaPhotoPdfDialog *self)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));

  gtk_widget_set_sensitive (self->combine_button, count_included (self) > 0 && name[0] != '\0');
}

static void
move_photo (CartaPhotoPdfDialog *self,
            guint                from,
            guint                to)
{
  gpointer photo;

  if (from >= self->photos->len || to >= self->photos->len)
    return;

  photo = g_ptr_array_steal_index (self->photos, from);
  g_ptr_array_insert (self->photos, to, photo);
  rebuild (self);

  /* Keep the keyboard on the photo that moved. */
  {
    GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->pages_list, to);
    if (row != NULL)
      gtk_widget_grab_focus (GTK_WIDGET (row));
  }
}

/* Which photo a button is for: rows are rebuilt in the order of the
 * photos, so the row's place in the list is the photo's. */
static guint
get_row_index (GtkWidget *widget)
{
  GtkWidget *row = gtk_widget_get_ancestor (widget, GTK_TYPE_LIST_BOX_ROW);

  g_assert (row != NULL);
  return gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row));
}

static void
on_up_clicked_cb (GtkButton           *button,
                  CartaPhotoPdfDialog *self)
{
  guint index = get_row_index (GTK_WIDGET (button));

  if (index > 0)
    move_photo (self, index, index - 1);
}

static void
on_down_clicked_cb (GtkButton           *button,
                    CartaPhotoPdfDialog *self)
{
  guint index = get_row_index (GTK_WIDGET (button));

  move_photo (self, index, index + 1);
}

static void
on_include_toggled_cb (GtkCheckButton      *check,
                       CartaPhotoPdfDialog *self)
{
  guint index = get_row_index (GTK_WIDGET (check));
  Photo *photo = g_ptr_array_index (self->photos, index);

  photo->included = gtk_check_button_get_active (check);
  rebuild (self);
}

/* The preview turned as the page will be: a quarter turn is a
 * transpose of the pixels, done once per turn. */
static GdkTexture *
turn_texture (GdkTexture *texture,
              int         rotation)
{
  int width = gdk_texture_get_width (texture);
  int height = gdk_texture_get_height (texture);
  gsize stride = (gsize)width * 4;
  g_autofree guint32 *pixels = g_new (guint32, (gsize)width * height);
  g_autofree guint32 *turned = g_new (guint32, (gsize)width * height);
  g_autoptr(GBytes) bytes = NULL;
  int out_width = rotation % 180 == 0 ? width : height;
  int out_height = rotation % 180 == 0 ? height : width;

  gdk_texture_download (texture, (guchar *)pixels, stride);

  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        int tx, ty;

        switch (rotation)
          {
          case 90:
            tx = height - 1 - y, ty = x;
            break;
          case 180:
            tx = width - 1 - x, ty = height - 1 - y;
            break;
          case 270:
            tx = y, ty = width - 1 - x;
            break;
          default:
            tx = x, ty = y;
            break;
          }
        turned[(gsize)ty * out_width + tx] = pixels[(gsize)y * width + x];
      }

  bytes = g_bytes_new_take (g_steal_pointer (&turned), (gsize)width * height * 4);
  return gdk_memory_texture_new (out_width, out_height, GDK_MEMORY_DEFAULT, bytes, (gsize)out_width * 4);
}

static void
turn_photo (CartaPhotoPdfDialog *self,
            guint                index,
            int                  degrees)
{
  Photo *photo = g_ptr_array_index (self->photos, index);
  GtkListBoxRow *row;

  photo->rotation = (photo->rotation + degrees + 360) % 360;
  g_clear_object (&photo->turned);
  rebuild (self);

  /* Keep the keyboard on the photo that turned. */
  if ((row = gtk_list_box_get_row_at_index (self->pages_list, index)))
    gtk_widget_grab_focus (GTK_WIDGET (row));
}

static void
on_turn_left_clicked_cb (GtkButton           *button,
                         CartaPhotoPdfDialog *self)
{
  g_assert (CARTA_IS_PHOTO_PDF_DIALOG (self));

  turn_photo (self, get_row_index (GTK_WIDGET (button)), -90);
}

static void
on_turn_right_clicked_cb (GtkButton           *button,
                          CartaPhotoPdfDialog *self)
{
  g_assert (CARTA_IS_PHOTO_PDF_DIALOG (self));

  turn_photo (self, get_row_index (GTK_WIDGET (button)), 90);
}

static GtkWidget *
make_button (const char *icon,
             const char *tooltip,
             gboolean    sensitive)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_sensitive (button, sensitive);
  gtk_widget_add_css_class (button, "flat");

  return button;
}

static void
rebuild (CartaPhotoPdfDialog *self)
{
  GtkWidget *child;
  guint page = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->pages_list))))
    gtk_list_box_remove (self->pages_list, child);

  for (guint i = 0; i < self->photos->len; i++)
    {
      Photo *photo = g_ptr_array_index (self->photos, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();
      GtkWidget *image;
      GtkWidget *up, *down, *left, *right;
      g_autofree char *title = NULL;

      if (photo->included)
        /* TRANSLATORS: a page of the PDF being made from photos */
        title = g_strdup_printf (_("Page %u"), ++page);
      else
        title = g_strdup (_("Left out"));

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), photo->label);

      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), photo->included);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (check, _("Include This Photo"));
      g_signal_connect (check, "toggled", G_CALLBACK (on_include_toggled_cb), self);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);

      if (photo->texture != NULL && photo->turned == NULL)
        photo->turned = photo->rotation != 0 ? turn_texture (photo->texture, photo->rotation)
                                             : g_object_ref (photo->texture);
      image = photo->turned ? gtk_image_new_from_paintable (GDK_PAINTABLE (photo->turned))
                            : gtk_image_new_from_icon_name ("image-x-generic-symbolic");
      gtk_image_set_pixel_size (GTK_IMAGE (image), THUMBNAIL_SIZE);
      gtk_widget_set_margin_top (image, 6);
      gtk_widget_set_margin_bottom (image, 6);
      gtk_widget_set_opacity (image, photo->included ? 1.0 : 0.4);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), image);

      left = make_button ("object-rotate-left-symbolic", _("Turn Left"), TRUE);
      right = make_button ("object-rotate-right-symbolic", _("Turn Right"), TRUE);
      g_signal_connect (left, "clicked", G_CALLBACK (on_turn_left_clicked_cb), self);
      g_signal_connect (right, "clicked", G_CALLBACK (on_turn_right_clicked_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), left);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), right);

      up = make_button ("go-up-symbolic", _("Move Up"), i > 0);
      down = make_button ("go-down-symbolic", _("Move Down"), i + 1 < self->photos->len);
      g_signal_connect (up, "clicked", G_CALLBACK (on_up_clicked_cb), self);
      g_signal_connect (down, "clicked", G_CALLBACK (on_down_clicked_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), up);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), down);

      gtk_list_box_append (self->pages_list, row);
    }

  update_sensitivity (self);
}

typedef struct
{
  CartaPhotoPdfDialog *self;
  Photo               *photo;  /* lives as long as the dialog */
} ThumbRequest;

static void
on_thumbnail_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  ThumbRequest *request = user_data;
  g_autoptr(CartaPhotoPdfDialog) self = request->self;
  Photo *photo = request->photo;

  g_free (request);

  photo->texture = carta_thumbnail_load_finish (result, NULL);
  if (photo->texture != NULL && !g_cancellable_is_cancelled (self->cancellable))
    rebuild (self);
}

static void
on_cancel_clicked_cb (CartaPhotoPdfDialog *self)
{
  gtk_window_close (GTK_WINDOW (self));
}

static void
on_combine_clicked_cb (CartaPhotoPdfDialog *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) paths = NULL;
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));

  for (guint i = 0; i < self->photos->len; i++)
    {
      Photo *photo = g_ptr_array_index (self->photos, i);

      if (photo->included)
        {
          g_autofree char *path = g_file_get_path (photo->file);
          g_strv_builder_add (builder, path);
        }
    }

  paths = g_strv_builder_end (builder);
  if (paths[0] == NULL || name[0] == '\0')
    return;

  g_signal_emit (self, signals[COMBINE], 0, paths, name);
  gtk_window_close (GTK_WINDOW (self));
}

static void
carta_photo_pdf_dialog_dispose (GObject *object)
{
  CartaPhotoPdfDialog *self = (CartaPhotoPdfDialog *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (carta_photo_pdf_dialog_parent_class)->dispose (object);
}

static void
carta_photo_pdf_dialog_finalize (GObject *object)
{
  CartaPhotoPdfDialog *self = (CartaPhotoPdfDialog *)object;

  g_clear_pointer (&self->photos, g_ptr_array_unref);

  G_OBJECT_CLASS (carta_photo_pdf_dialog_parent_class)->finalize (object);
}

static void
carta_photo_pdf_dialog_class_init (CartaPhotoPdfDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = carta_photo_pdf_dialog_dispose;
  object_class->finalize = carta_photo_pdf_dialog_finalize;

  /**
   * CartaPhotoPdfDialog::combine:
   * @paths: the photos' paths in page order
   * @name: the document's name, without extension
   */
  signals[COMBINE] =
    g_signal_new ("combine",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_STRV, G_TYPE_STRING);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
carta_photo_pdf_dialog_init (CartaPhotoPdfDialog *self)
{
  GtkWidget *box, *header, *cancel, *scroller, *clamp, *content, *label, *group;

  self->photos = g_ptr_array_new_with_free_func ((GDestroyNotify)photo_free);
  self->cancellable = g_cancellable_new ();

  gtk_window_set_title (GTK_WINDOW (self), _("Combine Photos"));
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (self), 480, 600);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (on_cancel_clicked_cb), self);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  self->combine_button = gtk_button_new_with_mnemonic (_("C_ombine"));
  gtk_widget_add_css_class (self->combine_button, "suggested-action");
  g_signal_connect_swapped (self->combine_button, "clicked", G_CALLBACK (on_combine_clicked_cb), self);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->combine_button);
  gtk_box_append (GTK_BOX (box), header);

  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scroller, TRUE);
  clamp = adw_clamp_new ();
  content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  gtk_widget_set_margin_top (content, 24);
  gtk_widget_set_margin_bottom (content, 24);
  gtk_widget_set_margin_start (content, 12);
  gtk_widget_set_margin_end (content, 12);

  label = gtk_label_new (_("The photos become the pages of one PDF, in this order. "
                           "Turn a sideways photo with the arrows."));
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_box_append (GTK_BOX (content), label);

  group = adw_preferences_group_new ();
  self->name_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->name_row), _("Document name"));
  g_signal_connect_swapped (self->name_row, "changed", G_CALLBACK (update_sensitivity), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->name_row));
  gtk_box_append (GTK_BOX (content), group);

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Pages"));
  self->pages_list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->pages_list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->pages_list), "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->pages_list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Pages"), -1);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->pages_list));
  gtk_box_append (GTK_BOX (content), group);

  adw_clamp_set_child (ADW_CLAMP (clamp), content);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), clamp);
  gtk_box_append (GTK_BOX (box), scroller);
  adw_window_set_content (ADW_WINDOW (self), box);
}

CartaPhotoPdfDialog *
carta_photo_pdf_dialog_new (GtkWindow  *parent,
                            const char *name)
{
  CartaPhotoPdfDialog *self = g_object_new (CARTA_TYPE_PHOTO_PDF_DIALOG,
                                            "transient-for", parent,
                                            NULL);

  gtk_editable_set_text (GTK_EDITABLE (self->name_row), name ? name : "");
  return self;
}

/**
 * carta_photo_pdf_dialog_add_photo:
 * @file: the stored photo
 * @id: (nullable): what the caller knows the photo by
 * @label: its original name, to recognise it by
 *
 * Adds a photo as the next page.
 */
void
carta_photo_pdf_dialog_add_photo (CartaPhotoPdfDialog *self,
                                  GFile               *file,
                                  const char          *id,
                                  const char          *label,
                                  const char          *content_type)
{
  Photo *photo = g_new0 (Photo, 1);

  g_return_if_fail (CARTA_IS_PHOTO_PDF_DIALOG (self));

  photo->file = g_object_ref (file);
  photo->id = g_strdup (id);
  photo->label = g_strdup (label);
  photo->content_type = g_strdup (content_type);
  photo->included = TRUE;
  g_ptr_array_add (self->photos, photo);

  {
    ThumbRequest *request = g_new0 (ThumbRequest, 1);

    request->self = g_object_ref (self);
    request->photo = photo;
    carta_thumbnail_load_async (file, content_type, THUMBNAIL_SIZE * 2, self->cancellable,
                                on_thumbnail_cb, request);
  }
  rebuild (self);
}

/**
 * carta_photo_pdf_dialog_get_pages:
 * @ids: (out) (transfer full): the ids of the photos that become pages,
 *   in page order
 * @rotations: (out) (transfer full): how far each is turned clockwise,
 *   in degrees
 *
 * What the family chose, as read in a #CartaPhotoPdfDialog::combine
 * handler.
 */
void
carta_photo_pdf_dialog_get_pages (CartaPhotoPdfDialog  *self,
                                  GStrv                *ids,
                                  int                 **rotations)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  GArray *turns = g_array_new (FALSE, FALSE, sizeof (int));

  g_return_if_fail (CARTA_IS_PHOTO_PDF_DIALOG (self));

  for (guint i = 0; i < self->photos->len; i++)
    {
      Photo *photo = g_ptr_array_index (self->photos, i);

      if (!photo->included)
        continue;
      g_strv_builder_add (builder, photo->id ? photo->id : "");
      g_array_append_val (turns, photo->rotation);
    }

  *ids = g_strv_builder_end (builder);
  *rotations = (int *)(gpointer)g_array_free (turns, FALSE);
}
