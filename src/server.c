/*
 * server.c — `redline serve`: an HTTP/JSON coding service on libmicrohttpd.
 *
 *   POST /v1/code         JSON document {id, date, title, text}, a JSON array of them, or
 *                         text/plain; answers {"documents": N, "events": [...]}
 *   POST /hypnos/extract  hypnos's request shape {"text", "id", "date"}
 *   GET  /v1/codes        the CAMEO ontology
 *   GET  /healthz         "ok"
 *   GET  /metrics         Prometheus text: requests by status, documents, events, latency
 *
 * Errors are JSON {"error": {"status": N, "message": "..."}}: 400 malformed, 404, 405 wrong
 * method, 413 body too large, 503 time limit. The request body is collected per connection
 * up to max_body; everything per request is freed when the request completes.
 */
#include "server.h"

#include <arpa/inet.h>
#include <stdarg.h>
#include <jansson.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>

#include "date.h"
#include "resources.h"
#include "writer.h"

/* Latency histogram bucket bounds in seconds (Prometheus "le" labels). */
static const double latency_bounds[] = {0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};
#define NBOUNDS (sizeof latency_bounds / sizeof latency_bounds[0])

/* HTTP statuses we count separately; anything else lands in "other". */
static const int counted_statuses[] = {200, 400, 404, 405, 413, 500, 503};
#define NSTATUSES (sizeof counted_statuses / sizeof counted_statuses[0])

struct rl_server {
    const rl_resources *res;
    rl_server_options opts;
    struct MHD_Daemon *daemon;
    int port;
    /* Metrics: the only mutable state shared by the pool's threads, hence atomic. */
    atomic_long requests[NSTATUSES + 1];
    atomic_long documents, events;
    atomic_long latency_buckets[NBOUNDS + 1];
    atomic_long latency_micros_sum, latency_count;
};

typedef struct request {
    char *body;
    size_t len, cap;
    bool too_large;
    double started;
} request;

