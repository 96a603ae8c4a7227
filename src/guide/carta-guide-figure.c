/* carta-guide-figure.c
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "carta-guide-figure"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "carta-guide-figure.h"

/* Sizes in pixels at the default font; the text sets the rest. */
#define LABEL_GAP   6
#define ROW_GAP     18
#define AXIS_GAP    8
#define VALUE_GAP   12
#define TICK_GAP    8
#define MIN_WIDTH   160
#define NAT_WIDTH   520

/* A chart of ranges on one axis from 0 to max, one bar per row, drawn
 * from the theme's colours so that it follows light, dark and accent. */
struct _CartaGuideFigure
{
  GtkWidget       parent_instance;

  CartaGuideUnit  unit;
  int             max;
  int             step;
  GArray         *bars;
};

typedef struct
{
  char     *label;
  int       low;
  int       high;
  gboolean  accent;
} Bar;

G_DEFINE_FINAL_TYPE (CartaGuideFigure, carta_guide_figure, GTK_TYPE_WIDGET)

static void
bar_clear (gpointer data)
{
  Bar *bar = data;

  g_free (bar->label);
}

static char *
format_range (CartaGuideFigure *self,
              const Bar        *bar)
{
  /* One trial's single result, not a range. */
  if (self->unit == CARTA_GUIDE_UNIT_PERCENT && bar->low == bar->high)
    /* TRANSLATORS: a percentage on a chart's axis, such as "25 %" */
    return g_strdup_printf (_("%d %%"), bar->low);

  if (self->unit == CARTA_GUIDE_UNIT_PERCENT)
    /* TRANSLATORS: a range of percentages on a chart, such as "52–83 %" */
    return g_strdup_printf (_("%d–%d %%"), bar->low, bar->high);

  /* TRANSLATORS: a range of days on a chart, such as "3–6 days" */
  return g_strdup_printf (ngettext ("%d–%d day", "%d–%d days", bar->high), bar->low, bar->high);
}

static char *
format_tick (CartaGuideFigure *self,
             int               value)
{
  if (self->unit == CARTA_GUIDE_UNIT_PERCENT)
    /* TRANSLATORS: a percentage on a chart's axis, such as "25 %" */
    return g_strdup_printf (_("%d %%"), value);

  /* Days: a bare number; the caption names the unit and keeps ticks short. */
  return g_strdup_printf ("%d", value);
}

static int
line_height (GtkWidget *widget)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, "Ag");
  int height;

  pango_layout_get_pixel_size (layout, NULL, &height);

  return height;
}

static int
bar_height (GtkWidget *widget)
{
  return MAX (12, line_height (widget) * 3 / 4);
}

static int
content_height (CartaGuideFigure *self)
{
  int line = line_height (GTK_WIDGET (self));
  int rows = self->bars->len;

  return rows * (line + LABEL_GAP + bar_height (GTK_WIDGET (self)))
         + (rows - 1) * ROW_GAP + AXIS_GAP + line;
}

static void
get_colors (CartaGuideFigure *self,
            GdkRGBA          *fg,
            GdkRGBA          *accent)
{
  GtkStyleContext *context = gtk_widget_get_style_context (GTK_WIDGET (self));

  gtk_style_context_get_color (context, fg);
  if (!gtk_style_context_lookup_color (context, "accent_bg_color", accent))
    gdk_rgba_parse (accent, "#3584e4");
}

static void
append_rounded (GtkSnapshot   *snapshot,
                float          x,
                float          y,
                float          width,
                float          height,
                const GdkRGBA *color)
{
  GskRoundedRect rect;

  gsk_rounded_rect_init_from_rect (&rect, &GRAPHENE_RECT_INIT (x, y, width, height), height / 2);
  gtk_snapshot_push_rounded_clip (snapshot, &rect);
  gtk_snapshot_append_color (snapshot, color, &GRAPHENE_RECT_INIT (x, y, width, height));
  gtk_snapshot_pop (snapshot);
}

