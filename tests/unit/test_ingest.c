/* test_ingest.c — the readers, on inputs written here (files go to a temporary directory). */
#include "check.h"
#include "ingest.h"

#include <unistd.h>
#include <zlib.h>

typedef struct result {
    int ok, bad;
    char ids[8][64];
    char texts[8][256];
    char dates[8][16];
    long records[8];
    char errors[8][300];
    rl_document last;          /* valid until the arena is freed */
} result;

static int nwarn;
static void count_warn(void *ctx, const rl_error *w) { (void)ctx; (void)w; }

/* Reads everything r yields; the arena keeps the last document alive. */
static void drain(rl_reader *r, rl_arena *a, result *res) {
    memset(res, 0, sizeof *res);
    for (int guard = 0; guard < 100000; guard++) {
        rl_document d;
        rl_error err;
        rl_read_status st = rl_reader_next(r, a, &d, &err);
        if (st == RL_READ_EOF || st == RL_READ_FATAL) break;
        if (st == RL_READ_BAD) {
            if (res->bad < 8) rl_error_format(&err, res->errors[res->bad], sizeof res->errors[0]);
            res->bad++;
            continue;
        }
        if (res->ok < 8) {
            snprintf(res->ids[res->ok], 64, "%s", d.id);
            snprintf(res->texts[res->ok], 256, "%s", d.text);
            snprintf(res->dates[res->ok], 16, "%s", d.date ? d.date : "-");
            res->records[res->ok] = d.record;
        }
        res->last = d;
        res->ok++;
    }
}

static void read_mem(const char *data, size_t len, const char *name, rl_input_format f,
                     rl_arena *a, result *res) {
    rl_reader_options o = {.format = f, .warn = count_warn};
    rl_error err;
    rl_reader *r = rl_reader_open_memory(data, len, name, &o, &err);
    memset(res, 0, sizeof *res);
    if (!r) { res->bad = -1; return; }
    drain(r, a, res);
    rl_reader_close(r);
}

static void test_format_names(void) {
    CHECK_INT(rl_input_format_parse("text"), RL_INPUT_TEXT);
    CHECK_INT(rl_input_format_parse("jsonl"), RL_INPUT_JSONL);
    CHECK_INT(rl_input_format_parse("petrarch-xml"), RL_INPUT_PETRARCH_XML);
    CHECK_INT(rl_input_format_parse("html"), RL_INPUT_HTML);
    CHECK_INT(rl_input_format_parse("conllu"), RL_INPUT_CONLLU);
    CHECK_INT(rl_input_format_parse("word"), -1);
    CHECK_STR(rl_input_format_name(RL_INPUT_PETRARCH_XML), "petrarch-xml");
}

static void test_detection(void) {
    static const struct { const char *data, *name; rl_input_format want; } cases[] = {
        {"  {\"text\": \"x\"}\n", "a", RL_INPUT_JSONL},
        {"<Sentences><Sentence id=\"1\"><Text>x</Text></Sentence></Sentences>", "a", RL_INPUT_PETRARCH_XML},
        {"<?xml version=\"1.0\"?><Sentences/>", "a", RL_INPUT_PETRARCH_XML},
        {"<!DOCTYPE html><p>x</p>", "a", RL_INPUT_HTML},
        {"<html><body>x</body></html>", "a", RL_INPUT_HTML},
        {"# newdoc id = d\n", "a", RL_INPUT_CONLLU},
        {"Plain words.", "a", RL_INPUT_TEXT},
        {"Plain words.", "a.jsonl", RL_INPUT_JSONL},      /* the extension comes first */
        {"{", "story.html.gz", RL_INPUT_HTML},
        {"x", "t.conllu", RL_INPUT_CONLLU},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        rl_error err;
        rl_reader *r = rl_reader_open_memory(cases[i].data, strlen(cases[i].data), cases[i].name,
                                             NULL, &err);
        CHECK(r != NULL);
        rl_input_format got = rl_reader_format(r);
        rl_reader_close(r);
        if (got != cases[i].want) printf("# case %zu: %s\n", i, rl_input_format_name(got));
        CHECK_INT(got, cases[i].want);
    }
}

