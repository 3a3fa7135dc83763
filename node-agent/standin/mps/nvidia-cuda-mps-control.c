/*
 * Stand-in for NVIDIA's MPS control daemon, `nvidia-cuda-mps-control`, as far as Tessera uses it (facts in
 * docs/mps-facts.md, behaviour observed on an H200 in docs/device-check.md):
 *
 *   nvidia-cuda-mps-control -d   starts the daemon in the background and returns 0 once it accepts commands; it
 *                                listens on $CUDA_MPS_PIPE_DIRECTORY/control and writes its PID to
 *                                $CUDA_MPS_PIPE_DIRECTORY/nvidia-cuda-mps-control.pid
 *   nvidia-cuda-mps-control      reads commands on stdin, one per line, sends each to the daemon of
 *                                $CUDA_MPS_PIPE_DIRECTORY and prints its answer
 *   nvidia-cuda-mps-control standin-client
 *                                (stand-in only, NVIDIA's has no such mode) acts as a CUDA client: connects to the
 *                                daemon, which starts an MPS server for the client's uid (a process running as that
 *                                uid) or reuses the running one, prints the limits the client got
 *                                (`server <PID> active_thread_percentage <p> device_pinned_mem_limit <size>`) and
 *                                stays a client until it is killed or the daemon goes
 *
 * Per-server commands answered: get_server_list (server PIDs, one a line), get_client_list <PID>,
 * set/get_active_thread_percentage <PID> [<p>] and set/get_device_pinned_mem_limit <PID> <dev> [<size>]. A client
 * gets its server's settings at the moment it connects, lowered by its own CUDA_MPS_ACTIVE_THREAD_PERCENTAGE and
 * CUDA_MPS_PINNED_DEVICE_MEM_LIMIT (`0=<size>`); later changes reach only later clients. A client of another uid
 * than the running server's is refused (NVIDIA's daemon queues it until that server's clients are done).
 *
 * The daemon keeps its settings in memory (they are lost on `quit`, as NVIDIA's are) and writes them after every
 * change to $CUDA_MPS_LOG_DIRECTORY/standin-state.json, so tests can read what a daemon was told. Commands are
 * logged to control.log there. No GPU is touched.
 */
#include <errno.h>
#include <grp.h>
#include <fcntl.h>
#include <poll.h>
#include <sys/prctl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

#define MAX_LIMITS 16
#define MAX_SERVERS 8
#define MAX_CLIENTS 64

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

/* An MPS server: one per client uid, started for the first client and ended when its last client goes. */
static struct {
    pid_t pid;
    uid_t uid;
    double percentage;
    char mem_limit[32]; /* device 0's pinned memory limit as it reads back; "" for none */
} servers[MAX_SERVERS];
static int server_count;

/* A connected client: its connection stays open while it runs. */
static struct {
    int fd;
    pid_t pid;
    pid_t server;
    double percentage;
    char mem_limit[32];
} clients[MAX_CLIENTS];
static int client_count;

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
    fprintf(f, "},\"servers\":[");
    for (int i = 0; i < server_count; i++) {
        fprintf(f, "%s{\"pid\":%d,\"uid\":%u,\"activeThreadPercentage\":%.1f,\"devicePinnedMemLimit\":\"%s\",\"clients\":[",
                i ? "," : "", (int)servers[i].pid, (unsigned)servers[i].uid, servers[i].percentage, servers[i].mem_limit);
        int first = 1;
        for (int c = 0; c < client_count; c++) {
            if (clients[c].server != servers[i].pid) continue;
            fprintf(f, "%s{\"pid\":%d,\"activeThreadPercentage\":%.1f,\"devicePinnedMemLimit\":\"%s\"}",
                    first ? "" : ",", (int)clients[c].pid, clients[c].percentage, clients[c].mem_limit);
            first = 0;
        }
        fprintf(f, "]}");
    }
    fprintf(f, "],\"commands\":%lu}\n", commands_served);
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

/* A limit as NVIDIA's daemon reads it back: whole GiB, rounded down (5632M reads 5G, 4096M reads 4G). */
static void format_limit(unsigned long long mib, char *out, size_t size) {
    if (mib >= 1024) snprintf(out, size, "%lluG", mib / 1024);
    else snprintf(out, size, "%lluM", mib);
}