static void
append_layout (GtkSnapshot   *snapshot,
               PangoLayout   *layout,
               float          x,
               float          y,
               const GdkRGBA *color)
{
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

static void
on_dark_changed_cb (CartaGuideFigure *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
carta_guide_figure_snapshot (GtkWidget   *widget,
                             GtkSnapshot *snapshot)
{
  CartaGuideFigure *self = CARTA_GUIDE_FIGURE (widget);
  gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;
  float width = gtk_widget_get_width (widget);
  int line = line_height (widget);
  int bar_h = bar_height (widget);
  int rows_height = content_height (self) - AXIS_GAP - line;
  int n_ticks = self->max / self->step + 1;
  int widest_tick = 0;
  int tick_every = 1;
  GdkRGBA fg, accent, track, grid, neutral;
  float y = 0;

/* Every x below is measured from the start edge; this mirrors it for
 * right-to-left languages. */
#define FLIP(x, w) (rtl ? width - (x) - (w) : (x))
#define X_OF(v) ((float)(v) / self->max * width)

  get_colors (self, &fg, &accent);
  track = fg; track.alpha *= 0.08f;
  grid = fg; grid.alpha *= 0.18f;
  neutral = fg; neutral.alpha *= 0.5f;

  for (guint i = 0; i < self->bars->len; i++)
    {
      const Bar *bar = &g_array_index (self->bars, Bar, i);
      g_autofree char *range = format_range (self, bar);
      g_autoptr(PangoLayout) label = gtk_widget_create_pango_layout (widget, bar->label);
      g_autoptr(PangoLayout) value = gtk_widget_create_pango_layout (widget, range);
      g_autoptr(PangoAttrList) bold = pango_attr_list_new ();
      int label_w, value_w;
      float x, w;

      pango_attr_list_insert (bold, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
      pango_layout_set_attributes (value, bold);
      pango_layout_get_pixel_size (value, &value_w, NULL);

      /* The label gives way to the numbers when space is short. */
      pango_layout_set_width (label, MAX (1, width - value_w - VALUE_GAP) * PANGO_SCALE);
      pango_layout_set_ellipsize (label, PANGO_ELLIPSIZE_END);
      pango_layout_get_pixel_size (label, &label_w, NULL);

      append_layout (snapshot, label, FLIP (0, label_w), y, &fg);
      append_layout (snapshot, value, FLIP (width - value_w, value_w), y, &fg);
      y += line + LABEL_GAP;

      append_rounded (snapshot, 0, y, width, bar_h, &track);

      /* Grid lines at every tick, across the bar only, clear of the text. */
      for (int t = 0; t < n_ticks; t++)
        {
          float gx = CLAMP (X_OF (t * self->step), 0, width - 1);
          gtk_snapshot_append_color (snapshot, &grid,
                                     &GRAPHENE_RECT_INIT (FLIP (gx, 1), y - 4, 1, bar_h + 8));
        }

      /* A single result (low = high) is drawn as a bar from zero; a
       * range too narrow to see still shows as a dot. */
      x = X_OF (bar->low == bar->high ? 0 : bar->low);
      w = MAX (X_OF (bar->high) - x, bar_h);
      x = MIN (x, width - w);
      append_rounded (snapshot, FLIP (x, w), y, w, bar_h, bar->accent ? &accent : &neutral);

      y += bar_h + ROW_GAP;
    }

  y = rows_height + AXIS_GAP;

  for (int i = 0; i < n_ticks; i++)
    {
      g_autofree char *text = format_tick (self, i * self->step);
      g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, text);
      int w;

      pango_layout_get_pixel_size (layout, &w, NULL);
      widest_tick = MAX (widest_tick, w);
    }

  /* Leave out every other label when they would touch. */
  while (n_ticks > 1 && (width / ((n_ticks - 1) / (float)tick_every)) < widest_tick + TICK_GAP &&
         tick_every < n_ticks)
    tick_every *= 2;

  for (int i = 0; i < n_ticks; i += tick_every)
    {
      g_autofree char *text = format_tick (self, i * self->step);
      g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, text);
      int w;
      float x;

      pango_layout_get_pixel_size (layout, &w, NULL);
      x = CLAMP (X_OF (i * self->step) - w / 2.0f, 0, width - w);
      append_layout (snapshot, layout, FLIP (x, w), y, &neutral);
    }

#undef X_OF
#undef FLIP
}

static void
carta_guide_figure_measure (GtkWidget      *widget,
                            GtkOrientation  orientation,
                            int             for_size,
                            int            *minimum,
                            int            *natural,
                            int            *minimum_baseline,
                            int            *natural_baseline)
{
  CartaGuideFigure *self = CARTA_GUIDE_FIGURE (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = MIN_WIDTH;
      *natural = NAT_WIDTH;
    }
  else
    *minimum = *natural = content_height (self);
}

static void
carta_guide_figure_system_setting_changed (GtkWidget         *widget,
                                           GtkSystemSetting   setting)
{
  GTK_WIDGET_CLASS (carta_guide_figure_parent_class)->system_setting_changed (widget, setting);

  if (setting == GTK_SYSTEM_SETTING_FONT_NAME || setting == GTK_SYSTEM_SETTING_FONT_CONFIG)
    gtk_widget_queue_resize (widget);
}

static void
carta_guide_figure_finalize (GObject *object)
{
  CartaGuideFigure *self = (CartaGuideFigure *)object;

  g_clear_pointer (&self->bars, g_array_unref);

  G_OBJECT_CLASS (carta_guide_figure_parent_class)->finalize (object);
}

static void
carta_guide_figure_class_init (CartaGuideFigureClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = carta_guide_figure_finalize;

  widget_class->snapshot = carta_guide_figure_snapshot;
  widget_class->measure = carta_guide_figure_measure;
  widget_class->system_setting_changed = carta_guide_figure_system_setting_changed;

  gtk_widget_class_set_css_name (widget_class, "carta-guide-figure");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
carta_guide_figure_init (CartaGuideFigure *self)
{
  self->bars = g_array_new (FALSE, TRUE, sizeof (Bar));
  g_array_set_clear_func (self->bars, bar_clear);

  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);

  /* The accent and the foreground change with the style, not only the CSS
   * node's own colour. */
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (on_dark_changed_cb), self, G_CONNECT_SWAPPED);
}

/**
 * carta_guide_figure_new:
 * @block: a %CARTA_GUIDE_BLOCK_FIGURE block of the guide
 *
 * Creates a chart of @block's ranges, captioned and described for
 * assistive technology with @block's translated text.
 *
 * Returns: (transfer floating): the figure
 */
GtkWidget *
carta_guide_figure_new (const CartaGuideBlock *block)
{
  CartaGuideFigure *self;

  g_return_val_if_fail (block != NULL, NULL);
  g_return_val_if_fail (block->kind == CARTA_GUIDE_BLOCK_FIGURE, NULL);
  g_return_val_if_fail (block->max > 0 && block->step > 0, NULL);

  self = g_object_new (CARTA_TYPE_GUIDE_FIGURE, NULL);
  self->unit = block->unit;
  self->max = block->max;
  self->step = block->step;

  for (guint i = 0; i < block->bars->len; i++)
    {
      const CartaGuideBar *source = g_ptr_array_index (block->bars, i);
      Bar bar = {
        .label = g_strdup (source->label),
        .low = source->low,
        .high = source->high,
        .accent = source->accent,
      };

      g_array_append_val (self->bars, bar);
    }

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, block->text,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, block->detail,
                                  -1);

  return GTK_WIDGET (self);
}
