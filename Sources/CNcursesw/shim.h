#ifndef UNMN_CNCURSESW_SHIM_H
#define UNMN_CNCURSESW_SHIM_H

// SwiftPM drops pkg-config's -D flags, so wide-character ncurses is switched on here,
// before the header is read.
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif

#include <locale.h>
#include <termios.h>
#include <signal.h>
#include <stdlib.h>
#include <unistd.h>
#include <wchar.h>
#include <ncursesw/curses.h>

// Key codes as plain constants: Swift does not import the function-like KEY_F(n).
enum {
    UNMN_KEY_CODE_YES = KEY_CODE_YES,
    UNMN_KEY_UP = KEY_UP, UNMN_KEY_DOWN = KEY_DOWN, UNMN_KEY_LEFT = KEY_LEFT, UNMN_KEY_RIGHT = KEY_RIGHT,
    UNMN_KEY_HOME = KEY_HOME, UNMN_KEY_END = KEY_END, UNMN_KEY_PPAGE = KEY_PPAGE, UNMN_KEY_NPAGE = KEY_NPAGE,
    UNMN_KEY_BTAB = KEY_BTAB, UNMN_KEY_ENTER = KEY_ENTER, UNMN_KEY_BACKSPACE = KEY_BACKSPACE,
    UNMN_KEY_DC = KEY_DC, UNMN_KEY_IC = KEY_IC, UNMN_KEY_RESIZE = KEY_RESIZE, UNMN_KEY_MOUSE = KEY_MOUSE,
    UNMN_KEY_F0 = KEY_F0, UNMN_KEY_F12 = KEY_F(12),
    UNMN_KEY_SLEFT = KEY_SLEFT, UNMN_KEY_SRIGHT = KEY_SRIGHT,
};

enum {
    UNMN_A_NORMAL = 0,
};
static inline attr_t unmn_a_bold(void) { return A_BOLD; }
static inline attr_t unmn_a_reverse(void) { return A_REVERSE; }
static inline attr_t unmn_a_underline(void) { return A_UNDERLINE; }
static inline attr_t unmn_a_dim(void) { return A_DIM; }

// Writes one display cell (a grapheme of up to a few wide characters) at (y, x) with the
// given attributes and colour pair. Positioned per cell, so a disagreement between our width
// table and the C library's never shifts the rest of the row.
static inline int unmn_put_cell(WINDOW *win, int y, int x, const wchar_t *text, attr_t attrs, short pair) {
    cchar_t cell;
    if (setcchar(&cell, text, attrs, pair, NULL) != OK) { return ERR; }
    return mvwadd_wch(win, y, x, &cell);
}

// Mouse: left-button presses and clicks only; reported at once (no click interval).
static inline void unmn_enable_mouse(void) {
    mouseinterval(0);
    mousemask(BUTTON1_PRESSED | BUTTON1_CLICKED, NULL);
}

// 1 when the pending mouse event is a left-button press or click, with its cell in *y, *x.
static inline int unmn_read_click(int *y, int *x) {
    MEVENT event;
    if (getmouse(&event) != OK) { return 0; }
    if (event.bstate & (BUTTON1_PRESSED | BUTTON1_CLICKED)) {
        *y = event.y; *x = event.x;
        return 1;
    }
    return 0;
}

// Bracketed paste: the terminal wraps pasted text in ESC [200~ … ESC [201~, which ncurses
// reports as these two key codes, so a paste reaches the focused field as text, never as keys.
enum { UNMN_KEY_PASTE_BEGIN = 0x1F01, UNMN_KEY_PASTE_END = 0x1F02 };

// write(2) rather than stdio: this also runs from the signal handlers.
static inline void unmn_write_bracketed_paste_mode(int on) {
    const char *sequence = on ? "\033[?2004h" : "\033[?2004l";
    ssize_t ignored = write(STDOUT_FILENO, sequence, 8);
    (void)ignored;
}

static inline void unmn_enable_bracketed_paste(void) {
    define_key("\033[200~", UNMN_KEY_PASTE_BEGIN);
    define_key("\033[201~", UNMN_KEY_PASTE_END);
    unmn_write_bracketed_paste_mode(1);
}

// Ctrl-S and Ctrl-Q are the editor's save and the forms' quit, not XON/XOFF flow control
// (which would freeze the screen on Ctrl-S). endwin() restores the shell's modes on exit.
static inline void unmn_disable_flow_control(void) {
    struct termios modes;
    if (tcgetattr(STDIN_FILENO, &modes) == 0) {
        modes.c_iflag &= ~(IXON | IXOFF);
        tcsetattr(STDIN_FILENO, TCSANOW, &modes);
    }
}

// The terminal is restored on every way out: SIGINT/SIGTERM/SIGHUP quit cleanly (exit status
// 128+signal), and a crash (a Swift trap is SIGILL or SIGTRAP) restores the screen first and
// then dies of the same signal so that the exit status and core dump stay honest.
static inline void unmn_restore_terminal(void) {
    if (!isendwin()) {
        unmn_write_bracketed_paste_mode(0);
        endwin();
    }
}

static inline void unmn_quit_signal_handler(int sig) {
    unmn_restore_terminal();
    _exit(128 + sig);
}

static inline void unmn_crash_signal_handler(int sig) {
    unmn_restore_terminal();
    signal(sig, SIG_DFL);
    raise(sig);
}

static inline void unmn_install_signal_handlers(void) {
    struct sigaction quit_action;
    sigemptyset(&quit_action.sa_mask);
    quit_action.sa_flags = 0;
    quit_action.sa_handler = unmn_quit_signal_handler;
    sigaction(SIGINT, &quit_action, NULL);
    sigaction(SIGTERM, &quit_action, NULL);
    sigaction(SIGHUP, &quit_action, NULL);

    struct sigaction crash_action;
    sigemptyset(&crash_action.sa_mask);
    crash_action.sa_flags = SA_RESETHAND;
    crash_action.sa_handler = unmn_crash_signal_handler;
    sigaction(SIGILL, &crash_action, NULL);
    sigaction(SIGTRAP, &crash_action, NULL);
    sigaction(SIGABRT, &crash_action, NULL);
    sigaction(SIGSEGV, &crash_action, NULL);
    sigaction(SIGBUS, &crash_action, NULL);
    sigaction(SIGFPE, &crash_action, NULL);
}

#endif
