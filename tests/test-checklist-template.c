/* test-checklist-template.c
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "carta-checklist-template.h"
#include "carta-store.h"

/* What issue 5 asks for, category by category; optional ones end in '?'. */
static const struct {
  const char *category;
  const char *items[8];
} expected[] = {
  { "diagnosis", { "pathology-report", "immunophenotyping", "cytogenetics-molecular" } },
  { "target-antigen", { "target-antigen-expression" } },
  { "bone-marrow", { "bone-marrow-report", "mrd-result?", "cns-status?", "myeloma-protein?" } },
  { "imaging", { "imaging-reports", "imaging-images" } },
  { "treatment", { "therapy-lines", "stem-cell-transplant", "prior-car-t", "current-medication" } },
  { "fitness", { "ecog", "blood-tests", "echocardiogram", "ecg", "coagulation?", "oxygen-saturation" } },
  { "infection", { "infection-serology", "viral-pcr?", "pregnancy-test?" } },
  { "if-available", { "hla-typing?", "donor-specific-antibodies?", "discharge-summaries?", "haematologist-letter?" } },
  { "travel", { "passport", "insurance-payment-letter" } },
};

static void
test_template_complete (void)
{
  CartaChecklistTemplate *template = carta_checklist_template_get_default ();
  guint n_items = 0;

  g_assert_cmpuint (carta_checklist_template_get_n_categories (template), ==, G_N_ELEMENTS (expected));

  for (guint c = 0; c < G_N_ELEMENTS (expected); c++)
    {
      const CartaTemplateCategory *category = carta_checklist_template_get_category (template, c);
      guint n = 0;

      g_assert_cmpstr (category->key, ==, expected[c].category);
      g_assert_true (category->title != NULL && category->title[0] != '\0');
      g_assert_true (carta_checklist_template_lookup_category (template, category->key) == category);

      while (n < G_N_ELEMENTS (expected[c].items) && expected[c].items[n] != NULL)
        n++;
      g_assert_cmpuint (category->items->len, ==, n);

      for (guint i = 0; i < n; i++)
        {
          const CartaTemplateItem *item = g_ptr_array_index (category->items, i);
          g_autofree char *key = g_strdup (expected[c].items[i]);
          gboolean optional = g_str_has_suffix (key, "?");

          if (optional)
            key[strlen (key) - 1] = '\0';

          g_assert_cmpstr (item->key, ==, key);
          g_assert_true (item->category == category);
          g_assert_cmpint (item->optional, ==, optional);
          g_assert_true (item->title != NULL && item->title[0] != '\0');
          g_assert_true (item->why != NULL && item->why[0] != '\0');
          /* One line each, white space as xgettext extracts it. */
          g_assert_null (strchr (item->why, '\n'));
          g_assert_null (strstr (item->title, "  "));
          g_assert_true (carta_checklist_template_lookup_item (template, key) == item);
          n_items++;
        }
    }

  g_assert_cmpuint (carta_checklist_template_get_n_items (template), ==, n_items);
  g_assert_null (carta_checklist_template_lookup_item (template, "no-such-item"));
}

static void
test_template_malformed (void)
{
  static const char *broken[] = {
    "<checklist><category key=\"a\"><title>A</title><item key=\"x\"><title>X</title></item>"
      "<item key=\"x\"><title>Y</title></item></category></checklist>",
    "<checklist><category key=\"a\"><title>A</title><item key=\"x\"/></category></checklist>",
    "<checklist><category key=\"a\"><title>A</title><bogus/></category></checklist>",
    "<checklist><category key=\"A B\"><title>A</title></category></checklist>",
    "<checklist><category key=\"a\" optional=\"maybe\"><title>A</title></category></checklist>",
    "<checklist></checklist>",
    "<other/>",
    "<checklist><category key=\"a\"><title>A</title>",
  };

  for (guint i = 0; i < G_N_ELEMENTS (broken); i++)
    {
      g_autoptr(GBytes) bytes = g_bytes_new_static (broken[i], strlen (broken[i]));
      g_autoptr(GError) error = NULL;
      g_autoptr(CartaChecklistTemplate) template = carta_checklist_template_new_from_bytes (bytes, &error);

      g_assert_null (template);
      g_assert_nonnull (error);
    }
}

