/* carta-bench.c
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* On demand, not part of `meson test`:
 *
 *   ninja -C build tests/bench/carta-bench && ./build/tests/bench/carta-bench
 *
 * Attaches a generated 1 GiB file and summarises a 2,000-file DICOM
 * folder, each beside the reference tools run in the same go:
 * `cp` + `sha256sum`, and `dcmdump +sd +r`. Every command runs in a child
 * process, timed by the wall clock, its peak RSS taken from wait4(). */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "bench-make-dicom.h"
#include "carta-import.h"

#define MIB (1024 * 1024)

static int size_mb = 1024;
static int dicom_files = 2000;
static int runs = 3;
static char *work = NULL;
static gboolean keep = FALSE;
static char **child_attach = NULL;

typedef struct
{
  double  seconds;
  double  peak_mb;
  int     status;
} Run;

/* Runs @argv with stdout to @out (or /dev/null). */
static Run
measure (const char * const *argv,
         const char         *out)
{
  Run run = { 0, 0, -1 };
  struct rusage usage;
  gint64 start = g_get_monotonic_time ();
  pid_t pid = fork ();

  if (pid == 0)
    {
      int fd = open (out ? out : "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0600);

      dup2 (fd, 1);
      execvp (argv[0], (char **)argv);
      _exit (127);
    }

  if (wait4 (pid, &run.status, 0, &usage) < 0)
    g_error ("wait4: %s", g_strerror (errno));

  run.seconds = (g_get_monotonic_time () - start) / 1e6;
  run.peak_mb = usage.ru_maxrss / 1024.0;
  return run;
}

static Run
best_of (const char * const *argv,
         const char         *out,
         void              (*before) (gpointer),
         gpointer            data)
{
  Run best = { G_MAXDOUBLE, 0, 0 };

  for (int i = 0; i < runs; i++)
    {
      Run run;

      if (before != NULL)
        before (data);
      run = measure (argv, out);
      if (!WIFEXITED (run.status) || WEXITSTATUS (run.status) != 0)
        g_error ("%s failed", argv[0]);
      if (run.seconds < best.seconds)
        best = run;
    }

  return best;
}

static void
remove_tree (const char *path)
{
  const char *argv[] = { "rm", "-rf", path, NULL };

  measure (argv, NULL);
}

static void
reset_case (gpointer data)
{
  const char *dir = data;

  remove_tree (dir);
  g_mkdir (dir, 0700);
}

static void
make_file (const char *path,
           guint64     size)
{
  g_autofree guint64 *block = g_malloc (MIB);
  guint64 x = 88172645463325252ull;
  int fd = open (path, O_WRONLY | O_CREAT | O_TRUNC, 0600);

  g_assert (fd >= 0);
  for (guint64 done = 0; done < size; done += MIB)
    {
      for (guint i = 0; i < MIB / sizeof (guint64); i++)
        {
          x ^= x << 13; x ^= x >> 7; x ^= x << 17;
          block[i] = x;
        }
      g_assert (write (fd, block, MIB) == MIB);
    }
  fsync (fd);
  close (fd);
}

static int
run_child_attach (void)
{
  g_autoptr(GFile) case_dir = g_file_new_for_path (child_attach[0]);
  g_autoptr(GListStore) files = g_list_store_new (G_TYPE_FILE);
  g_autoptr(GPtrArray) attachments = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 1; child_attach[i] != NULL; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_path (child_attach[i]);
      g_list_store_append (files, file);
    }

  if (!(attachments = carta_import_files (case_dir, G_LIST_MODEL (files), NULL, NULL, NULL, NULL, &error)))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  for (guint i = 0; i < attachments->len; i++)
    printf ("%s\n", carta_attachment_get_sha256 (g_ptr_array_index (attachments, i)));
  return 0;
}

static void
row (const char *label,
     Run         run,
     const Run  *reference,
     double      target)
{
  printf ("  %-34s %8.2f s %9.1f MB", label, run.seconds, run.peak_mb);
  if (reference != NULL)
    printf ("   %.2f× (target ≤ %.1f×) %s", run.seconds / reference->seconds, target,
            run.seconds / reference->seconds <= target ? "PASS" : "MISS");
  printf ("\n");
}

