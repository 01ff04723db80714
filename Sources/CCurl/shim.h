#ifndef CAREDESK_CCURL_SHIM_H
#define CAREDESK_CCURL_SHIM_H

// The system libcurl headers (apt: libcurl4-openssl-dev; pkg-config: libcurl).
#include <curl/curl.h>

#endif
