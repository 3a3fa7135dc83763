/*
 * Stand-in for NVIDIA's MPS control daemon, `nvidia-cuda-mps-control`, as far as Tessera uses it (facts in
 * docs/mps-facts.md, behaviour observed on an H200 in docs/device-check.md):
 *
 *   nvidia-cuda-mps-control -d   starts the daemon in the background and returns 0 once it accepts commands; it
 *                                listens on $CUDA_MPS_PIPE_DIRECTORY/control and writes its PID to
 *                                $CUDA_MPS_PIPE_DIRECTORY/nvidia-cuda-mps-control.pid
 *   nvidia-cuda-mps-control      reads commands on stdin, one per line, sends each to the daemon of
 *                                $CUDA_MPS_PIPE_DIRECTORY and prints its answer
 *
 * The daemon keeps its settings in memory (they are lost on `quit`, as NVIDIA's are) and writes them after every
 * change to $CUDA_MPS_LOG_DIRECTORY/standin-state.json, so tests can read what a daemon was told. Commands are
 * logged to control.log there. No GPU is touched.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#define MAX_LIMITS 16

static char pipe_dir[4096];
static char log_dir[4096];
static char socket_path[4200];
static char pid_path[4200];
static char state_path[4200];
static char log_path[4200];

static double default_percentage = 100.0;
static struct {
    char device[32];
    char value[32];
} limits[MAX_LIMITS];
static int limit_count;
static unsigned long commands_served;

static void read_directories(void) {
    const char *pipe = getenv("CUDA_MPS_PIPE_DIRECTORY");
    const char *log = getenv("CUDA_MPS_LOG_DIRECTORY");
    snprintf(pipe_dir, sizeof pipe_dir, "%s", pipe && *pipe ? pipe : "/tmp/nvidia-mps");
    snprintf(log_dir, sizeof log_dir, "%s", log && *log ? log : "/var/log/nvidia-mps");
    snprintf(socket_path, sizeof socket_path, "%s/control", pipe_dir);
    snprintf(pid_path, sizeof pid_path, "%s/nvidia-cuda-mps-control.pid", pipe_dir);
    snprintf(state_path, sizeof state_path, "%s/standin-state.json", log_dir);
    snprintf(log_path, sizeof log_path, "%s/control.log", log_dir);
}

static void log_line(const char *what, const char *detail) {
    FILE *f = fopen(log_path, "a");
    if (!f) return;
    fprintf(f, "[standin %d] %s%s%s\n", (int)getpid(), what, detail ? " " : "", detail ? detail : "");
    fclose(f);
}

/* Written whole to a temporary file and renamed, so a reader never sees half of it. */
static void write_state(void) {
    char tmp[4300];
    snprintf(tmp, sizeof tmp, "%s.tmp", state_path);
    FILE *f = fopen(tmp, "w");
    if (!f) return;
    const char *devices = getenv("CUDA_VISIBLE_DEVICES");
    fprintf(f, "{\"pid\":%d,\"visibleDevices\":\"%s\",\"defaultActiveThreadPercentage\":%.1f,", (int)getpid(),
            devices ? devices : "", default_percentage);
    fprintf(f, "\"defaultDevicePinnedMemLimits\":{");
    for (int i = 0; i < limit_count; i++)
        fprintf(f, "%s\"%s\":\"%s\"", i ? "," : "", limits[i].device, limits[i].value);
    fprintf(f, "},\"commands\":%lu}\n", commands_served);
    fclose(f);
    rename(tmp, state_path);
}

static int valid_device(const char *s) {
    if (!*s || strlen(s) >= sizeof limits[0].device) return 0;
    for (const char *p = s; *p; p++)
        if ((*p < '0' || *p > '9') && *p != '-' && (*p < 'a' || *p > 'z') && (*p < 'A' || *p > 'Z')) return 0;
    return 1;
}

/* A memory size as NVIDIA writes it: digits with an optional K, M or G suffix (`4G`, `5632M`). */
static int valid_size(const char *s) {
    size_t n = strlen(s);
    if (n == 0 || n >= sizeof limits[0].value) return 0;
    size_t digits = strspn(s, "0123456789");
    if (digits == 0) return 0;
    return digits == n || (digits == n - 1 && strchr("KMGkmg", s[n - 1]) != NULL);
}

