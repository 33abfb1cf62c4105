/* store_merge.h — `redline merge`: combine SQLite event stores (shards) into one. */
#ifndef RL_STORE_MERGE_H
#define RL_STORE_MERGE_H

#include "redline.h"

/* Adds every document of each shard (with its sentences and events) to the store at dest,
 * creating it if needed. A document already in dest is replaced, as re-coding would.
 * Each shard is merged in one transaction. Returns 0, or -1 with err naming the shard. */
int rl_store_merge(const char *dest, char *const *shards, int nshards, rl_error *err);

#endif
