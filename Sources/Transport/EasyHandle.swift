import CCurlShims
import Foundation

/// One libcurl easy handle: the single place where Transport calls libcurl.
///
/// Options stay on the handle between transfers, and so does its connection
/// cache, which is what lets consecutive SMTP messages share one connection.
/// Not Sendable: a handle belongs to one thread at a time.
final class EasyHandle {
    private let handle: UnsafeMutableRawPointer
    /// CURLOPT_ERRORBUFFER: libcurl's detailed text for the last failure.
    private let errorText: UnsafeMutablePointer<CChar>
    /// What the callbacks collect. They live exactly as long as the handle:
    /// curl_easy_cleanup may still call the header callback (SMTP QUIT).
    private let headers: UnsafeMutablePointer<ccurl_buffer>
    private let body: UnsafeMutablePointer<ccurl_buffer>

    init() throws(CurlError) {
        Curl.initialise()
        guard let handle = curl_easy_init() else {
            throw CurlError(message: "curl_easy_init failed")
        }
        self.handle = handle
        errorText = .allocate(capacity: Int(CURL_ERROR_SIZE))
        errorText.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE))
        headers = .allocate(capacity: 1)
        headers.initialize(to: ccurl_buffer(bytes: nil, length: 0, capacity: 0, limit: 0, overflowed: 0))
        body = .allocate(capacity: 1)
        body.initialize(to: ccurl_buffer(bytes: nil, length: 0, capacity: 0, limit: 0, overflowed: 0))
        try check(ccurl_setopt_pointer(handle, CURLOPT_ERRORBUFFER, errorText), "CURLOPT_ERRORBUFFER")
        // Threads, not signals, carry timeouts: required in a threaded process.
        try set(CURLOPT_NOSIGNAL, 1)
    }

    deinit {
        curl_easy_cleanup(handle)  // sends SMTP QUIT on a kept connection
        errorText.deallocate()
        for buffer in [headers, body] {
            ccurl_buffer_free(buffer)
            buffer.deallocate()
        }
    }

    // MARK: options

    func set(_ option: CURLoption, _ value: Int) throws(CurlError) {
        try check(ccurl_setopt_long(handle, option, value), "option \(option.rawValue)")
    }

    func set(_ option: CURLoption, offset value: Int) throws(CurlError) {
        try check(ccurl_setopt_offset(handle, option, curl_off_t(value)), "option \(option.rawValue)")
    }

    /// libcurl copies string options, so `value` need not outlive the call.
    func set(_ option: CURLoption, _ value: String?) throws(CurlError) {
        let code: CURLcode
        if let value {
            code = value.withCString { ccurl_setopt_string(handle, option, $0) }
        } else {
            code = ccurl_setopt_string(handle, option, nil)
        }
        try check(code, "option \(option.rawValue)")
    }

    /// Sets a list option for the duration of `body`, then detaches and frees it.
    func withList<Result>(
        _ option: CURLoption, _ strings: [String], _ body: () -> Result
    ) throws(CurlError) -> Result {
        let list = try CurlList(strings)
        defer { list.release() }
        try check(ccurl_setopt_list(handle, option, list.pointer), "option \(option.rawValue)")
        defer { _ = ccurl_setopt_list(handle, option, nil) }
        return body()
    }

    /// Points the read/seek callbacks at `upload` (nil detaches).
    func setUpload(_ upload: UnsafeMutablePointer<ccurl_upload>?) throws(CurlError) {
        try check(ccurl_set_upload(handle, upload), "upload callbacks")
    }

    /// Keeps the response body, up to `limit` bytes (more fails the transfer).
    func collectBody(limit: Int) throws(CurlError) {
        body.pointee.limit = max(0, limit)
        try check(ccurl_set_body_sink(handle, body), "write callback")
    }

    func discardBody() throws(CurlError) {
        try check(ccurl_set_body_discard(handle), "write callback")
    }

    /// Keeps the latest header lines, about `limit` bytes of them. For SMTP
    /// the "headers" are the server's reply lines.
    func collectHeaders(limit: Int) throws(CurlError) {
        headers.pointee.limit = max(0, limit)
        try check(ccurl_set_header_sink(handle, headers), "header callback")
    }

    // MARK: transfer

    /// Runs one blocking transfer, starting with nothing collected.
    func perform() -> CURLcode {
        errorText[0] = 0
        ccurl_buffer_clear(headers)
        ccurl_buffer_clear(body)
        return curl_easy_perform(handle)
    }

    /// The header lines collected by the latest transfer.
    func withHeaderBytes<Result>(_ read: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        read(UnsafeBufferPointer(start: headers.pointee.bytes, count: headers.pointee.length))
    }

    /// The body collected by the latest transfer.
    var collectedBody: Data {
        body.pointee.bytes.map { Data(bytes: $0, count: body.pointee.length) } ?? Data()
    }

    /// Whether the latest transfer failed because the body passed its limit.
    var bodyOverflowed: Bool { body.pointee.overflowed != 0 }

    /// The last HTTP status or SMTP reply code of the latest transfer (0 if none).
    var responseCode: Int { info(CURLINFO_RESPONSE_CODE) }

    /// How many new connections the latest transfer had to open.
    var newConnections: Int { info(CURLINFO_NUM_CONNECTS) }

    /// libcurl's detailed text for `code` if it left one, else the generic text.
    func failureText(_ code: CURLcode) -> String {
        let detail = String(cString: errorText)
        return detail.isEmpty ? String(cString: curl_easy_strerror(code)) : detail
    }

    private func info(_ item: CURLINFO) -> Int {
        var value = 0
        return ccurl_getinfo_long(handle, item, &value) == CURLE_OK ? value : 0
    }

    private func check(_ code: CURLcode, _ step: String) throws(CurlError) {
        if code != CURLE_OK { throw CurlError(code: code, during: step) }
    }
}
