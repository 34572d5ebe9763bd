// `make bench` section 7: downloads a URL with libcurl's easy interface and only counts the
// bytes, with a read size of BUFSIZE bytes; prints `bytes N cpu SECONDS` (this process's CPU).
// What the client would cost on Linux if it drove libcurl itself: FoundationNetworking drives
// the same libcurl but caps reads at 16 KiB and re-arms a dispatch timer on every one.
//
// Usage: curl-download URL [BUFSIZE, default 16384]
#include <curl/curl.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static long long total;

static size_t count(char *data, size_t size, size_t n, void *user) {
    (void)data;
    (void)user;
    total += (long long)(size * n);
    return size * n;
}

int main(int argc, char **argv) {
    if (argc < 2) {
        fprintf(stderr, "usage: curl-download URL [BUFSIZE]\n");
        return 2;
    }
    CURL *handle = curl_easy_init();
    if (!handle) return 1;
    curl_easy_setopt(handle, CURLOPT_URL, argv[1]);
    curl_easy_setopt(handle, CURLOPT_BUFFERSIZE, argc > 2 ? atol(argv[2]) : 16384L);
    curl_easy_setopt(handle, CURLOPT_WRITEFUNCTION, count);
    CURLcode code = curl_easy_perform(handle);
    curl_easy_cleanup(handle);
    if (code != CURLE_OK) {
        fprintf(stderr, "curl-download: %s\n", curl_easy_strerror(code));
        return 1;
    }
    struct timespec cpu;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &cpu);
    printf("bytes %lld cpu %.3f\n", total, (double)cpu.tv_sec + (double)cpu.tv_nsec / 1e9);
    return 0;
}
