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

// wcwidth is not visible through Swift's Glibc module.
extern int wcwidth(wchar_t);

#endif
