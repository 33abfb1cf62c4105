/* cli.h — the redline command line: one function per subcommand (tools/cmd_*.c).
 * The CLI parses arguments, calls the library, and prints; it holds no coding logic. */
#ifndef RL_CLI_H
#define RL_CLI_H

int cmd_code(int argc, char **argv);
int cmd_parse(int argc, char **argv);
int cmd_segment(int argc, char **argv);
int cmd_codes(int argc, char **argv);
int cmd_eval(int argc, char **argv);
int cmd_dict(int argc, char **argv);
int cmd_serve(int argc, char **argv);
int cmd_report(int argc, char **argv);
int cmd_merge(int argc, char **argv);

#endif