static void test_jsonl(void) {
    const char in[] =
        "{\"id\": \"n1\", \"date\": \"2024-03-14\", \"title\": \"Border reopens\", \"text\": \"Trucks crossed.\"}\n"
        "\n"
        "{\"id\": \"n2\", \"text\": \"Missing brace\"\n"
        "[1, 2]\n"
        "{\"id\": 7, \"date\": \"20240315\", \"text\": \"Numeric id.\"}\n"
        "{\"id\": \"n4\", \"title\": \"no text\"}\n"
        "{\"id\": \"n5\", \"date\": \"someday\", \"text\": \"Bad date.\"}\n"
        "{\"text\": \"No id.\"}";
    rl_arena *a = rl_arena_new(0);
    result r;
    read_mem(in, sizeof in - 1, "in.jsonl", RL_INPUT_AUTO, a, &r);
    CHECK_INT(r.bad, 2);
    CHECK_INT(r.ok, 5);
    CHECK_STR(r.ids[0], "n1");
    CHECK_STR(r.texts[0], "Border reopens\n\nTrucks crossed.");  /* title leads the text */
    CHECK_STR(r.dates[0], "2024-03-14");
    CHECK_INT(r.records[0], 1);
    CHECK(strstr(r.errors[0], "in.jsonl:3:") && strstr(r.errors[0], "malformed JSON"));
    CHECK(strstr(r.errors[1], "in.jsonl:4:") && strstr(r.errors[1], "not an object"));
    CHECK_STR(r.ids[1], "7");
    CHECK_STR(r.dates[1], "2024-03-15");
    CHECK_STR(r.texts[2], "no text");                  /* a title alone is still a document */
    CHECK_STR(r.dates[3], "-");                         /* unparseable date: warned, dropped */
    CHECK_STR(r.ids[4], "in.jsonl:8");                  /* id made from file and line */
    rl_arena_free(a);
}

static void test_jsonl_default_date_and_nul(void) {
    const char in[] = "{\"id\": \"a\", \"text\": \"x\\u0000y\"}\n";
    rl_reader_options o = {.default_date = "2020-01-02"};
    rl_error err;
    rl_reader *rd = rl_reader_open_memory(in, sizeof in - 1, "m", &o, &err);
    CHECK(rd);
    rl_arena *a = rl_arena_new(0);
    result r;
    drain(rd, a, &r);
    rl_reader_close(rd);
    CHECK_INT(r.ok, 1);
    CHECK_STR(r.texts[0], "x y");                       /* NUL replaced, not truncated */
    CHECK_STR(r.dates[0], "2020-01-02");
    rl_arena_free(a);
}

static void test_petrarch_xml(void) {
    const char in[] =
        "<Sentences>\n"
        "<Sentence date=\"20080806\" id=\"S1\" source=\"X\" sentence=\"True\">\n"
        "<Text>\n  Envoys from Chile and Peru met\n  in Lima on Wednesday.\n</Text>\n"
        "<Parse>(ROOT (S (NP envoys)))</Parse>\n"
        "<EventCoding sentenceid=\"S1\" eventtext=\"040\" sourcecode=\"CHL\" targetcode=\"PER\"/>\n"
        "</Sentence>\n"
        "<Sentence date=\"20080807\" id=\"S2\"><Parse>()</Parse></Sentence>\n"
        "<Sentence date=\"2008\" id=\"S3\"><Text>Short date.</Text></Sentence>\n"
        "</Sentences>\n";
    rl_arena *a = rl_arena_new(0);
    result r;
    read_mem(in, sizeof in - 1, "g.xml", RL_INPUT_AUTO, a, &r);
    CHECK_INT(r.ok, 2);
    CHECK_INT(r.bad, 1);
    CHECK_STR(r.ids[0], "S1");
    CHECK_STR(r.dates[0], "2008-08-06");
    CHECK_STR(r.texts[0], "Envoys from Chile and Peru met in Lima on Wednesday.");
    CHECK_INT(r.records[0], 2);
    CHECK(strstr(r.errors[0], "S2") && strstr(r.errors[0], "without <Text>"));
    CHECK_STR(r.ids[1], "S3");
    CHECK_STR(r.dates[1], "-");
    rl_arena_free(a);
}