int
main (int   argc,
      char *argv[])
{
  const GOptionEntry entries[] = {
    { "size-mb", 0, 0, G_OPTION_ARG_INT, &size_mb, "Size of the file to attach (MiB, default 1024)", "N" },
    { "dicom-files", 0, 0, G_OPTION_ARG_INT, &dicom_files, "Files in the DICOM folder (default 2000)", "N" },
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Runs of each command; the best counts (default 3)", "N" },
    { "dir", 0, 0, G_OPTION_ARG_FILENAME, &work, "Where to make the test data (default: a temporary folder)", "DIR" },
    { "keep", 0, 0, G_OPTION_ARG_NONE, &keep, "Keep the test data", NULL },
    { "child-attach", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_FILENAME_ARRAY, &child_attach, NULL, NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("— time attaching and DICOM summaries");
  g_autoptr(GError) error = NULL;
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *big = NULL, *copy = NULL, *case_dir = NULL, *disc = NULL, *tool = NULL;
  g_autofree char *sums = NULL, *carta_out = NULL;
  g_autofree char *ref_text = NULL, *carta_text = NULL;
  Run cp_sha, carta, dcmdump, summary;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  if (child_attach != NULL)
    return run_child_attach ();

  if (work == NULL)
    work = g_dir_make_tmp ("carta-bench-XXXXXX", &error);
  g_assert_no_error (error);

  big = g_build_filename (work, "big.bin", NULL);
  copy = g_build_filename (work, "copy.bin", NULL);
  case_dir = g_build_filename (work, "case", NULL);
  disc = g_build_filename (work, "disc", NULL);
  sums = g_build_filename (work, "sha256sum.txt", NULL);
  carta_out = g_build_filename (work, "carta.txt", NULL);
  tool = g_build_filename (CARTA_BUILD_ROOT_FOR_BENCH, "src", "tools", "carta-bundle", NULL);

  printf ("Carta benchmark in %s (%d runs each, best shown)\n\n", work, runs);

  /* Attach --------------------------------------------------------------- */
  printf ("Generating a %d MiB file…\n", size_mb);
  make_file (big, (guint64)size_mb * MIB);
  {
    g_autofree char *script = g_strdup_printf ("cp '%s' '%s' && sha256sum '%s'", big, copy, copy);
    const char *ref_argv[] = { "sh", "-c", script, NULL };
    const char *carta_argv[] = { self, "--child-attach", case_dir, "--child-attach", big, NULL };

    /* Both read the source from the page cache: warm it first. */
    measure (ref_argv, sums);
    cp_sha = best_of (ref_argv, sums, NULL, NULL);
    carta = best_of (carta_argv, carta_out, reset_case, case_dir);
    g_unlink (copy);
  }

  g_file_get_contents (sums, &ref_text, NULL, NULL);
  g_file_get_contents (carta_out, &carta_text, NULL, NULL);
  if (ref_text == NULL || carta_text == NULL || strncmp (ref_text, carta_text, 64) != 0)
    g_error ("The SHA-256 of Carta and sha256sum differ");

  printf ("\nAttach a %d MiB file                    time    peak RSS\n", size_mb);
  row ("cp + sha256sum", cp_sha, NULL, 0);
  row ("Carta attach (copy+hash+fsync)", carta, &cp_sha, 1.0);
  printf ("  peak RSS of Carta attach: %.1f MB (target ≤ 64 MB) %s\n",
          carta.peak_mb, carta.peak_mb <= 64 ? "PASS" : "MISS");
  reset_case (case_dir);
  g_unlink (big);

  /* DICOM ---------------------------------------------------------------- */
  printf ("\nGenerating a DICOM folder of %d files…\n", dicom_files);
  if (!bench_make_dicom_folder (disc, dicom_files, 4, 512))
    g_error ("Could not write the DICOM folder");
  {
    const char *ref_argv[] = { "dcmdump", "+sd", "+r", disc, NULL };
    const char *carta_argv[] = { tool, "dicom", disc, "--json", NULL };

    measure (ref_argv, NULL);
    dcmdump = best_of (ref_argv, NULL, NULL, NULL);
    summary = best_of (carta_argv, carta_out, NULL, NULL);
  }

  printf ("\nSummarise %d DICOM files (512×512)      time    peak RSS\n", dicom_files);
  row ("dcmdump +sd +r", dcmdump, NULL, 0);
  row ("carta-bundle dicom --json", summary, &dcmdump, 0.5);

  if (!keep)
    remove_tree (work);

  return 0;
}
