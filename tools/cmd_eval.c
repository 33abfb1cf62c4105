/* cmd_eval.c — `redline eval` (placeholder until implemented). */
#include "cli.h"
#include <stdio.h>
int cmd_eval(int argc, char **argv) {
    (void)argc; (void)argv;
    fprintf(stderr, "redline eval: not implemented yet\n");
    return 2;
}
