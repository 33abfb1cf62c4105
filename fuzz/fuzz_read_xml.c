/* fuzz_read_xml.c — libFuzzer harness: the xml reader, then the segmenter, on arbitrary bytes. */
#define FUZZ_FORMAT RL_INPUT_PETRARCH_XML
#include "fuzz_reader.h"
