/* model_io.c — mapped, validated model files and the compact weight tables in them. */
#include "model_io.h"
#include "resources.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#define HEADER_SIZE 64u
#define SECTION_ENTRY 24u
#define ENDIAN_MARK 0x01020304u
static const char MAGIC[8] = "RLMODEL";

static uint32_t rd32(const uint8_t *p) { uint32_t v; memcpy(&v, p, 4); return v; }
static uint64_t rd64(const uint8_t *p) { uint64_t v; memcpy(&v, p, 8); return v; }

static uint32_t crc_of(const uint8_t *p, size_t n) {
    /* zlib's crc32 takes a uInt length; feed large buffers in pieces. */
    uLong crc = crc32(0L, Z_NULL, 0);
    while (n) {
        uInt chunk = n > (1u << 30) ? (1u << 30) : (uInt)n;
        crc = crc32(crc, p, chunk);
        p += chunk; n -= chunk;
    }
    return (uint32_t)crc;
}

static void kind_name(uint32_t kind, char out[5]) {
    for (int i = 0; i < 4; i++) {
        char c = (char)(kind >> (8 * i));
        out[i] = (c >= 32 && c < 127) ? c : '?';
    }
    out[4] = '\0';
}

static int validate(rl_model_file *f, uint32_t kind, rl_error *err) {
    const uint8_t *b = f->base;
    if (f->size < HEADER_SIZE) {
        rl_error_set(err, RL_ERR_FORMAT, f->path, 0,
                     "truncated model file (%zu bytes, the header alone is %u)", f->size, HEADER_SIZE);
        return -1;
    }
    if (memcmp(b, MAGIC, 8) != 0) {
        rl_error_set(err, RL_ERR_FORMAT, f->path, 0, "not a redline model file (bad magic)");
        return -1;
    }
    if (rd32(b + 32) != ENDIAN_MARK) {
        rl_error_set(err, RL_ERR_FORMAT, f->path, 0, "model file has the wrong byte order");
        return -1;
    }
    uint32_t version = rd32(b + 8);
    if (version != RL_MODEL_VERSION) {
        rl_error_set(err, RL_ERR_FORMAT, f->path, 0,
                     "model format version %u, this redline reads version %u (retrain with make train)",
                     version, RL_MODEL_VERSION);
        return -1;
    }
    f->kind = rd32(b + 12);
    if (f->kind != kind) {
        char want[5], got[5];
        kind_name(kind, want); kind_name(f->kind, got);
        rl_error_set(err, RL_ERR_FORMAT, f->path, 0, "model kind '%s', expected '%s'", got, want);
        return -1;
    }
    uint64_t declared = rd64(b + 16);
    if (declared != f->size) {
        rl_error_set(err, RL_ERR_FORMAT, f->path, 0,
                     "%s model file: header says %llu bytes, file has %zu",
                     declared > f->size ? "truncated" : "oversized",
                     (unsigned long long)declared, f->size);
        return -1;
    }
    uint32_t crc = crc_of(b + HEADER_SIZE, f->size - HEADER_SIZE);
    if (crc != rd32(b + 24)) {
        rl_error_set(err, RL_ERR_FORMAT, f->path, 0,
                     "corrupt model file: checksum mismatch (stored %08x, computed %08x)",
                     rd32(b + 24), crc);
        return -1;
    }
    f->nsections = rd32(b + 28);
    if (f->nsections > (f->size - HEADER_SIZE) / SECTION_ENTRY) {
        rl_error_set(err, RL_ERR_FORMAT, f->path, 0, "corrupt model file: bad section count %u",
                     f->nsections);
        return -1;
    }
    f->sections = b + HEADER_SIZE;
    for (uint32_t i = 0; i < f->nsections; i++) {
        const uint8_t *e = f->sections + (size_t)i * SECTION_ENTRY;
        uint64_t off = rd64(e + 8), size = rd64(e + 16);
        if (off > f->size || size > f->size - off || (off & 7) != 0) {
            rl_error_set(err, RL_ERR_FORMAT, f->path, 0,
                         "corrupt model file: section %u lies outside the file", i);
            return -1;
        }
    }
    if (((uintptr_t)b & 7) != 0) {
        rl_error_set(err, RL_ERR_USAGE, f->path, 0, "model buffer is not 8-byte aligned");
        return -1;
    }
    return 0;
}