static int find_server_index(const char *pid_text) {
    if (!pid_text) return -1;
    char *end = NULL;
    long pid = strtol(pid_text, &end, 10);
    if (*end != '\0') return -1;
    for (int i = 0; i < server_count; i++)
        if (servers[i].pid == (pid_t)pid) return i;
    return -1;
}

static int valid_percentage(const char *text, double *value) {
    char *end = NULL;
    *value = text ? strtod(text, &end) : -1;
    return text && *end == '\0' && *value > 0.0 && *value <= 100.0;
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
    for (int i = 0; i < server_count; i++) kill(servers[i].pid, SIGKILL);
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
    if (strcmp(cmd, "get_server_list") == 0) {
        size_t used = 0;
        for (int i = 0; i < server_count && used < size; i++)
            used += (size_t)snprintf(out + used, size - used, "%d\n", (int)servers[i].pid);
        return 0;
    }
    if (strcmp(cmd, "get_client_list") == 0) {
        int s = find_server_index(arg1);
        size_t used = 0;
        for (int c = 0; s >= 0 && c < client_count && used < size; c++)
            if (clients[c].server == servers[s].pid)
                used += (size_t)snprintf(out + used, size - used, "%d\n", (int)clients[c].pid);
        return 0;
    }
    if (strcmp(cmd, "get_active_thread_percentage") == 0 || strcmp(cmd, "set_active_thread_percentage") == 0) {
        int s = find_server_index(arg1);
        if (s < 0) {
            log_line("No server with that PID", arg1);
            return 0;
        }
        double value;
        if (cmd[0] == 's') {
            if (valid_percentage(arg2, &value)) {
                servers[s].percentage = value;
                write_state();
            } else {
                log_line("Invalid percentage, expected between (0.0, 100.0]", arg2);
            }
        }
        snprintf(out, size, "%.1f\n", servers[s].percentage);
        return 0;
    }
    if (strcmp(cmd, "get_device_pinned_mem_limit") == 0 || strcmp(cmd, "set_device_pinned_mem_limit") == 0) {
        char *arg3 = strtok_r(NULL, " \t", &save);
        int s = find_server_index(arg1);
        /* The daemon sees one device (CUDA_VISIBLE_DEVICES names it), so its servers have device 0 only. */
        if (s < 0 || !arg2 || strcmp(arg2, "0") != 0) {
            log_line("No server with that PID, or no such device", arg1);
            return 0;
        }
        if (cmd[0] == 's') {
            if (arg3 && valid_size(arg3)) {
                format_limit(size_mib(arg3), servers[s].mem_limit, sizeof servers[s].mem_limit);
                write_state();
            } else {
                log_line("Invalid device pinned memory limit", arg3);
            }
        } else if (servers[s].mem_limit[0]) {
            snprintf(out, size, "%s\n", servers[s].mem_limit);
        }
        return 0;
    }
    if (strcmp(cmd, "get_default_active_thread_percentage") == 0) {
        snprintf(out, size, "%.1f\n", default_percentage);
        return 0;
    }
    if (strcmp(cmd, "set_default_active_thread_percentage") == 0) {
        double value;
        if (!valid_percentage(arg1, &value)) {
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
        format_limit(size_mib(arg2), limits[i].value, sizeof limits[i].value);
        write_state();
        return 0;
    }
    snprintf(out, size, "Unknown command \"%.400s\"\n", line);
    return 0;
}

/* Ends every server (on quit, as NVIDIA's quit ends the daemon's servers). */
static void end_servers(void) {
    for (int i = 0; i < server_count; i++) {
        kill(servers[i].pid, SIGKILL);
        waitpid(servers[i].pid, NULL, 0);
    }
    server_count = 0;
}

/* A process standing for the MPS server of `uid`: it runs as that uid (when the daemon may switch) until ended. */
static pid_t start_server(uid_t uid, gid_t gid, int listener, int conn) {
    pid_t pid = fork();
    if (pid != 0) return pid;
    /* The daemon's connections stay the daemon's: a client sees its daemon go when the daemon does. */
    close(listener);
    close(conn);
    for (int c = 0; c < client_count; c++) close(clients[c].fd);
    if (geteuid() == 0 && uid != 0) {
        if (setgroups(0, NULL) != 0 || setgid(gid) != 0 || setuid(uid) != 0) _exit(1);
    }
    /* Set after the uid change, which clears it: the server goes with its daemon, as NVIDIA's does. */
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    for (;;) pause();
}

/* The lower of a server's limit and a client's own CUDA_MPS_PINNED_DEVICE_MEM_LIMIT (`0=<size>`). */
static void client_mem_limit(const char *server_limit, const char *env, char *out, size_t size) {
    snprintf(out, size, "%s", server_limit);
    if (!env || strncmp(env, "0=", 2) != 0 || !valid_size(env + 2)) return;
    unsigned long long own = size_mib(env + 2);
    if (!server_limit[0] || own < size_mib(server_limit)) format_limit(own, out, size);
}

/* A client connects (`standin_client_attach <percentage or -> <0=size or ->`): find or start its uid's server. */
static void attach_client(int conn, const char *line, int listener) {
    struct ucred cred;
    socklen_t len = sizeof cred;
    char answer[256];
    char pct_arg[64] = "-", mem_arg[64] = "-";
    sscanf(line, "standin_client_attach %63s %63s", pct_arg, mem_arg);
    if (getsockopt(conn, SOL_SOCKET, SO_PEERCRED, &cred, &len) != 0 || client_count == MAX_CLIENTS) {
        close(conn);
        return;
    }
    int s = -1;
    for (int i = 0; i < server_count; i++)
        if (servers[i].uid == cred.uid) s = i;
    if (s < 0 && server_count > 0) {
        snprintf(answer, sizeof answer, "refused: the server of uid %u runs (NVIDIA's daemon would queue this client)\n",
                 (unsigned)servers[0].uid);
        if (write(conn, answer, strlen(answer)) < 0) log_line("cannot answer", line);
        close(conn);
        return;
    }
    if (s < 0) {
        pid_t pid = start_server(cred.uid, cred.gid, listener, conn);
        if (pid < 0) {
            close(conn);
            return;
        }
        s = server_count++;
        servers[s].pid = pid;
        servers[s].uid = cred.uid;
        servers[s].percentage = default_percentage;
        int d = find_limit("0");
        snprintf(servers[s].mem_limit, sizeof servers[s].mem_limit, "%s", d >= 0 ? limits[d].value : "");
        log_line("Server started for a client uid", NULL);
    }
    int c = client_count++;
    clients[c].fd = conn;
    clients[c].pid = cred.pid;
    clients[c].server = servers[s].pid;
    double own;
    clients[c].percentage =
        valid_percentage(pct_arg, &own) && own < servers[s].percentage ? own : servers[s].percentage;
    client_mem_limit(servers[s].mem_limit, strcmp(mem_arg, "-") ? mem_arg : NULL, clients[c].mem_limit,
                     sizeof clients[c].mem_limit);
    snprintf(answer, sizeof answer, "server %d active_thread_percentage %.1f device_pinned_mem_limit %s\n",
             (int)servers[s].pid, clients[c].percentage, clients[c].mem_limit[0] ? clients[c].mem_limit : "none");
    if (write(conn, answer, strlen(answer)) < 0) log_line("cannot answer", line);
    write_state();
}

/* A client went: drop it, and end its server when it was that server's last client. */
static void detach_client(int c) {
    pid_t server = clients[c].server;
    close(clients[c].fd);
    clients[c] = clients[--client_count];
    for (int i = 0; i < client_count; i++)
        if (clients[i].server == server) {
            write_state();
            return;
        }
    for (int i = 0; i < server_count; i++) {
        if (servers[i].pid != server) continue;
        kill(server, SIGKILL);
        waitpid(server, NULL, 0);
        servers[i] = servers[--server_count];
        break;
    }
    write_state();
}

static void serve(int listener) {
    for (;;) {
        struct pollfd fds[MAX_CLIENTS + 1];
        fds[0] = (struct pollfd){.fd = listener, .events = POLLIN};
        for (int c = 0; c < client_count; c++) fds[c + 1] = (struct pollfd){.fd = clients[c].fd, .events = POLLIN};
        int watched = client_count;
        if (poll(fds, (nfds_t)watched + 1, -1) < 0) {
            if (errno == EINTR) continue;
            break;
        }
        /* From the end, so that dropping a client (moving the last one into its place) skips none. */
        for (int c = watched - 1; c >= 0; c--) {
            if (!fds[c + 1].revents) continue;
            char scratch[64];
            if (read(clients[c].fd, scratch, sizeof scratch) <= 0) detach_client(c);
        }
        if (!(fds[0].revents & POLLIN)) continue;
        int conn = accept(listener, NULL, NULL);
        if (conn < 0) continue;
        char line[1024];
        size_t used = 0;
        ssize_t n;
        while (used < sizeof line - 1 && (n = read(conn, line + used, sizeof line - 1 - used)) > 0) {
            used += (size_t)n;
            if (memchr(line, '\n', used)) break;
        }
        line[used] = '\0';
        line[strcspn(line, "\r\n")] = '\0';
        if (strncmp(line, "standin_client_attach", 21) == 0) {
            attach_client(conn, line, listener);
            continue;
        }
        char answer[2048];
        int quit = handle(line, answer, sizeof answer);
        if (answer[0] && write(conn, answer, strlen(answer)) < 0) log_line("cannot answer", line);
        close(conn);
        if (quit) {
            log_line("exit", NULL);
            end_servers();
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
    signal(SIGCHLD, SIG_DFL);
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

static int connect_daemon(void) {
    int fd = socket(AF_UNIX, SOCK_STREAM, 0);
    struct sockaddr_un addr = {.sun_family = AF_UNIX};
    if (fd < 0 || strlen(socket_path) >= sizeof addr.sun_path) {
        fprintf(stderr, "nvidia-cuda-mps-control: pipe directory path too long: %s\n", pipe_dir);
        if (fd >= 0) close(fd);
        return -1;
    }
    memcpy(addr.sun_path, socket_path, strlen(socket_path) + 1);
    if (connect(fd, (struct sockaddr *)&addr, sizeof addr) != 0) {
        fprintf(stderr, "Cannot find MPS control daemon process\n");
        close(fd);
        return -1;
    }
    return fd;
}

static int send_command(const char *line) {
    int fd = connect_daemon();
    if (fd < 0) return 1;
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

/* Stands for a CUDA program under MPS: prints the limits its server gave it and stays until killed. */
static int run_client(void) {
    int fd = connect_daemon();
    if (fd < 0) return 1;
    const char *pct = getenv("CUDA_MPS_ACTIVE_THREAD_PERCENTAGE");
    const char *mem = getenv("CUDA_MPS_PINNED_DEVICE_MEM_LIMIT");
    char line[256];
    snprintf(line, sizeof line, "standin_client_attach %.60s %.60s\n", pct && *pct ? pct : "-", mem && *mem ? mem : "-");
    if (write(fd, line, strlen(line)) < 0) return 1;
    char buf[512];
    ssize_t n = read(fd, buf, sizeof buf - 1);
    if (n <= 0) return 1;
    buf[n] = '\0';
    fputs(buf, stdout);
    fflush(stdout);
    if (strncmp(buf, "server ", 7) != 0) return 1;
    /* The connection ends when the daemon does; a CUDA program then loses its MPS server. */
    while (read(fd, buf, sizeof buf) > 0) {
    }
    fprintf(stderr, "stand-in MPS client: the control daemon went away\n");
    return 1;
}

int main(int argc, char **argv) {
    read_directories();
    if (argc == 2 && strcmp(argv[1], "-d") == 0) return start_daemon();
    if (argc == 2 && strcmp(argv[1], "standin-client") == 0) return run_client();
    if (argc != 1) {
        fprintf(stderr, "usage: nvidia-cuda-mps-control [-d | standin-client]   (stand-in: -f, -S and -v are not simulated)\n");
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
