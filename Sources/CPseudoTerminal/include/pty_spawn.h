#ifndef PREFER_PTY_SPAWN_H
#define PREFER_PTY_SPAWN_H

#include <sys/types.h>

/// Opens a pseudo terminal of `rows` x `cols` and runs `path` with `argv`/`envp` on it, the
/// child a session leader whose controlling terminal is the pty (setsid, TIOCSCTTY), with
/// default signal dispositions, an empty signal mask and no descriptor above 2 left open.
/// On success returns 0 and sets `*master` (close-on-exec, non-blocking) and `*pid`; on
/// failure returns an errno value. Written in C because only async-signal-safe calls may run
/// between fork and exec in a multithreaded process, which Swift code cannot promise.
int prefer_pty_spawn(const char *path, char *const argv[], char *const envp[],
                     unsigned short rows, unsigned short cols, int *master, pid_t *pid);

/// Sets the window size of the pty behind `master` (TIOCSWINSZ; the kernel sends SIGWINCH
/// to its foreground process group). Returns 0 or an errno value.
int prefer_pty_resize(int master, unsigned short rows, unsigned short cols);

#endif
