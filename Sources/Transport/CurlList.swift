import CCurlShims

/// A `curl_slist` built from Swift strings (libcurl copies each one). Its
/// user (`EasyHandle.withList`) releases it once libcurl no longer points at it.
struct CurlList {
    let pointer: UnsafeMutablePointer<curl_slist>?

    init(_ strings: [String]) throws(CurlError) {
        var list: UnsafeMutablePointer<curl_slist>?
        for string in strings {
            list = string.withCString { ccurl_list_append(list, $0) }
            if list == nil {
                throw CurlError(message: "out of memory building a list")
            }
        }
        pointer = list
    }

    func release() {
        ccurl_list_free(pointer)
    }
}
