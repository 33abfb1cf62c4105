/* resources.c — opening and closing a resource set (models + dictionaries). */
#include "resources.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#ifndef RL_SOURCE_DATA_DIR
#define RL_SOURCE_DATA_DIR "data"
#endif
#ifndef RL_INSTALL_DATA_DIR
#define RL_INSTALL_DATA_DIR "/usr/local/share/redline"
#endif

static int is_dir(const char *p) {
    struct stat st;
    return p && stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

const char *rl_default_data_dir(void) {
    const char *env = getenv("REDLINE_DATA");
    if (env && *env) return env;
    if (is_dir(RL_SOURCE_DATA_DIR)) return RL_SOURCE_DATA_DIR;
    return RL_INSTALL_DATA_DIR;
}

rl_resources *rl_resources_open(const rl_resource_paths *paths, rl_error *err) {
    rl_resource_paths none = {0};
    if (!paths) paths = &none;
    rl_resources *res = calloc(1, sizeof *res);
    if (!res) { rl_error_set(err, RL_ERR_MEMORY, "", 0, "out of memory"); return NULL; }
    const char *dir = paths->data_dir ? paths->data_dir : rl_default_data_dir();
    res->data_dir = strdup(dir);
    if (!res->data_dir) { free(res); rl_error_set(err, RL_ERR_MEMORY, "", 0, "out of memory"); return NULL; }
    if (!paths->no_models) {
        char mdir[4096];
        snprintf(mdir, sizeof mdir, "%s/models", dir);
        res->models = rl_models_open(mdir, err);
        if (!res->models) { rl_resources_close(res); return NULL; }
    }
    if (!paths->no_dictionaries) {
        res->dicts = rl_dicts_open(paths, dir, NULL, NULL, err);
        if (!res->dicts) { rl_resources_close(res); return NULL; }
    }
    return res;
}

void rl_resources_close(rl_resources *res) {
    if (!res) return;
    if (res->models) rl_models_close(res->models);
    if (res->dicts) rl_dicts_close(res->dicts);
    free(res->data_dir);
    free(res);
}
