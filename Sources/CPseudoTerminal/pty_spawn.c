#define _GNU_SOURCE
#include "pty_spawn.h"

#include <errno.h>
#include <fcntl.h>
#include <pty.h>
#include <signal.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <pthread.h>
#include <unistd.h>

int prefer_pty_spawn(const char *path, char *const argv[], char *const envp[],
                     unsigned short rows, unsigned short cols, int *master, pid_t *pid) {
    struct winsize size;
    memset(&size, 0, sizeof size);
    size.ws_row = rows ? rows : 24;
    size.ws_col = cols ? cols : 80;
    int parent_end = -1, child_end = -1;
    if (openpty(&parent_end, &child_end, NULL, NULL, &size) != 0) return errno;
    if (fcntl(parent_end, F_SETFD, FD_CLOEXEC) != 0 || fcntl(parent_end, F_SETFL, O_NONBLOCK) != 0) {
        int code = errno;
        close(parent_end);
        close(child_end);
        return code;
    }
    /* A pipe closed on exec tells the parent whether exec worked (and errno if not). */
    int report[2];
    if (pipe2(report, O_CLOEXEC) != 0) {
        int code = errno;
        close(parent_end);
        close(child_end);
        return code;
    }
    sigset_t all, before;
    sigfillset(&all);
    pthread_sigmask(SIG_SETMASK, &all, &before);
    pid_t child = fork();
    if (child == 0) {
        /* Only async-signal-safe calls from here on. */
        for (int sig = 1; sig < NSIG; sig++) {
            struct sigaction action;
            memset(&action, 0, sizeof action);
            action.sa_handler = SIG_DFL;
            sigaction(sig, &action, NULL);
        }
        sigset_t none;
        sigemptyset(&none);
        int code = 0;
        if (setsid() < 0 || ioctl(child_end, TIOCSCTTY, 0) != 0) code = errno;
        if (code == 0 && (dup2(child_end, 0) < 0 || dup2(child_end, 1) < 0 || dup2(child_end, 2) < 0)) code = errno;
        if (code == 0) {
            int keep = report[1];
            /* Everything else goes: the listening socket, other raters' ptys, session files. */
            if (keep > 3) close_range(3, (unsigned)keep - 1, 0);
            close_range((unsigned)keep + 1, ~0U, 0);
            sigprocmask(SIG_SETMASK, &none, NULL);
            execve(path, argv, envp);
            code = errno;
        }
        (void)!write(report[1], &code, sizeof code);
        _exit(127);
    }
    int fork_error = child < 0 ? errno : 0;
    pthread_sigmask(SIG_SETMASK, &before, NULL);
    close(child_end);
    close(report[1]);
    if (fork_error) {
        close(report[0]);
        close(parent_end);
        return fork_error;
    }
    int exec_error = 0;
    ssize_t got;
    do {
        got = read(report[0], &exec_error, sizeof exec_error);
    } while (got < 0 && errno == EINTR);
    close(report[0]);
    if (got == (ssize_t)sizeof exec_error) {
        close(parent_end);
        int status;
        while (waitpid(child, &status, 0) < 0 && errno == EINTR) {}
        return exec_error ? exec_error : EIO;
    }
    *master = parent_end;
    *pid = child;
    return 0;
}

int prefer_pty_resize(int master, unsigned short rows, unsigned short cols) {
    struct winsize size;
    memset(&size, 0, sizeof size);
    size.ws_row = rows;
    size.ws_col = cols;
    return ioctl(master, TIOCSWINSZ, &size) == 0 ? 0 : errno;
}