int rl_model_file_open(rl_model_file *f, const char *path, uint32_t kind, rl_error *err) {
    memset(f, 0, sizeof *f);
    snprintf(f->path, sizeof f->path, "%s", path);
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        rl_error_set(err, RL_ERR_IO, path, 0, "cannot open model file: %s%s", strerror(errno),
                     errno == ENOENT ? " (run make train, or check the data directory)" : "");
        return -1;
    }
    struct stat st;
    if (fstat(fd, &st) != 0) {
        rl_error_set(err, RL_ERR_IO, path, 0, "cannot stat model file: %s", strerror(errno));
        close(fd);
        return -1;
    }
    f->size = (size_t)st.st_size;
    if (f->size < HEADER_SIZE) {
        close(fd);
        rl_error_set(err, RL_ERR_FORMAT, path, 0,
                     "truncated model file (%zu bytes, the header alone is %u)", f->size, HEADER_SIZE);
        return -1;
    }
    void *p = mmap(NULL, f->size, PROT_READ, MAP_PRIVATE, fd, 0);
    close(fd);
    if (p == MAP_FAILED) {
        rl_error_set(err, RL_ERR_IO, path, 0, "cannot map model file: %s", strerror(errno));
        return -1;
    }
    f->base = p;
    f->mapped = 1;
    if (validate(f, kind, err) != 0) {
        munmap(p, f->size);
        f->base = NULL;
        return -1;
    }
    return 0;
}

int rl_model_file_from_memory(rl_model_file *f, const char *name, const void *data,
                              size_t size, uint32_t kind, rl_error *err) {
    memset(f, 0, sizeof *f);
    snprintf(f->path, sizeof f->path, "%s", name);
    f->base = data;
    f->size = size;
    if (validate(f, kind, err) != 0) { f->base = NULL; return -1; }
    return 0;
}

void rl_model_file_close(rl_model_file *f) {
    if (f->base && f->mapped) munmap((void *)f->base, f->size);
    f->base = NULL;
}

const void *rl_model_section(const rl_model_file *f, uint32_t id, size_t min_size,
                             size_t *size, rl_error *err) {
    for (uint32_t i = 0; i < f->nsections; i++) {
        const uint8_t *e = f->sections + (size_t)i * SECTION_ENTRY;
        if (rd32(e) != id) continue;
        uint64_t sz = rd64(e + 16);
        if (sz < min_size) break;
        if (size) *size = (size_t)sz;
        return f->base + rd64(e + 8);
    }
    char name[5];
    kind_name(id, name);
    rl_error_set(err, RL_ERR_FORMAT, f->path, 0, "model file lacks a valid '%s' section", name);
    return NULL;
}

int rl_model_check_features(const rl_model_file *f, uint32_t version, rl_error *err) {
    const uint8_t *p = rl_model_section(f, RL_MODEL_SEC_FEATURES, 4, NULL, err);
    if (!p) return -1;
    if (rd32(p) != version) {
        rl_error_set(err, RL_ERR_FORMAT, f->path, 0,
                     "model was trained with feature set %u, this redline computes feature set %u "
                     "(retrain with make train)", rd32(p), version);
        return -1;
    }
    return 0;
}

/* ---- writer ------------------------------------------------------------------------ */

struct rl_model_writer {
    uint32_t kind, n, cap;
    struct { uint32_t id; uint8_t *data; size_t size; } *s;
};

rl_model_writer *rl_model_writer_new(uint32_t kind) {
    rl_model_writer *w = calloc(1, sizeof *w);
    if (w) w->kind = kind;
    return w;
}

int rl_model_writer_add(rl_model_writer *w, uint32_t id, const void *data, size_t size) {
    if (w->n == w->cap) {
        uint32_t cap = w->cap ? w->cap * 2 : 8;
        void *p = realloc(w->s, cap * sizeof *w->s);
        if (!p) return -1;
        w->s = p; w->cap = cap;
    }
    uint8_t *copy = malloc(size ? size : 1);
    if (!copy) return -1;
    if (size) memcpy(copy, data, size);
    w->s[w->n].id = id; w->s[w->n].data = copy; w->s[w->n].size = size;
    w->n++;
    return 0;
}

