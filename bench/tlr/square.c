/* SQUARE of "Tracing the Meta-Level" written in C, the yardstick of
 * bench/tlr-table's last row: a * a computed by adding a to a result a
 * times, the loop of bench/tlr/square.tlr. The empty asm statement tells
 * gcc that it cannot know i and res after each iteration, so that -O2
 * keeps the loop instead of computing a * a in closed form; it emits no
 * instruction. */
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv) {
    long a = argc > 1 ? atol(argv[1]) : 0;
    long i = a;
    long res = 0;
    while (i != 0) {
        i -= 1;
        res += a;
        __asm__ volatile("" : "+r"(res), "+r"(i));
    }
    printf("%ld\n", res);
    return 0;
}
