/* cmd_dict.c — `redline dict` (placeholder until implemented). */
#include "cli.h"
#include <stdio.h>
int cmd_dict(int argc, char **argv) {
    (void)argc; (void)argv;
    fprintf(stderr, "redline dict: not implemented yet\n");
    return 2;
}
