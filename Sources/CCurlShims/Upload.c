#include "CCurlShims.h"

#include <stdio.h>
#include <string.h>

static size_t ccurl_read_upload(char *destination, size_t size, size_t count, void *context) {
    ccurl_upload *upload = context;
    if (upload == NULL || upload->offset >= upload->length) {
        return 0;
    }
    size_t room = size * count;
    size_t left = upload->length - upload->offset;
    size_t chunk = left < room ? left : room;
    memcpy(destination, upload->bytes + upload->offset, chunk);
    upload->offset += chunk;
    return chunk;
}

static int ccurl_seek_upload(void *context, curl_off_t offset, int origin) {
    ccurl_upload *upload = context;
    if (upload == NULL || origin != SEEK_SET || offset < 0 || (size_t)offset > upload->length) {
        return CURL_SEEKFUNC_FAIL;
    }
    upload->offset = (size_t)offset;
    return CURL_SEEKFUNC_OK;
}

CURLcode ccurl_set_upload(CURL *handle, ccurl_upload *upload) {
    CURLcode code = curl_easy_setopt(handle, CURLOPT_READFUNCTION, ccurl_read_upload);
    if (code == CURLE_OK) code = curl_easy_setopt(handle, CURLOPT_READDATA, upload);
    if (code == CURLE_OK) code = curl_easy_setopt(handle, CURLOPT_SEEKFUNCTION, ccurl_seek_upload);
    if (code == CURLE_OK) code = curl_easy_setopt(handle, CURLOPT_SEEKDATA, upload);
    return code;
}
