/* Placeholder until the readers land (delete this file when ingest is implemented). */
#include "ingest.h"
#include "resources.h"
rl_reader *rl_reader_open(const char *path, const rl_reader_options *o, rl_error *err) {
    (void)o; rl_error_set(err, RL_ERR_USAGE, path, 0, "readers not built yet"); return NULL; }
rl_read_status rl_reader_next(rl_reader *r, rl_arena *a, rl_document *d, rl_error *e) {
    (void)r; (void)a; (void)d; (void)e; return RL_READ_FATAL; }
void rl_reader_close(rl_reader *r) { (void)r; }
int rl_document_from_input(rl_arena *a, const rl_doc_input *in, rl_document *d,
                           void (*w)(void *, const rl_error *), void *c, rl_error *err) {
    (void)a; (void)in; (void)d; (void)w; (void)c;
    rl_error_set(err, RL_ERR_USAGE, "", 0, "readers not built yet"); return -1; }
