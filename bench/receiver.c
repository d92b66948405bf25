/* bench/run --outbox's push receiver: answers every POST with 200 and costs next to nothing,
 * so that the push's cost on the daemon is not hidden under a receiver's own CPU on the same
 * two cores (the Python receiver used before took a few percent of a core by itself).
 *
 * One thread, poll(2) over the listening socket and up to 64 keep-alive connections. For each
 * request it appends to the file named by argv[1]:
 *   <Idempotency-Key> TAB <X-OneWindow-Signature> TAB <body length> LF <body> LF
 * and bench/outbox.py checks the keys and signatures from that file. It prints its port on
 * stdout, then serves until killed.
 *
 * Build: cc -O2 -o receiver bench/receiver.c
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <ctype.h>
#include <netinet/in.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <unistd.h>

#define MAX_CONNECTIONS 64
#define BUFFER (256 * 1024)

struct connection {
    int fd;
    size_t used;
    char *data;
};

static struct connection connections[MAX_CONNECTIONS];
static FILE *out;

/* The value of header `name` in the header block [start, end), copied into `value`. */
static int header(const char *start, const char *end, const char *name, char *value, size_t size) {
    size_t length = strlen(name);
    for (const char *line = start; line < end;) {
        const char *next = memchr(line, '\n', (size_t)(end - line));
        if (!next) next = end;
        if ((size_t)(next - line) > length && strncasecmp(line, name, length) == 0 && line[length] == ':') {
            const char *v = line + length + 1;
            while (v < next && (*v == ' ' || *v == '\t')) v++;
            const char *e = next;
            while (e > v && isspace((unsigned char)e[-1])) e--;
            size_t n = (size_t)(e - v) < size - 1 ? (size_t)(e - v) : size - 1;
            memcpy(value, v, n);
            value[n] = 0;
            return 1;
        }
        line = next + 1;
    }
    value[0] = 0;
    return 0;
}

/* Answers every whole request in the buffer; returns 0 when the connection must close. */
static int serve(struct connection *c) {
    static const char answer[] = "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n";
    for (;;) {
        char *end = memmem(c->data, c->used, "\r\n\r\n", 4);
        if (!end) return c->used < BUFFER;
        size_t head = (size_t)(end - c->data) + 4;
        char value[256], key[128], signature[128];
        size_t body = header(c->data, end, "Content-Length", value, sizeof value) ? strtoul(value, NULL, 10) : 0;
        if (head + body > BUFFER) return 0;
        if (c->used < head + body) return 1;
        header(c->data, end, "Idempotency-Key", key, sizeof key);
        header(c->data, end, "X-OneWindow-Signature", signature, sizeof signature);
        fprintf(out, "%s\t%s\t%zu\n", key, signature, body);
        fwrite(c->data + head, 1, body, out);
        fputc('\n', out);
        fflush(out);
        if (write(c->fd, answer, sizeof answer - 1) != (ssize_t)(sizeof answer - 1)) return 0;
        memmove(c->data, c->data + head + body, c->used - head - body);
        c->used -= head + body;
    }
}

int main(int argc, char **argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: receiver FILE\n");
        return 2;
    }
    out = fopen(argv[1], "w");
    if (!out) return 1;
    int listener = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in address = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
    socklen_t size = sizeof address;
    if (bind(listener, (struct sockaddr *)&address, size) || listen(listener, 64) ||
        getsockname(listener, (struct sockaddr *)&address, &size))
        return 1;
    printf("%d\n", ntohs(address.sin_port));
    fflush(stdout);
    for (int i = 0; i < MAX_CONNECTIONS; i++) connections[i].fd = -1;
    for (;;) {
        struct pollfd fds[MAX_CONNECTIONS + 1];
        int slots[MAX_CONNECTIONS + 1];
        int count = 0;
        fds[count++] = (struct pollfd){.fd = listener, .events = POLLIN};
        for (int i = 0; i < MAX_CONNECTIONS; i++)
            if (connections[i].fd >= 0) {
                slots[count] = i;
                fds[count++] = (struct pollfd){.fd = connections[i].fd, .events = POLLIN};
            }
        if (poll(fds, (nfds_t)count, -1) < 0) continue;
        if (fds[0].revents & POLLIN) {
            int fd = accept(listener, NULL, NULL);
            int placed = 0;
            for (int i = 0; fd >= 0 && i < MAX_CONNECTIONS && !placed; i++)
                if (connections[i].fd < 0) {
                    connections[i] = (struct connection){.fd = fd, .used = 0, .data = malloc(BUFFER)};
                    placed = 1;
                }
            if (fd >= 0 && !placed) close(fd);
        }
        for (int n = 1; n < count; n++) {
            if (!fds[n].revents) continue;
            struct connection *c = &connections[slots[n]];
            ssize_t got = read(c->fd, c->data + c->used, BUFFER - c->used);
            if (got > 0) c->used += (size_t)got;
            if (got <= 0 || !serve(c)) {
                close(c->fd);
                free(c->data);
                c->fd = -1;
            }
        }
    }
}