static unsigned long long size_mib(const char *s) {
    unsigned long long n = strtoull(s, NULL, 10);
    switch (s[strlen(s) - 1]) {
    case 'G': case 'g': return n * 1024;
    case 'M': case 'm': return n;
    case 'K': case 'k': return n / 1024;
    default: return n / (1024 * 1024);
    }
}

static int find_limit(const char *device) {
    for (int i = 0; i < limit_count; i++)
        if (strcmp(limits[i].device, device) == 0) return i;
    return -1;
}

static void cleanup_files(void) {
    unlink(socket_path);
    unlink(pid_path);
}

static void on_term(int sig) {
    (void)sig;
    cleanup_files();
    _exit(0);
}

/* Answers one command into `out`; returns 1 when the daemon must quit. */
static int handle(char *line, char *out, size_t size) {
    out[0] = '\0';
    char copy[1024];
    snprintf(copy, sizeof copy, "%s", line);
    char *save = NULL;
    char *cmd = strtok_r(copy, " \t", &save);
    char *arg1 = strtok_r(NULL, " \t", &save);
    char *arg2 = strtok_r(NULL, " \t", &save);
    commands_served++;
    log_line("command", line);
    if (!cmd) return 0;
    if (strcmp(cmd, "quit") == 0) return 1;
    if (strcmp(cmd, "get_server_list") == 0) return 0;
    if (strcmp(cmd, "get_default_active_thread_percentage") == 0) {
        snprintf(out, size, "%.1f\n", default_percentage);
        return 0;
    }
    if (strcmp(cmd, "set_default_active_thread_percentage") == 0) {
        char *end = NULL;
        double value = arg1 ? strtod(arg1, &end) : -1;
        if (!arg1 || *end != '\0' || !(value > 0.0 && value <= 100.0)) {
            /* NVIDIA's logs the error and prints the value it keeps. */
            log_line("Invalid percentage, expected between (0.0, 100.0]", arg1);
            snprintf(out, size, "%.1f\n", default_percentage);
            return 0;
        }
        default_percentage = value;
        write_state();
        snprintf(out, size, "%.1f\n", default_percentage);
        return 0;
    }
    if (strcmp(cmd, "get_default_device_pinned_mem_limit") == 0) {
        int i = arg1 ? find_limit(arg1) : -1;
        if (i >= 0) snprintf(out, size, "%s\n", limits[i].value);
        else log_line("No default pinned memory limit set for the device!", arg1);
        return 0;
    }
    if (strcmp(cmd, "set_default_device_pinned_mem_limit") == 0) {
        if (!arg1 || !arg2 || !valid_device(arg1) || !valid_size(arg2)) {
            /* NVIDIA's prints nothing for a value it cannot read and keeps the previous one. */
            log_line("Invalid device pinned memory limit", arg2);
            return 0;
        }
        int i = find_limit(arg1);
        if (i < 0) {
            if (limit_count == MAX_LIMITS) return 0;
            i = limit_count++;
            snprintf(limits[i].device, sizeof limits[i].device, "%s", arg1);
        }
        /* Read back in whole GiB, rounded down, as NVIDIA's prints it (5632M reads 5G, 4096M reads 4G). */
        unsigned long long mib = size_mib(arg2);
        if (mib >= 1024) snprintf(limits[i].value, sizeof limits[i].value, "%lluG", mib / 1024);
        else snprintf(limits[i].value, sizeof limits[i].value, "%lluM", mib);
        write_state();
        return 0;
    }
    snprintf(out, size, "Unknown command \"%.400s\"\n", line);
    return 0;
}

static void serve(int listener) {
    for (;;) {
        int conn = accept(listener, NULL, NULL);
        if (conn < 0) {
            if (errno == EINTR) continue;
            break;
        }
        char line[1024];
        size_t used = 0;
        ssize_t n;
        while (used < sizeof line - 1 && (n = read(conn, line + used, sizeof line - 1 - used)) > 0) {
            used += (size_t)n;
            if (memchr(line, '\n', used)) break;
        }
        line[used] = '\0';
        line[strcspn(line, "\r\n")] = '\0';
        char answer[512];
        int quit = handle(line, answer, sizeof answer);
        if (answer[0] && write(conn, answer, strlen(answer)) < 0) log_line("cannot answer", line);
        close(conn);
        if (quit) {
            log_line("exit", NULL);
            close(listener);
            cleanup_files();
            exit(0);
        }
    }
}

