/* Placeholder until the dictionary readers land (delete this file then). */
#include "dict.h"
#include "resources.h"
rl_dicts *rl_dicts_open(const rl_resource_paths *p, const char *dir,
                        void (*w)(void *, const rl_error *), void *c, rl_error *err) {
    (void)p; (void)w; (void)c; rl_error_set(err, RL_ERR_IO, dir, 0, "dictionaries not built yet"); return NULL; }
void rl_dicts_close(rl_dicts *d) { (void)d; }
