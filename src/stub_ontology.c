/* Placeholder until the ontology table lands (delete this file then). */
#include "redline.h"
size_t rl_cameo_count(void) { return 0; }
const rl_cameo_code *rl_cameo_at(size_t i) { (void)i; return 0; }
const rl_cameo_code *rl_cameo_lookup(const char *code) { (void)code; return 0; }
