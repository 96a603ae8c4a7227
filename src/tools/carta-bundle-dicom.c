/* carta-bundle-dicom.c
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "carta-bundle"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "carta-bundle-commands.h"
#include "carta-dicom-summary.h"

static void
print_study (CartaDicomStudy *study)
{
  g_autofree char *modalities = g_strjoinv (", ", study->modalities);
  g_autofree char *body_parts = g_strjoinv (", ", study->body_parts);
  g_autofree char *name = carta_dicom_format_person_name (study->patient_name);

  printf ("\n%s  %s  %s\n",
          study->date ? study->date : _("(no date)"),
          modalities[0] ? modalities : "—",
          study->description ? study->description : _("(no description)"));

  if (name != NULL || study->patient_id != NULL)
    /* TRANSLATORS: the patient's name and the hospital's patient number */
    printf ("  %s %s%s%s%s%s\n", _("Patient:"),
            name ? name : "",
            study->patient_id ? (name ? ", " : "") : "",
            study->patient_id ? _("ID ") : "",
            study->patient_id ? study->patient_id : "",
            "");
  if (study->patient_birth_date != NULL)
    printf ("  %s %s\n", _("Born:"), study->patient_birth_date);
  if (body_parts[0] != '\0')
    printf ("  %s %s\n", _("Body part:"), body_parts);

  printf ("  ");
  /* TRANSLATORS: the first half of "2 series, 150 images" */
  printf (g_dngettext (GETTEXT_PACKAGE, "%u series", "%u series", study->series->len), study->series->len);
  printf (", ");
  printf (g_dngettext (GETTEXT_PACKAGE, "%u image", "%u images", study->n_images), study->n_images);
  printf ("\n");

  for (guint i = 0; i < study->series->len; i++)
    {
      CartaDicomSeries *series = g_ptr_array_index (study->series, i);

      printf ("    %s %-4s %-4s %s — ", _("Series"),
              series->number ? series->number : "?",
              series->modality ? series->modality : "",
              series->description ? series->description : "");
      printf (g_dngettext (GETTEXT_PACKAGE, "%u image", "%u images", series->n_images), series->n_images);
      printf ("\n");
    }
}

static void
print_summary (const char        *dir,
               CartaDicomSummary *summary)
{
  g_autofree char *display = g_filename_display_name (dir);

  /* TRANSLATORS: %s is a folder */
  printf (_("Imaging studies in “%s”:"), display);
  printf (" %u\n", summary->studies->len);

  for (guint i = 0; i < summary->studies->len; i++)
    print_study (g_ptr_array_index (summary->studies, i));

  if (summary->problems->len > 0)
    {
      printf ("\n");
      printf (g_dngettext (GETTEXT_PACKAGE,
                           "%u file was not read as DICOM:",
                           "%u files were not read as DICOM:",
                           summary->problems->len),
              summary->problems->len);
      printf ("\n");
      for (guint i = 0; i < summary->problems->len; i++)
        {
          CartaDicomProblem *problem = g_ptr_array_index (summary->problems, i);

          if (problem->path != NULL)
            printf ("  %s: %s\n", problem->path, problem->message);
          else
            printf ("  %s\n", problem->message);
        }
    }
}

int
carta_bundle_dicom (int    argc,
                    char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(CartaDicomSummary) summary = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) args = NULL;
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the studies as JSON"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &args, NULL, N_("FOLDER") },
    { NULL }
  };

  context = g_option_context_new (_("FOLDER — list the imaging studies in a folder or disc"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      fprintf (stderr, "%s\n", error->message);
      return 2;
    }

  if (args == NULL || g_strv_length (args) != 1)
    {
      fprintf (stderr, "%s\n", _("Give one folder, for example the imaging disc."));
      return 2;
    }

  if (!(summary = carta_dicom_scan (args[0], NULL, &error)))
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }

  if (json)
    {
      g_autofree char *data = carta_dicom_summary_to_data (summary, NULL);

      printf ("%s\n", data);
    }
  else
    print_summary (args[0], summary);

  return 0;
}