static double now_seconds(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void count_request(rl_server *s, int status, double seconds) {
    size_t i = 0;
    while (i < NSTATUSES && counted_statuses[i] != status) i++;
    atomic_fetch_add(&s->requests[i], 1);
    size_t b = 0;
    while (b < NBOUNDS && seconds > latency_bounds[b]) b++;
    atomic_fetch_add(&s->latency_buckets[b], 1);
    atomic_fetch_add(&s->latency_micros_sum, (long)(seconds * 1e6));
    atomic_fetch_add(&s->latency_count, 1);
}

static enum MHD_Result send_text(struct MHD_Connection *c, int status, const char *type,
                                 const char *body, size_t len) {
    struct MHD_Response *r =
        MHD_create_response_from_buffer(len, (void *)body, MHD_RESPMEM_MUST_COPY);
    if (!r) return MHD_NO;
    MHD_add_response_header(r, "Content-Type", type);
    enum MHD_Result ret = MHD_queue_response(c, (unsigned)status, r);
    MHD_destroy_response(r);
    return ret;
}

static enum MHD_Result send_json(struct MHD_Connection *c, int status, json_t *j) {
    char *text = json_dumps(j, JSON_COMPACT);
    json_decref(j);
    if (!text) return MHD_NO;
    size_t n = strlen(text);
    /* A trailing newline makes curl output and line-based clients happier. */
    char *withnl = realloc(text, n + 2);
    if (!withnl) { free(text); return MHD_NO; }
    withnl[n] = '\n';
    withnl[n + 1] = '\0';
    enum MHD_Result ret = send_text(c, status, "application/json", withnl, n + 1);
    free(withnl);
    return ret;
}

static enum MHD_Result send_error(struct MHD_Connection *c, int status, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static enum MHD_Result send_error(struct MHD_Connection *c, int status, const char *fmt, ...) {
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    return send_json(c, status, json_pack("{s:{s:i,s:s}}", "error", "status", status, "message", msg));
}

/* Reads one document object into in; returns NULL or a reason. Strings point into obj. */
static const char *doc_from_json(json_t *obj, size_t index, rl_doc_input *in, char *idbuf,
                                 size_t idsize) {
    if (!json_is_object(obj)) return "document is not a JSON object";
    json_t *text = json_object_get(obj, "text");
    if (!text) return "missing \"text\"";
    if (!json_is_string(text)) return "\"text\" is not a string";
    json_t *id = json_object_get(obj, "id");
    json_t *date = json_object_get(obj, "date");
    json_t *title = json_object_get(obj, "title");
    if (date && !json_is_null(date) && !json_is_string(date)) return "\"date\" is not a string";
    if (title && !json_is_null(title) && !json_is_string(title)) return "\"title\" is not a string";
    memset(in, 0, sizeof *in);
    if (json_is_string(id)) snprintf(idbuf, idsize, "%s", json_string_value(id));
    else if (json_is_integer(id)) snprintf(idbuf, idsize, "%lld", (long long)json_integer_value(id));
    else snprintf(idbuf, idsize, "doc-%zu", index + 1);
    in->id = idbuf;
    in->text = json_string_value(text);
    in->text_len = json_string_length(text);
    in->date = json_is_string(date) ? json_string_value(date) : NULL;
    in->title = json_is_string(title) ? json_string_value(title) : NULL;
    if (in->date && (strlen(in->date) != 10 || !rl_date_parse(in->date)))
        return "\"date\" is not YYYY-MM-DD";
    return NULL;
}

/* Codes the documents and writes their events, comma-separated JSON objects, to out.
 * Returns an HTTP status. */
static int code_documents(rl_server *s, rl_doc_input *docs, size_t n, FILE *out,
                          char *why, size_t whysize) {
    size_t written = 0;
    for (size_t i = 0; i < n; i++) {
        rl_error err = {0};
        rl_events *ev = rl_code_document(s->res, &docs[i], &s->opts.code, &err);
        if (!ev) {
            snprintf(why, whysize, "document %s: %s", docs[i].id, err.reason);
            return err.status == RL_ERR_LIMIT ? 503 : err.status == RL_ERR_FORMAT ? 400 : 500;
        }
        atomic_fetch_add(&s->documents, 1);
        size_t ne = rl_events_count(ev);
        atomic_fetch_add(&s->events, (long)ne);
        for (size_t k = 0; k < ne; k++) {
            if (written++) fputc(',', out);
            rl_write_event_json(out, rl_events_get(ev, k));
        }
        rl_events_free(ev);
    }
    return 200;
}

static enum MHD_Result handle_code(rl_server *s, struct MHD_Connection *c, request *rq,
                                   bool hypnos, int *status) {
    const char *ctype = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Content-Type");
    bool plain = ctype && strncmp(ctype, "text/plain", 10) == 0 && !hypnos;
    json_t *root = NULL;
    rl_doc_input single;
    rl_doc_input *docs = &single;
    size_t ndocs = 1;
    char idbuf[128];
    char (*ids)[128] = NULL;

    if (plain) {
        memset(&single, 0, sizeof single);
        single.id = "text";
        single.text = rq->body ? rq->body : "";
        single.text_len = rq->len;
    } else {
        json_error_t jerr;
        root = json_loadb(rq->body ? rq->body : "", rq->len, JSON_REJECT_DUPLICATES, &jerr);
        if (!root) {
            *status = 400;
            return send_error(c, 400, "malformed JSON at line %d column %d: %s", jerr.line,
                              jerr.column, jerr.text);
        }
        if (json_is_array(root) && !hypnos) {
            ndocs = json_array_size(root);
            if (ndocs == 0) {
                json_decref(root);
                *status = 400;
                return send_error(c, 400, "empty array: no documents");
            }
            docs = calloc(ndocs, sizeof *docs);
            ids = calloc(ndocs, sizeof *ids);
            if (!docs || !ids) {
                free(docs); free(ids); json_decref(root);
                *status = 500;
                return send_error(c, 500, "out of memory");
            }
            for (size_t i = 0; i < ndocs; i++) {
                const char *why = doc_from_json(json_array_get(root, i), i, &docs[i], ids[i], sizeof ids[i]);
                if (why) {
                    free(docs); free(ids); json_decref(root);
                    *status = 400;
                    return send_error(c, 400, "document %zu: %s", i + 1, why);
                }
            }
        } else {
            const char *why = doc_from_json(root, 0, &single, idbuf, sizeof idbuf);
            if (why) {
                json_decref(root);
                *status = 400;
                return send_error(c, 400, "%s", why);
            }
        }
    }

    char *buf = NULL;
    size_t size = 0;
    FILE *out = open_memstream(&buf, &size);
    char why[600] = "";
    enum MHD_Result ret;
    if (!out) {
        *status = 500;
        ret = send_error(c, 500, "out of memory");
    } else {
        if (hypnos) {
            fputs("{\"id\":", out);
            rl_write_json_string(out, single.id, strlen(single.id));
            fputs(",\"date\":", out);
            rl_write_json_string(out, single.date, single.date ? strlen(single.date) : 0);
            fputs(",\"events\":[", out);
        } else {
            fprintf(out, "{\"documents\":%zu,\"events\":[", ndocs);
        }
        *status = code_documents(s, docs, ndocs, out, why, sizeof why);
        fputs("]}\n", out);
        fclose(out);
        if (*status == 200) ret = send_text(c, 200, "application/json", buf, size);
        else ret = send_error(c, *status, "%s", why);
        free(buf);
    }
    if (docs != &single) free(docs);
    free(ids);
    json_decref(root);   /* after sending: docs pointed into it */
    return ret;
}

static enum MHD_Result handle_codes(struct MHD_Connection *c) {
    json_t *arr = json_array();
    for (size_t i = 0; i < rl_cameo_count(); i++) {
        const rl_cameo_code *k = rl_cameo_at(i);
        json_array_append_new(arr, json_pack("{s:s,s:s,s:s,s:i,s:f}", "code", k->code, "name", k->name,
                                             "description", k->description ? k->description : "",
                                             "quad_class", k->quad_class, "goldstein", k->goldstein));
    }
    return send_json(c, 200, arr);
}

static enum MHD_Result handle_metrics(rl_server *s, struct MHD_Connection *c) {
    char *buf = NULL;
    size_t size = 0;
    FILE *f = open_memstream(&buf, &size);
    if (!f) return send_error(c, 500, "out of memory");
    fprintf(f, "# HELP redline_requests_total HTTP requests by status.\n"
               "# TYPE redline_requests_total counter\n");
    for (size_t i = 0; i < NSTATUSES; i++)
        fprintf(f, "redline_requests_total{status=\"%d\"} %ld\n", counted_statuses[i],
                atomic_load(&s->requests[i]));
    fprintf(f, "redline_requests_total{status=\"other\"} %ld\n", atomic_load(&s->requests[NSTATUSES]));
    fprintf(f, "# HELP redline_documents_total Documents coded.\n# TYPE redline_documents_total counter\n"
               "redline_documents_total %ld\n", atomic_load(&s->documents));
    fprintf(f, "# HELP redline_events_total Events produced.\n# TYPE redline_events_total counter\n"
               "redline_events_total %ld\n", atomic_load(&s->events));
    fprintf(f, "# HELP redline_request_seconds Request latency.\n# TYPE redline_request_seconds histogram\n");
    long cumulative = 0;
    for (size_t b = 0; b < NBOUNDS; b++) {
        cumulative += atomic_load(&s->latency_buckets[b]);
        fprintf(f, "redline_request_seconds_bucket{le=\"%g\"} %ld\n", latency_bounds[b], cumulative);
    }
    cumulative += atomic_load(&s->latency_buckets[NBOUNDS]);
    fprintf(f, "redline_request_seconds_bucket{le=\"+Inf\"} %ld\n", cumulative);
    fprintf(f, "redline_request_seconds_sum %.6f\nredline_request_seconds_count %ld\n",
            (double)atomic_load(&s->latency_micros_sum) / 1e6, atomic_load(&s->latency_count));
    fclose(f);
    enum MHD_Result ret = send_text(c, 200, "text/plain; version=0.0.4", buf, size);
    free(buf);
    return ret;
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *c, const char *url,
                                  const char *method, const char *version,
                                  const char *upload_data, size_t *upload_size, void **con_cls) {
    (void)version;
    rl_server *s = cls;
    request *rq = *con_cls;
    if (!rq) {
        rq = calloc(1, sizeof *rq);
        if (!rq) return MHD_NO;
        rq->started = now_seconds();
        *con_cls = rq;
        return MHD_YES;
    }
    if (*upload_size) {
        /* Collect the body; past the limit keep reading but drop the bytes. */
        if (!rq->too_large && rq->len + *upload_size > s->opts.max_body) rq->too_large = true;
        if (!rq->too_large) {
            if (rq->len + *upload_size + 1 > rq->cap) {
                size_t cap = rq->cap ? rq->cap : 4096;
                while (cap < rq->len + *upload_size + 1) cap *= 2;
                char *nb = realloc(rq->body, cap);
                if (!nb) return MHD_NO;
                rq->body = nb;
                rq->cap = cap;
            }
            memcpy(rq->body + rq->len, upload_data, *upload_size);
            rq->len += *upload_size;
            rq->body[rq->len] = '\0';
        }
        *upload_size = 0;
        return MHD_YES;
    }

    int status = 200;
    enum MHD_Result ret;
    bool is_post = strcmp(method, "POST") == 0, is_get = strcmp(method, "GET") == 0;
    bool code_url = strcmp(url, "/v1/code") == 0, hypnos_url = strcmp(url, "/hypnos/extract") == 0;
    bool get_url = !strcmp(url, "/v1/codes") || !strcmp(url, "/healthz") || !strcmp(url, "/metrics");
    if (rq->too_large) {
        status = 413;
        ret = send_error(c, 413, "request body larger than %zu bytes", s->opts.max_body);
    } else if (code_url || hypnos_url) {
        if (!is_post) { status = 405; ret = send_error(c, 405, "%s %s: use POST", method, url); }
        else ret = handle_code(s, c, rq, hypnos_url, &status);
    } else if (get_url) {
        if (!is_get) { status = 405; ret = send_error(c, 405, "%s %s: use GET", method, url); }
        else if (!strcmp(url, "/healthz")) ret = send_text(c, 200, "text/plain", "ok\n", 3);
        else if (!strcmp(url, "/v1/codes")) ret = handle_codes(c);
        else ret = handle_metrics(s, c);
    } else {
        status = 404;
        ret = send_error(c, 404, "no such endpoint: %s", url);
    }
    count_request(s, status, now_seconds() - rq->started);
    return ret;
}

static void on_completed(void *cls, struct MHD_Connection *c, void **con_cls,
                         enum MHD_RequestTerminationCode toe) {
    (void)cls; (void)c; (void)toe;
    request *rq = *con_cls;
    if (rq) { free(rq->body); free(rq); }
    *con_cls = NULL;
}

rl_server *rl_server_start(const rl_resources *res, const rl_server_options *o, rl_error *err) {
    rl_server *s = calloc(1, sizeof *s);
    if (!s) { rl_error_set(err, RL_ERR_MEMORY, "", 0, "out of memory"); return NULL; }
    s->res = res;
    s->opts = *o;
    if (!s->opts.bind) s->opts.bind = "127.0.0.1";
    if (s->opts.threads <= 0) s->opts.threads = 2;
    if (!s->opts.max_body) s->opts.max_body = 1u << 20;
    if (s->opts.max_connections <= 0) s->opts.max_connections = 256;
    if (s->opts.time_limit <= 0) s->opts.time_limit = 10;
    s->opts.code.time_limit = s->opts.time_limit;

    struct sockaddr_in addr = {0};
    addr.sin_family = AF_INET;
    addr.sin_port = htons((uint16_t)s->opts.port);
    if (inet_pton(AF_INET, s->opts.bind, &addr.sin_addr) != 1) {
        rl_error_set(err, RL_ERR_USAGE, "", 0, "cannot bind to '%s': not an IPv4 address", s->opts.bind);
        free(s);
        return NULL;
    }
    s->daemon = MHD_start_daemon(
        MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL | MHD_USE_ERROR_LOG,
        (uint16_t)s->opts.port, NULL, NULL, on_request, s,
        MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&addr,
        MHD_OPTION_THREAD_POOL_SIZE, (unsigned)s->opts.threads,
        MHD_OPTION_CONNECTION_LIMIT, (unsigned)s->opts.max_connections,
        MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)30,
        MHD_OPTION_NOTIFY_COMPLETED, on_completed, s,
        MHD_OPTION_END);
    if (!s->daemon) {
        rl_error_set(err, RL_ERR_IO, "", 0, "cannot listen on %s:%d (port in use?)", s->opts.bind, s->opts.port);
        free(s);
        return NULL;
    }
    const union MHD_DaemonInfo *info = MHD_get_daemon_info(s->daemon, MHD_DAEMON_INFO_BIND_PORT);
    s->port = info ? info->port : s->opts.port;
    return s;
}

int rl_server_port(const rl_server *s) { return s->port; }

void rl_server_stop(rl_server *s) {
    if (!s) return;
    MHD_stop_daemon(s->daemon);
    free(s);
}