static void wr32(uint8_t *p, uint32_t v) { memcpy(p, &v, 4); }
static void wr64(uint8_t *p, uint64_t v) { memcpy(p, &v, 8); }

int rl_model_writer_save(rl_model_writer *w, const char *path, rl_error *err) {
    size_t total = HEADER_SIZE + (size_t)w->n * SECTION_ENTRY;
    total = (total + 7) & ~(size_t)7;
    size_t first = total;
    for (uint32_t i = 0; i < w->n; i++) total += (w->s[i].size + 7) & ~(size_t)7;
    uint8_t *buf = calloc(1, total);
    if (!buf) { rl_error_set(err, RL_ERR_MEMORY, path, 0, "out of memory"); return -1; }
    memcpy(buf, MAGIC, 8);
    wr32(buf + 8, RL_MODEL_VERSION);
    wr32(buf + 12, w->kind);
    wr64(buf + 16, total);
    wr32(buf + 28, w->n);
    wr32(buf + 32, ENDIAN_MARK);
    size_t off = first;
    for (uint32_t i = 0; i < w->n; i++) {
        uint8_t *e = buf + HEADER_SIZE + (size_t)i * SECTION_ENTRY;
        wr32(e, w->s[i].id);
        wr64(e + 8, off);
        wr64(e + 16, w->s[i].size);
        if (w->s[i].size) memcpy(buf + off, w->s[i].data, w->s[i].size);
        off += (w->s[i].size + 7) & ~(size_t)7;
    }
    wr32(buf + 24, crc_of(buf + HEADER_SIZE, total - HEADER_SIZE));
    /* Write to a temporary name and rename, so a crash never leaves half a model. */
    char tmp[512];
    snprintf(tmp, sizeof tmp, "%s.tmp", path);
    FILE *fp = fopen(tmp, "wb");
    int ok = fp && fwrite(buf, 1, total, fp) == total;
    if (fp && fclose(fp) != 0) ok = 0;
    free(buf);
    if (!ok || rename(tmp, path) != 0) {
        rl_error_set(err, RL_ERR_IO, path, 0, "cannot write model file: %s", strerror(errno));
        remove(tmp);
        return -1;
    }
    return 0;
}

void rl_model_writer_free(rl_model_writer *w) {
    if (!w) return;
    for (uint32_t i = 0; i < w->n; i++) free(w->s[i].data);
    free(w->s);
    free(w);
}

/* ---- hashing ------------------------------------------------------------------------ */

uint64_t rl_hash_bytes(const void *data, size_t n, uint64_t seed) {
    /* FNV-1a, then a finaliser so that short strings spread over all 64 bits. */
    const uint8_t *p = data;
    uint64_t h = 0xcbf29ce484222325ull ^ seed;
    for (size_t i = 0; i < n; i++) { h ^= p[i]; h *= 0x100000001b3ull; }
    h ^= h >> 33; h *= 0xff51afd7ed558ccdull; h ^= h >> 33;
    return h;
}

/* ---- weights ----------------------------------------------------------------------- */

int rl_weights_load(rl_weights *wt, const void *data, size_t size, const char *file,
                    rl_error *err) {
    const uint8_t *b = data;
    if (size < 16) goto bad;
    wt->nslots = rd32(b);
    wt->nclasses = rd32(b + 4);
    wt->nunits = rd32(b + 8);
    memcpy(&wt->scale, b + 12, 4);
    if (wt->nslots == 0 || (wt->nslots & (wt->nslots - 1)) || wt->nslots > (1u << 28) ||
        wt->nclasses == 0 || wt->nclasses > RL_WEIGHTS_MAX_CLASSES || wt->nunits > (1u << 24) ||
        !(wt->scale > 0) || wt->scale > 1e30f ||
        16 + (size_t)wt->nslots * sizeof(rl_weight_slot) + (size_t)wt->nunits * 2 > size)
        goto bad;
    wt->slot = (const rl_weight_slot *)(b + 16);
    wt->u = (const int16_t *)(b + 16 + (size_t)wt->nslots * sizeof(rl_weight_slot));
    /* Every lookup must terminate (an empty slot exists) and stay inside the arrays. */
    uint32_t empty = 0, pad = RL_WEIGHTS_PAD(wt->nclasses);
    for (uint32_t i = 0; i < wt->nslots; i++) {
        const rl_weight_slot *s = &wt->slot[i];
        if (s->key == 0) { empty++; continue; }
        uint32_t first = s->span >> 8, code = s->span & 255;
        uint32_t units = code == 255 ? pad : 2 * (code + 1);
        if (first > wt->nunits || units > wt->nunits - first) goto bad;
        if (code != 255)
            for (uint32_t j = 0; j <= code; j++) {
                int16_t c = wt->u[first + 2 * j];
                if (c < 0 || (uint32_t)c >= wt->nclasses) goto bad;
            }
    }
    if (!empty) goto bad;
    return 0;
bad:
    rl_error_set(err, RL_ERR_FORMAT, file, 0, "corrupt model file: malformed weight table");
    return -1;
}

