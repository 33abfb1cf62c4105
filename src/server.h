/* server.h — the HTTP coding service (libmicrohttpd). Resources are shared read-only by
 * the thread pool; each request codes its documents in their own arenas. */
#ifndef RL_SERVER_H
#define RL_SERVER_H

#include <stdbool.h>
#include <stddef.h>

#include "redline.h"

typedef struct rl_server_options {
    const char *bind;          /* address to bind, default "127.0.0.1" */
    int port;                  /* 0 = any free port (see rl_server_port) */
    int threads;               /* worker threads, default 2 */
    size_t max_body;           /* bytes, default 1 MiB → 413 beyond */
    int max_connections;       /* default 256 */
    double time_limit;         /* seconds per request, default 10 → 503 beyond */
    rl_code_options code;      /* coding options for every request */
} rl_server_options;

typedef struct rl_server rl_server;

rl_server *rl_server_start(const rl_resources *res, const rl_server_options *opts, rl_error *err);
int rl_server_port(const rl_server *s);
void rl_server_stop(rl_server *s);

#endif