static CartaChecklistItem *
find_by_key (CartaCase  *kase,
             const char *key)
{
  return carta_checklist_template_find_case_item (carta_checklist_template_get_default (), kase, key);
}

static void
test_seed_and_count (void)
{
  CartaChecklistTemplate *template = carta_checklist_template_get_default ();
  g_autoptr(CartaCase) kase = carta_case_new ("Seed");
  g_autoptr(CartaChecklistItem) custom = NULL;
  GListModel *items = carta_case_get_items (kase);
  guint n = carta_checklist_template_get_n_items (template);
  guint ready, total;

  carta_checklist_template_seed_case (template, kase);
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, n);

  /* Seeding again adds only what is missing: nothing. */
  carta_checklist_template_seed_case (template, kase);
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, n);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CartaChecklistItem) item = g_list_model_get_item (items, i);
      const CartaTemplateItem *entry = carta_checklist_template_lookup_item (template,
                                                                           carta_checklist_item_get_template_key (item));

      g_assert_nonnull (entry);
      g_assert_cmpstr (carta_checklist_item_get_category (item), ==, entry->category->key);
      g_assert_cmpint (carta_checklist_item_get_status (item), ==, CARTA_ITEM_STATUS_NEEDED);
      g_assert_cmpstr (carta_checklist_template_get_item_title (template, item), ==, entry->title);
    }

  /* Optional items stay out of the overall count. */
  carta_checklist_template_count (template, items, NULL, &ready, &total);
  g_assert_cmpuint (ready, ==, 0);
  g_assert_cmpuint (total, ==, n - 10);

  carta_checklist_item_set_status (find_by_key (kase, "passport"), CARTA_ITEM_STATUS_NOT_APPLICABLE);
  carta_checklist_item_set_status (find_by_key (kase, "ecog"), CARTA_ITEM_STATUS_RECEIVED);
  carta_checklist_item_set_status (find_by_key (kase, "echocardiogram"), CARTA_ITEM_STATUS_REQUESTED);
  carta_checklist_item_set_status (find_by_key (kase, "hla-typing"), CARTA_ITEM_STATUS_RECEIVED);

  carta_checklist_template_count (template, items, NULL, &ready, &total);
  g_assert_cmpuint (ready, ==, 2);
  g_assert_cmpuint (total, ==, n - 10);

  carta_checklist_template_count (template, items, "fitness", &ready, &total);
  g_assert_cmpuint (ready, ==, 1);
  g_assert_cmpuint (total, ==, 6);
  carta_checklist_template_count (template, items, "if-available", &ready, &total);
  g_assert_cmpuint (ready, ==, 1);
  g_assert_cmpuint (total, ==, 4);

  /* A custom item counts, unless its category is optional. */
  custom = carta_checklist_item_new_custom ("Lumbar puncture", "diagnosis");
  carta_case_add_item (kase, custom);
  g_assert_false (carta_checklist_template_is_item_optional (template, custom));
  g_assert_cmpstr (carta_checklist_template_get_item_title (template, custom), ==, "Lumbar puncture");
  g_assert_null (carta_checklist_template_get_item_why (template, custom));
  carta_checklist_template_count (template, items, NULL, NULL, &total);
  g_assert_cmpuint (total, ==, n - 9);

  carta_checklist_item_set_category (custom, "if-available");
  g_assert_true (carta_checklist_template_is_item_optional (template, custom));
  carta_checklist_template_count (template, items, NULL, NULL, &total);
  g_assert_cmpuint (total, ==, n - 10);
}

