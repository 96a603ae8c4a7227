/* startup-probe.c
 *
 * Copyright 2026 The Carta authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Starts a program and prints, in milliseconds, how long it took until
 * its first top-level window was mapped on the X display. The same probe
 * times Carta and the reference application.
 */

#include <X11/Xlib.h>
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double
now_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

int
main (int   argc,
      char *argv[])
{
  Display *display;
  double start;
  pid_t pid;
  int status;

  if (argc < 2)
    {
      fprintf (stderr, "Usage: startup-probe PROGRAM [ARGUMENT…]\n");
      return 2;
    }

  if (!(display = XOpenDisplay (NULL)))
    {
      fprintf (stderr, "startup-probe: no X display\n");
      return 2;
    }

  XSelectInput (display, DefaultRootWindow (display), SubstructureNotifyMask);
  XSync (display, False);

  start = now_ms ();
  if ((pid = fork ()) == 0)
    {
      execvp (argv[1], argv + 1);
      _exit (127);
    }

  for (;;)
    {
      struct pollfd pfd = { ConnectionNumber (display), POLLIN, 0 };
      XEvent event;

      while (XPending (display))
        {
          XNextEvent (display, &event);
          if (event.type == MapNotify && !event.xmap.override_redirect)
            {
              printf ("%.1f\n", now_ms () - start);
              fflush (stdout);
              kill (pid, SIGTERM);
              waitpid (pid, &status, 0);
              XCloseDisplay (display);
              return 0;
            }
        }

      if (waitpid (pid, &status, WNOHANG) == pid)
        {
          fprintf (stderr, "startup-probe: %s exited before mapping a window\n", argv[1]);
          return 1;
        }

      if (now_ms () - start > 30000)
        {
          fprintf (stderr, "startup-probe: no window after 30 s\n");
          kill (pid, SIGKILL);
          return 1;
        }

      poll (&pfd, 1, 50);
    }
}