static void test_xml_not_well_formed(void) {
    const char in[] =
        "<Sentences>\n<Sentence id=\"A\" date=\"20200101\"><Text>Kept before the damage.</Text></Sentence>\n"
        "<Sentence id=\"B\"><Text>Broken <b></Text></Sentence>\n";
    rl_arena *a = rl_arena_new(0);
    result r;
    read_mem(in, sizeof in - 1, "bad.xml", RL_INPUT_PETRARCH_XML, a, &r);
    CHECK(r.bad >= 1);
    CHECK(strstr(r.errors[0], "bad.xml:") && strstr(r.errors[0], "not well-formed"));
    CHECK(r.ok >= 1);
    CHECK_STR(r.ids[0], "A");
    /* Garbage in an XML file: an error, no crash. */
    read_mem("\x01\x02<<<>>>&&&", 10, "junk.xml", RL_INPUT_PETRARCH_XML, a, &r);
    CHECK(r.bad >= 1);
    rl_arena_free(a);
}

static void test_html(void) {
    const char in[] =
        "<!DOCTYPE html><html><head><title>Summit ends | Example News</title>"
        "<style>p { color: red }</style><script>var tracking = 1;</script></head><body>"
        "<nav><a href=\"/\">Home</a> <a>World</a></nav><header>Example News</header>"
        "<article><h1>Summit ends without deal</h1>"
        "<p>Leaders of Kenya and Uganda <b>ended</b> talks on Friday.</p>"
        "<figure><img src=\"x.jpg\"><figcaption>Leaders arrive, 3 May 2024 [Agency]</figcaption></figure>"
        "<p>They will meet again.<br>Later this year.</p><aside>Most read</aside>"
        "<form><input></form></article><footer>Copyright</footer></body></html>";
    rl_arena *a = rl_arena_new(0);
    result r;
    read_mem(in, sizeof in - 1, "page.html", RL_INPUT_AUTO, a, &r);
    CHECK_INT(r.ok, 1);
    CHECK_STR(r.ids[0], "page.html");
    CHECK_STR(r.texts[0], "Summit ends without deal\n\nLeaders of Kenya and Uganda ended talks on Friday.\n\n"
                          "Leaders arrive, 3 May 2024 [Agency]\n\nThey will meet again.\n\nLater this year.\n\n");
    CHECK_STR(r.last.title, "Summit ends | Example News");
    /* No <h1>: the <title> heads the text. */
    const char in2[] = "<html><head><title>Quiet day</title></head><body><p>Nothing happened.</p></body></html>";
    read_mem(in2, sizeof in2 - 1, "p2.html", RL_INPUT_HTML, a, &r);
    CHECK_STR(r.texts[0], "Quiet day\n\nNothing happened.\n\n");
    /* No charset declared: UTF-8, not Latin-1; a declared charset is honoured. */
    const char u8[] = "<html><body><p>Caf\xC3\xA9 \xE2\x80\x9Cx\xE2\x80\x9D.</p></body></html>";
    read_mem(u8, sizeof u8 - 1, "u.html", RL_INPUT_HTML, a, &r);
    CHECK_STR(r.texts[0], "Caf\xC3\xA9 \xE2\x80\x9Cx\xE2\x80\x9D.\n\n");
    const char l1[] = "<html><head><meta charset=\"iso-8859-1\"></head><body><p>Caf\xE9.</p></body></html>";
    read_mem(l1, sizeof l1 - 1, "l.html", RL_INPUT_HTML, a, &r);
    CHECK_STR(r.texts[0], "Caf\xC3\xA9.\n\n");
    /* Scripts only: nothing to read. */
    const char in3[] = "<html><body><script>x()</script></body></html>";
    read_mem(in3, sizeof in3 - 1, "p3.html", RL_INPUT_HTML, a, &r);
    CHECK_INT(r.ok, 0);
    CHECK_INT(r.bad, 1);
    CHECK(strstr(r.errors[0], "no article text"));
    rl_arena_free(a);
}

