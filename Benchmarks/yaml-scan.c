/* yaml-scan: the reference for `make bench` (Scripts/bench.sh).
 * Reads a YAML or JSON file into memory and pulls every libyaml event until STREAM_END,
 * deleting each one, then prints the event count. No tree, no $ref resolution: this is the
 * floor that `openapi-gen lint` (load + resolve) is compared against.
 * Build: cc -O2 -o yaml-scan Benchmarks/yaml-scan.c $(pkg-config --cflags --libs yaml-0.1)
 * Usage: yaml-scan FILE   (exit 1 with libyaml's message on a parse error)
 */
#include <stdio.h>
#include <stdlib.h>
#include <yaml.h>

int main(int argc, char **argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: %s FILE\n", argv[0]);
        return 2;
    }
    FILE *file = fopen(argv[1], "rb");
    if (!file) { perror(argv[1]); return 1; }
    if (fseek(file, 0, SEEK_END) != 0) { perror(argv[1]); return 1; }
    long size = ftell(file);
    if (size < 0 || fseek(file, 0, SEEK_SET) != 0) { perror(argv[1]); return 1; }
    unsigned char *bytes = malloc(size > 0 ? (size_t)size : 1);
    if (!bytes) { fprintf(stderr, "out of memory\n"); return 1; }
    if (size > 0 && fread(bytes, 1, (size_t)size, file) != (size_t)size) { perror(argv[1]); return 1; }
    fclose(file);

    yaml_parser_t parser;
    if (!yaml_parser_initialize(&parser)) { fprintf(stderr, "yaml_parser_initialize failed\n"); return 1; }
    yaml_parser_set_input_string(&parser, bytes, (size_t)size);

    unsigned long events = 0;
    int done = 0;
    while (!done) {
        yaml_event_t event;
        if (!yaml_parser_parse(&parser, &event)) {
            fprintf(stderr, "%s:%lu:%lu: libyaml: %s %s\n", argv[1],
                    (unsigned long)parser.problem_mark.line + 1, (unsigned long)parser.problem_mark.column + 1,
                    parser.problem ? parser.problem : "error", parser.context ? parser.context : "");
            yaml_parser_delete(&parser);
            free(bytes);
            return 1;
        }
        done = event.type == YAML_STREAM_END_EVENT;
        events++;
        yaml_event_delete(&event);
    }
    yaml_parser_delete(&parser);
    free(bytes);
    printf("%lu\n", events);
    return 0;
}
