/* cmd_segment.c — `redline segment` (placeholder until implemented). */
#include "cli.h"
#include <stdio.h>
int cmd_segment(int argc, char **argv) {
    (void)argc; (void)argv;
    fprintf(stderr, "redline segment: not implemented yet\n");
    return 2;
}