static void test_conllu(void) {
    const char in[] =
        "# newdoc id = d1\n# newpar\n# sent_id = 1\n# text = We can't go.\n"
        "1\tWe\twe\tPRON\tPRP\tCase=Nom\t3\tnsubj\t_\t_\n"
        "2-3\tcan't\t_\t_\t_\t_\t_\t_\t_\t_\n"
        "2\tca\tcan\tAUX\tMD\t_\t4\taux\t_\t_\n"
        "3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t_\t_\n"
        "4\tgo\tgo\tVERB\tVB\t_\t0\troot\t_\tSpaceAfter=No\n"
        "5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_\n\n"
        "# sent_id = 2\n# text = Fine.\n"
        "1\tFine\tfine\tADJ\tJJ\t_\t0\troot\t_\tSpaceAfter=No\n"
        "2\t.\t.\tPUNCT\t.\t_\t1\tpunct\t_\t_\n\n"
        "# newpar\n# text = Next.\n"
        "1\tNext\tnext\tADV\tRB\t_\t0\troot\t_\tSpaceAfter=No\n"
        "2\t.\t.\tPUNCT\t.\t_\t1\tpunct\t_\t_\n\n"
        "# newdoc id = d2\n# text = Bad line\n"
        "1\tBad\tbad\tADJ\n\n"
        "# newdoc id = d3\n# text = Ok\n"
        "1\tOk\tok\tINTJ\tUH\t_\t0\troot\t_\t_\n";
    rl_arena *a = rl_arena_new(0);
    rl_error err;
    rl_reader *rd = rl_reader_open_memory(in, sizeof in - 1, "t.conllu", NULL, &err);
    CHECK(rd);
    rl_document d;
    CHECK_INT(rl_reader_next(rd, a, &d, &err), RL_READ_OK);
    CHECK_STR(d.id, "d1");
    CHECK(d.pretokenized);
    CHECK_INT(d.nsentences, 3);
    CHECK_STR(d.text, "We can't go. Fine.\n\nNext.");
    const rl_sentence *s = &d.sentences[0];
    CHECK_INT(s->ntokens, 5);                       /* the "2-3" line is skipped */
    CHECK_STR(s->tokens[1].form, "ca");
    CHECK_STR(s->tokens[1].lemma, "can");
    CHECK_STR(s->tokens[2].upos, "PART");
    CHECK_STR(s->tokens[0].feats, "Case=Nom");
    CHECK_INT(s->tokens[3].head, 0);
    CHECK_STR(s->tokens[3].deprel, "root");
    CHECK(!s->tokens[3].space_after);
    CHECK_INT(s->tokens[3].start, 9);               /* "go" in "We can't go." */
    CHECK_INT(d.sentences[2].paragraph, 1);
    CHECK_INT(d.sentences[2].start, 20);
    CHECK_INT(rl_reader_next(rd, a, &d, &err), RL_READ_BAD);
    CHECK_STR(err.id, "d2");
    CHECK(strstr(err.reason, "fields"));
    CHECK_INT(rl_reader_next(rd, a, &d, &err), RL_READ_OK);
    CHECK_STR(d.id, "d3");
    CHECK_INT(rl_reader_next(rd, a, &d, &err), RL_READ_EOF);
    rl_reader_close(rd);
    rl_arena_free(a);
}

static void test_conllu_text_without_tokens(void) {
    /* A "# text" and nothing else (fuzzing found a NULL + 0 here). */
    const char in[] = "# newdoc id = x\n# text = Only a comment\n\n";
    rl_arena *a = rl_arena_new(0);
    result r;
    read_mem(in, sizeof in - 1, "t.conllu", RL_INPUT_CONLLU, a, &r);
    CHECK_INT(r.ok, 1);
    CHECK_STR(r.texts[0], "Only a comment");
    CHECK_INT(r.last.sentences[0].ntokens, 0);
    rl_arena_free(a);
}

static char tmpdir[64];

static const char *tmp_path(const char *name) {
    static char p[128];
    snprintf(p, sizeof p, "%s/%s", tmpdir, name);
    return p;
}