static int pid_alive(pid_t pid) {
    return pid > 0 && (kill(pid, 0) == 0 || errno == EPERM);
}

static int start_daemon(void) {
    FILE *existing = fopen(pid_path, "r");
    if (existing) {
        int pid = 0;
        int read_ok = fscanf(existing, "%d", &pid) == 1;
        fclose(existing);
        if (read_ok && pid_alive((pid_t)pid)) {
            fprintf(stderr, "An instance of this daemon is already running (PID %d)\n", pid);
            return 1;
        }
    }
    mkdir(pipe_dir, 0755);
    mkdir(log_dir, 0755);
    int listener = socket(AF_UNIX, SOCK_STREAM, 0);
    struct sockaddr_un addr = {.sun_family = AF_UNIX};
    if (strlen(socket_path) >= sizeof addr.sun_path) {
        fprintf(stderr, "nvidia-cuda-mps-control: pipe directory path too long: %s\n", pipe_dir);
        return 1;
    }
    strcpy(addr.sun_path, socket_path);
    unlink(socket_path);
    if (listener < 0 || bind(listener, (struct sockaddr *)&addr, sizeof addr) != 0 || listen(listener, 16) != 0) {
        fprintf(stderr, "nvidia-cuda-mps-control: cannot listen on %s: %s\n", socket_path, strerror(errno));
        return 1;
    }
    /* As NVIDIA's: clients of every user may connect (a server is started per client uid). */
    chmod(socket_path, 0666);
    int ready[2];
    if (pipe(ready) != 0) return 1;
    pid_t child = fork();
    if (child < 0) return 1;
    if (child > 0) {
        /* Returns only once the daemon wrote its PID file and accepts commands, as NVIDIA's does. */
        close(ready[1]);
        char byte;
        ssize_t n = read(ready[0], &byte, 1);
        return n == 1 ? 0 : 1;
    }
    close(ready[0]);
    setsid();
    signal(SIGTERM, on_term);
    signal(SIGINT, on_term);
    signal(SIGPIPE, SIG_IGN);
    FILE *pidfile = fopen(pid_path, "w");
    if (!pidfile) _exit(1);
    fprintf(pidfile, "%d\n", (int)getpid());
    fclose(pidfile);
    int devnull = open("/dev/null", O_RDWR);
    if (devnull >= 0) {
        dup2(devnull, 0);
        dup2(devnull, 1);
        dup2(devnull, 2);
        if (devnull > 2) close(devnull);
    }
    log_line("Starting control daemon", getenv("CUDA_VISIBLE_DEVICES"));
    write_state();
    if (write(ready[1], "r", 1) != 1) _exit(1);
    close(ready[1]);
    serve(listener);
    return 0;
}

static int send_command(const char *line) {
    int fd = socket(AF_UNIX, SOCK_STREAM, 0);
    struct sockaddr_un addr = {.sun_family = AF_UNIX};
    if (strlen(socket_path) >= sizeof addr.sun_path) {
        fprintf(stderr, "nvidia-cuda-mps-control: pipe directory path too long: %s\n", pipe_dir);
        if (fd >= 0) close(fd);
        return 1;
    }
    memcpy(addr.sun_path, socket_path, strlen(socket_path) + 1);
    if (fd < 0 || connect(fd, (struct sockaddr *)&addr, sizeof addr) != 0) {
        fprintf(stderr, "Cannot find MPS control daemon process\n");
        if (fd >= 0) close(fd);
        return 1;
    }
    if (write(fd, line, strlen(line)) < 0 || write(fd, "\n", 1) < 0) {
        close(fd);
        return 1;
    }
    shutdown(fd, SHUT_WR);
    char buf[512];
    ssize_t n;
    while ((n = read(fd, buf, sizeof buf)) > 0) fwrite(buf, 1, (size_t)n, stdout);
    close(fd);
    return 0;
}

int main(int argc, char **argv) {
    read_directories();
    if (argc == 2 && strcmp(argv[1], "-d") == 0) return start_daemon();
    if (argc != 1) {
        fprintf(stderr, "usage: nvidia-cuda-mps-control [-d]   (stand-in: -f, -S and -v are not simulated)\n");
        return 1;
    }
    char line[1024];
    while (fgets(line, sizeof line, stdin)) {
        line[strcspn(line, "\r\n")] = '\0';
        if (!line[0]) continue;
        if (send_command(line) != 0) return 1;
        fflush(stdout);
    }
    return 0;
}