static void
test_status_persists (void)
{
  g_autofree char *dir = g_dir_make_tmp ("carta-template-XXXXXX", NULL);
  g_autoptr(GFile) root = g_file_new_for_path (dir);
  g_autoptr(CartaStore) store = carta_store_new (root);
  g_autoptr(CartaStore) reopened = NULL;
  g_autoptr(CartaChecklistItem) custom = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  g_autofree char *custom_id = NULL;
  CartaCase *kase, *loaded;
  CartaChecklistItem *item;

  g_assert_true (carta_store_load (store, &error));
  g_assert_no_error (error);

  kase = carta_store_create_case (store, "Persist", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (carta_case_get_items (kase)), ==,
                    carta_checklist_template_get_n_items (carta_checklist_template_get_default ()));
  id = g_strdup (carta_case_get_id (kase));

  carta_checklist_item_set_status (find_by_key (kase, "pathology-report"), CARTA_ITEM_STATUS_RECEIVED);
  carta_checklist_item_set_status (find_by_key (kase, "passport"), CARTA_ITEM_STATUS_NOT_APPLICABLE);
  item = find_by_key (kase, "blood-tests");
  carta_checklist_item_set_status (item, CARTA_ITEM_STATUS_REQUESTED);
  carta_checklist_item_set_notes (item, "Asked Dr Wang on Monday");
  g_assert_true (carta_checklist_item_set_document_date (item, "2026-10-02"));

  custom = carta_checklist_item_new_custom ("Lumbar puncture", "diagnosis");
  carta_checklist_item_set_status (custom, CARTA_ITEM_STATUS_REQUESTED);
  custom_id = g_strdup (carta_checklist_item_get_id (custom));
  carta_case_add_item (kase, custom);

  g_assert_true (carta_store_save_case (store, kase, &error));
  g_assert_no_error (error);

  reopened = carta_store_new (root);
  g_assert_true (carta_store_load (reopened, &error));
  g_assert_no_error (error);
  loaded = carta_store_find_case (reopened, id);
  g_assert_nonnull (loaded);
  g_assert_true (loaded != kase);

  g_assert_cmpint (carta_checklist_item_get_status (find_by_key (loaded, "pathology-report")), ==, CARTA_ITEM_STATUS_RECEIVED);
  g_assert_cmpint (carta_checklist_item_get_status (find_by_key (loaded, "passport")), ==, CARTA_ITEM_STATUS_NOT_APPLICABLE);
  g_assert_cmpint (carta_checklist_item_get_status (find_by_key (loaded, "ecog")), ==, CARTA_ITEM_STATUS_NEEDED);
  item = find_by_key (loaded, "blood-tests");
  g_assert_cmpint (carta_checklist_item_get_status (item), ==, CARTA_ITEM_STATUS_REQUESTED);
  g_assert_cmpstr (carta_checklist_item_get_notes (item), ==, "Asked Dr Wang on Monday");
  g_assert_cmpstr (carta_checklist_item_get_document_date (item), ==, "2026-10-02");

  item = carta_case_find_item (loaded, custom_id);
  g_assert_nonnull (item);
  g_assert_null (carta_checklist_item_get_template_key (item));
  g_assert_cmpstr (carta_checklist_item_get_title (item), ==, "Lumbar puncture");
  g_assert_cmpstr (carta_checklist_item_get_category (item), ==, "diagnosis");
  g_assert_cmpint (carta_checklist_item_get_status (item), ==, CARTA_ITEM_STATUS_REQUESTED);

  g_assert_true (carta_store_delete_case (reopened, loaded, &error));
  g_assert_no_error (error);
  carta_store_purge_deleted (reopened, NULL);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/checklist-template/complete", test_template_complete);
  g_test_add_func ("/checklist-template/malformed", test_template_malformed);
  g_test_add_func ("/checklist-template/seed-and-count", test_seed_and_count);
  g_test_add_func ("/checklist-template/status-persists", test_status_persists);

  return g_test_run ();
}