static void test_files_text_and_gzip(void) {
    const char *text = "Quiet border\n\nNothing moved today.\n";
    FILE *f = fopen(tmp_path("story.txt"), "w");
    CHECK(f);
    fputs(text, f);
    fclose(f);
    rl_reader_options o = {.default_date = "2024-01-31"};
    rl_error err;
    rl_arena *a = rl_arena_new(0);
    result r;
    rl_reader *rd = rl_reader_open(tmp_path("story.txt"), &o, &err);
    CHECK(rd);
    drain(rd, a, &r);
    rl_reader_close(rd);
    CHECK_INT(r.ok, 1);
    CHECK_STR(r.ids[0], "story.txt");                   /* basename */
    CHECK_STR(r.texts[0], text);
    CHECK_STR(r.dates[0], "2024-01-31");

    /* The same as JSON lines, gzipped: detected by magic bytes and by extension. */
    gzFile gz = gzopen(tmp_path("news.jsonl.gz"), "wb");
    CHECK(gz);
    for (int i = 0; i < 2000; i++) gzprintf(gz, "{\"id\": \"g%d\", \"text\": \"Item %d.\"}\n", i, i);
    gzclose(gz);
    rd = rl_reader_open(tmp_path("news.jsonl.gz"), NULL, &err);
    CHECK(rd);
    CHECK_INT(rl_reader_format(rd), RL_INPUT_JSONL);
    drain(rd, a, &r);
    rl_reader_close(rd);
    CHECK_INT(r.bad, 0);
    CHECK_STR(r.ids[0], "g0");

    /* Truncated: a clear error, and no crash. */
    FILE *in = fopen(tmp_path("news.jsonl.gz"), "rb");
    CHECK(in);
    char buf[4096];
    size_t n = fread(buf, 1, sizeof buf, in);
    fclose(in);
    CHECK(n > 1000);
    f = fopen(tmp_path("cut.gz"), "wb");
    CHECK(f);
    fwrite(buf, 1, n / 2, f);
    fclose(f);
    rd = rl_reader_open(tmp_path("cut.gz"), NULL, &err);
    CHECK(rd);
    drain(rd, a, &r);
    rl_reader_close(rd);
    CHECK_INT(r.bad, 1);
    CHECK(strstr(r.errors[0], "truncated"));
    rl_arena_free(a);
}

static void test_bad_files(void) {
    rl_error err;
    CHECK(rl_reader_open(tmp_path("does-not-exist"), NULL, &err) == NULL);
    CHECK_INT(err.status, RL_ERR_IO);
    CHECK(strstr(err.reason, "cannot open"));
    rl_arena *a = rl_arena_new(0);
    result r;
    read_mem("", 0, "empty.txt", RL_INPUT_AUTO, a, &r);
    CHECK_INT(r.ok, 0);
    CHECK_INT(r.bad, 1);
    CHECK(strstr(r.errors[0], "empty"));
    read_mem("", 0, "empty.jsonl", RL_INPUT_AUTO, a, &r);
    CHECK_INT(r.bad, 1);
    char garbage[4096];
    unsigned x = 12345;
    for (size_t i = 0; i < sizeof garbage; i++) { x = x * 1103515245u + 12345u; garbage[i] = (char)(x >> 16); }
    garbage[0] = 'G';
    read_mem(garbage, sizeof garbage, "noise.bin", RL_INPUT_AUTO, a, &r);
    CHECK_INT(r.ok, 0);
    CHECK_INT(r.bad, 1);
    CHECK(strstr(r.errors[0], "binary"));
    rl_arena_free(a);
}

static void test_document_from_input(void) {
    rl_arena *a = rl_arena_new(0);
    rl_doc_input in = {.id = "api", .date = "2024-03-14", .title = " Line one\nline two ",
                       .text = "Body."};
    rl_document d;
    rl_error err;
    CHECK_INT(rl_document_from_input(a, &in, &d, NULL, NULL, &err), 0);
    CHECK_STR(d.text, "Line one line two\n\nBody.");
    CHECK_STR(d.title, "Line one line two");
    CHECK_STR(d.date_source, "input");
    CHECK_INT(d.text_len, strlen(d.text));
    rl_arena_free(a);
}

int main(void) {
    snprintf(tmpdir, sizeof tmpdir, "/tmp/redline-ingest-XXXXXX");
    if (!mkdtemp(tmpdir)) { perror("mkdtemp"); return 1; }
    RUN(test_format_names);
    RUN(test_detection);
    RUN(test_jsonl);
    RUN(test_jsonl_default_date_and_nul);
    RUN(test_petrarch_xml);
    RUN(test_xml_not_well_formed);
    RUN(test_html);
    RUN(test_conllu);
    RUN(test_conllu_text_without_tokens);
    RUN(test_files_text_and_gzip);
    RUN(test_bad_files);
    RUN(test_document_from_input);
    const char *files[] = {"story.txt", "news.jsonl.gz", "cut.gz"};
    for (size_t i = 0; i < 3; i++) unlink(tmp_path(files[i]));
    rmdir(tmpdir);
    (void)nwarn;
    return CHECK_DONE();
}
