/* Placeholder until the parser lands (delete this file when models are implemented). */
#include "models.h"
#include "resources.h"
rl_models *rl_models_open(const char *dir, rl_error *err) {
    rl_error_set(err, RL_ERR_IO, dir, 0, "models not built yet"); return NULL; }
void rl_models_close(rl_models *m) { (void)m; }
int rl_models_annotate(const rl_models *m, rl_sentence *s, rl_arena *a) {
    (void)m; (void)s; (void)a; return -1; }
