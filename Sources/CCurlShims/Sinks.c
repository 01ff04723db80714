#include "CCurlShims.h"

#include <stdlib.h>
#include <string.h>

void ccurl_buffer_clear(ccurl_buffer *buffer) {
    buffer->length = 0;
    buffer->overflowed = 0;
}

void ccurl_buffer_free(ccurl_buffer *buffer) {
    free(buffer->bytes);
    buffer->bytes = NULL;
    buffer->length = 0;
    buffer->capacity = 0;
}

/// Makes room for `needed` bytes in total; 0 when memory runs out.
static int ccurl_buffer_reserve(ccurl_buffer *buffer, size_t needed) {
    if (needed <= buffer->capacity) {
        return 1;
    }
    size_t capacity = buffer->capacity < 256 ? 256 : buffer->capacity;
    while (capacity < needed) {
        capacity *= 2;
    }
    unsigned char *bytes = realloc(buffer->bytes, capacity);
    if (bytes == NULL) {
        return 0;
    }
    buffer->bytes = bytes;
    buffer->capacity = capacity;
    return 1;
}

static size_t ccurl_append_body(char *data, size_t size, size_t count, void *context) {
    ccurl_buffer *buffer = context;
    size_t length = size * count;
    if (length > buffer->limit - buffer->length) {
        buffer->overflowed = 1;
        return 0;
    }
    if (!ccurl_buffer_reserve(buffer, buffer->length + length)) {
        return 0;
    }
    memcpy(buffer->bytes + buffer->length, data, length);
    buffer->length += length;
    return length;
}

static size_t ccurl_discard(char *data, size_t size, size_t count, void *context) {
    (void)data;
    (void)context;
    return size * count;
}

static size_t ccurl_append_header(char *data, size_t size, size_t count, void *context) {
    ccurl_buffer *buffer = context;
    size_t length = size * count;
    size_t kept = length < buffer->limit ? length : buffer->limit;
    if (kept > buffer->limit - buffer->length) {
        buffer->length = 0;
    }
    if (ccurl_buffer_reserve(buffer, buffer->length + kept)) {
        memcpy(buffer->bytes + buffer->length, data, kept);
        buffer->length += kept;
    }
    return length;
}

CURLcode ccurl_set_body_sink(CURL *handle, ccurl_buffer *buffer) {
    CURLcode code = curl_easy_setopt(handle, CURLOPT_WRITEFUNCTION, ccurl_append_body);
    if (code == CURLE_OK) code = curl_easy_setopt(handle, CURLOPT_WRITEDATA, buffer);
    return code;
}

CURLcode ccurl_set_body_discard(CURL *handle) {
    CURLcode code = curl_easy_setopt(handle, CURLOPT_WRITEFUNCTION, ccurl_discard);
    if (code == CURLE_OK) code = curl_easy_setopt(handle, CURLOPT_WRITEDATA, NULL);
    return code;
}

CURLcode ccurl_set_header_sink(CURL *handle, ccurl_buffer *buffer) {
    CURLcode code = curl_easy_setopt(handle, CURLOPT_HEADERFUNCTION, ccurl_append_header);
    if (code == CURLE_OK) code = curl_easy_setopt(handle, CURLOPT_HEADERDATA, buffer);
    return code;
}
