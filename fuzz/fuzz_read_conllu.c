/* fuzz_read_conllu.c — libFuzzer harness: the conllu reader, then the segmenter, on arbitrary bytes. */
#define FUZZ_FORMAT RL_INPUT_CONLLU
#include "fuzz_reader.h"
