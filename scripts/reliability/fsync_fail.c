/* LD_PRELOAD shim: fsync on a session file (*.jsonl) fails with EIO from the Nth call on
 * (FSYNC_FAIL_AFTER, default 2), and every later fsync/write on that same descriptor is
 * logged to FSYNC_LOG so the test can prove the writer never retried on it. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int calls;
static int failed_fd = -1;

static int is_session_file(int fd) {
    char link[64], target[4096];
    snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
    ssize_t n = readlink(link, target, sizeof target - 1);
    if (n <= 6) return 0;
    target[n] = 0;
    return strcmp(target + n - 6, ".jsonl") == 0;
}

static void note(const char *what, int fd) {
    const char *path = getenv("FSYNC_LOG");
    if (!path) return;
    FILE *f = fopen(path, "a");
    if (!f) return;
    fprintf(f, "%s %d\n", what, fd);
    fclose(f);
}

int fsync(int fd) {
    static int (*real)(int);
    if (!real) real = (int (*)(int))dlsym(RTLD_NEXT, "fsync");
    if (fd == failed_fd) { note("fsync-after-failure", fd); }
    if (is_session_file(fd)) {
        calls++;
        const char *after = getenv("FSYNC_FAIL_AFTER");
        if (calls >= (after ? atoi(after) : 2)) {
            if (failed_fd != fd) note("fsync-failed", fd);
            failed_fd = fd;
            errno = EIO;
            return -1;
        }
    }
    return real(fd);
}

ssize_t write(int fd, const void *buf, size_t count) {
    static ssize_t (*real)(int, const void *, size_t);
    if (!real) real = (ssize_t (*)(int, const void *, size_t))dlsym(RTLD_NEXT, "write");
    if (fd == failed_fd && fd >= 0) note("write-after-failure", fd);
    return real(fd, buf, count);
}
