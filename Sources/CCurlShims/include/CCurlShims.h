#ifndef CAREDESK_CCURLSHIMS_H
#define CAREDESK_CCURLSHIMS_H

// Typed entry points to libcurl for Swift.
//
// curl_easy_setopt and curl_easy_getinfo are variadic, which Swift cannot
// call; each wrapper below fixes the argument type. The callbacks libcurl
// needs (upload from a byte buffer, collecting a response) live here too so
// Swift never has to hand C function pointers around.

#include <stddef.h>
#include <curl/curl.h>

// ---- global ---------------------------------------------------------------

/// curl_global_init(CURL_GLOBAL_ALL); the macro is not visible to Swift.
CURLcode ccurl_global_init_all(void);

// ---- typed setopt / getinfo -----------------------------------------------

CURLcode ccurl_setopt_long(CURL *handle, CURLoption option, long value);
CURLcode ccurl_setopt_string(CURL *handle, CURLoption option, const char *value);
CURLcode ccurl_setopt_pointer(CURL *handle, CURLoption option, void *value);
CURLcode ccurl_setopt_offset(CURL *handle, CURLoption option, curl_off_t value);
CURLcode ccurl_setopt_list(CURL *handle, CURLoption option, struct curl_slist *list);

CURLcode ccurl_getinfo_long(CURL *handle, CURLINFO info, long *value);

// ---- curl_slist -------------------------------------------------------------

/// Appends a copy of `string`. On failure frees the whole list and returns
/// NULL, so the caller never leaks the part already built.
struct curl_slist *ccurl_list_append(struct curl_slist *list, const char *string);
void ccurl_list_free(struct curl_slist *list);

// ---- upload from a byte buffer ---------------------------------------------

/// A borrowed byte buffer libcurl reads from. The bytes must stay valid and
/// unmoved until curl_easy_perform returns.
typedef struct ccurl_upload {
    const unsigned char *bytes;
    size_t length;
    size_t offset;
} ccurl_upload;

/// Installs the read and seek callbacks (seek lets libcurl rewind when it
/// retries on a fresh connection) and points them at `upload`
/// (NULL detaches it; the callbacks then report end of data).
CURLcode ccurl_set_upload(CURL *handle, ccurl_upload *upload);

// ---- collecting what the server sends ---------------------------------------

/// A growable byte buffer owned by the caller. `limit` caps `length`.
typedef struct ccurl_buffer {
    unsigned char *bytes;
    size_t length;
    size_t capacity;
    size_t limit;
    int overflowed;
} ccurl_buffer;

void ccurl_buffer_clear(ccurl_buffer *buffer);
void ccurl_buffer_free(ccurl_buffer *buffer);

/// Appends the response body to `buffer`; past `limit` the transfer is
/// aborted (CURLE_WRITE_ERROR) and `overflowed` is set.
CURLcode ccurl_set_body_sink(CURL *handle, ccurl_buffer *buffer);

/// Discards the response body (SMTP has none, but libcurl would otherwise
/// write to stdout).
CURLcode ccurl_set_body_discard(CURL *handle);

/// Appends header lines (for SMTP: every server reply line) to `buffer`.
/// When a line would pass `limit`, the buffer restarts with that line, so
/// the latest lines are always kept (a line longer than `limit` is cut).
CURLcode ccurl_set_header_sink(CURL *handle, ccurl_buffer *buffer);

#endif