void *rl_weights_build(const rl_weight_triple *t, size_t n, uint32_t nclasses, size_t *size) {
    if (nclasses == 0 || nclasses > RL_WEIGHTS_MAX_CLASSES) return NULL;
    uint32_t pad = RL_WEIGHTS_PAD(nclasses);
    /* Count features and the units their rows need; size the table at <= 2/3 load. */
    size_t nfeat = 0, units = 0;
    float maxw = 0;
    for (size_t i = 0; i < n;) {
        size_t j = i;
        while (j < n && t[j].h == t[i].h) {
            float a = t[j].w < 0 ? -t[j].w : t[j].w;
            if (a > maxw) maxw = a;
            j++;
        }
        if (j - i > nclasses) return NULL;   /* duplicate classes */
        nfeat++;
        units += 2 * (j - i) >= pad ? pad : 2 * (j - i);
        i = j;
    }
    if (units > (1u << 24)) return NULL;   /* row offsets have 24 bits */
    uint32_t nslots = 1024;
    while (nslots < nfeat + nfeat / 2) nslots *= 2;
    size_t total = 16 + (size_t)nslots * sizeof(rl_weight_slot) + units * 2;
    total = (total + 7) & ~(size_t)7;
    uint8_t *b = calloc(1, total);
    if (!b) return NULL;
    float scale = maxw > 0 ? maxw / 32767.0f : 1.0f;
    wr32(b, nslots); wr32(b + 4, nclasses); wr32(b + 8, (uint32_t)units);
    memcpy(b + 12, &scale, 4);
    rl_weight_slot *slot = (rl_weight_slot *)(b + 16);
    int16_t *u = (int16_t *)(b + 16 + (size_t)nslots * sizeof *slot);
    uint32_t at = 0;
    for (size_t i = 0; i < n;) {
        size_t j = i;
        while (j < n && t[j].h == t[i].h) j++;
        uint32_t mask = nslots - 1, k = (uint32_t)(t[i].h >> 32) | 1u, s = (uint32_t)t[i].h & mask;
        while (slot[s].key != 0) s = (s + 1) & mask;
        int dense = 2 * (j - i) >= pad;
        slot[s] = (rl_weight_slot){k, at << 8 | (dense ? 255u : (uint32_t)(j - i - 1))};
        for (size_t x = i; x < j; x++) {
            float q = t[x].w / scale;
            int16_t w = (int16_t)(q < 0 ? q - 0.5f : q + 0.5f);
            if (dense) {
                u[at + t[x].cls] = w;
            } else {
                u[at + 2 * (x - i)] = (int16_t)t[x].cls;
                u[at + 2 * (x - i) + 1] = w;
            }
        }
        at += dense ? pad : 2 * (uint32_t)(j - i);
        i = j;
    }
    *size = total;
    return b;
}

int rl_strtab_load(rl_strtab *t, const void *data, size_t size, const char *file, rl_error *err) {
    const uint8_t *b = data;
    if (size < 4) goto bad;
    t->count = rd32(b);
    if (t->count > (size - 4) / 4) goto bad;
    t->off = (const uint32_t *)(b + 4);
    t->chars = (const char *)(b + 4 + (size_t)t->count * 4);
    t->nchars = size - 4 - (size_t)t->count * 4;
    if (t->count && (t->nchars == 0 || t->chars[t->nchars - 1] != '\0')) goto bad;
    for (uint32_t i = 0; i < t->count; i++)
        if (t->off[i] >= t->nchars) goto bad;
    return 0;
bad:
    rl_error_set(err, RL_ERR_FORMAT, file, 0, "corrupt model file: malformed string table");
    return -1;
}
