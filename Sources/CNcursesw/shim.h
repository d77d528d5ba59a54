#ifndef PREFER_CNCURSESW_SHIM_H
#define PREFER_CNCURSESW_SHIM_H

// Without NCURSES_WIDECHAR the wide-character API (get_wch, cchar_t, mvaddnwstr) is hidden.
#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <wchar.h>
#include <ncursesw/curses.h>

// Attribute macros are not imported into Swift ("structure not supported"); expose them as functions.
static inline attr_t prefer_a_normal(void) { return A_NORMAL; }
static inline attr_t prefer_a_bold(void) { return A_BOLD; }
static inline attr_t prefer_a_reverse(void) { return A_REVERSE; }
static inline attr_t prefer_a_underline(void) { return A_UNDERLINE; }
static inline attr_t prefer_a_dim(void) { return A_DIM; }
static inline int prefer_key_code_yes(void) { return KEY_CODE_YES; }

// stdscr is a mutable C global that Swift 6 rejects; newterm makes it the screen's full-size
// window, which ncurses itself resizes on KEY_RESIZE.
static inline WINDOW *prefer_stdscr(void) { return stdscr; }

// The terminfo probe run before newterm, so a bad TERM is refused before any setup string is
// written: 1 usable, 2 known but unable to address the cursor, 0 unknown (or a generic or
// hardcopy entry), -1 no terminfo database. term.h stays out of the module on purpose: its
// hundreds of capability macros (lines, columns, tab, ...) shadow ordinary names.
struct term;
extern int setupterm(const char *, int, int *);
extern struct term *set_curterm(struct term *);
extern int del_curterm(struct term *);
static inline int prefer_probe_terminfo(const char *name, int fd) {
    int status = 0;
    if (setupterm(name, fd, &status) != OK) return status < 0 ? -1 : 0;
    const char *cup = tigetstr("cup");
    int result = (cup == NULL || cup == (const char *)-1) ? 2 : 1;
    struct term *probe = set_curterm(NULL);
    if (probe != NULL) del_curterm(probe);
    return result;
}

// A pseudo terminal pair for OutputBatching: returns the slave's descriptor and stores the
// master's, or returns -1. posix_openpt/grantpt/unlockpt are hidden from Swift (_XOPEN_SOURCE),
// so this is what they do on Linux. Both descriptors are close-on-exec.
#include <fcntl.h>
#include <stdio.h>
#include <sys/ioctl.h>
#include <unistd.h>
static inline int prefer_open_pty_pair(int *master_out) {
    int master = open("/dev/ptmx", O_RDWR | O_NOCTTY | O_CLOEXEC);
    if (master < 0) return -1;
    int unlock = 0, number = 0;
    char path[32];
    if (ioctl(master, TIOCSPTLCK, &unlock) != 0 || ioctl(master, TIOCGPTN, &number) != 0) {
        close(master);
        return -1;
    }
    snprintf(path, sizeof path, "/dev/pts/%d", number);
    int slave = open(path, O_RDWR | O_NOCTTY | O_CLOEXEC);
    if (slave < 0) {
        close(master);
        return -1;
    }
    *master_out = master;
    return slave;
}

// wcwidth is not visible through Swift's Glibc module.
extern int wcwidth(wchar_t);

#endif
