import CCurlShims
import Foundation

/// Posts bodies to HTTP(S) endpoints (SMS gateways, webhooks) over one
/// libcurl easy handle, so connections to the same host are kept.
///
/// Like `SMTPSender`: one per worker thread, not Sendable, `post` blocks.
/// Redirects are not followed.
public final class HTTPPoster {
    private let handle: EasyHandle

    public init(
        connectTimeout: Double = 10, transferTimeout: Double = 30, caFile: String? = nil,
        maxResponseBytes: Int = 1 << 20
    ) throws(CurlError) {
        handle = try EasyHandle()
        try handle.set(CURLOPT_PROTOCOLS_STR, "http,https")
        try handle.set(CURLOPT_POST, 1)
        try handle.set(CURLOPT_CAINFO, caFile.nonEmpty)
        try handle.set(CURLOPT_CONNECTTIMEOUT_MS, Int(max(0.001, connectTimeout) * 1000))
        try handle.set(CURLOPT_TIMEOUT_MS, Int(max(0.001, transferTimeout) * 1000))
        try handle.collectBody(limit: maxResponseBytes)
    }

    /// POSTs `body` to `url` (http or https) with `headers` in order.
    /// Pass a Content-Type: libcurl would otherwise claim form data.
    public func post(
        url: String, headers: [(String, String)], body: Data, basicAuth: HTTPCredentials? = nil
    ) -> Result<HTTPResult, HTTPTransportError> {
        let lines: [String]
        switch Self.headerLines(headers) {
        case .success(let value): lines = value
        case .failure(let error): return .failure(error)
        }
        return body.withUnsafeBytes { bytes in
            var upload = ccurl_upload(
                bytes: bytes.baseAddress?.assumingMemoryBound(to: UInt8.self), length: bytes.count, offset: 0)
            do throws(CurlError) {
                try handle.set(CURLOPT_URL, url)
                try handle.set(CURLOPT_USERNAME, basicAuth?.username)
                try handle.set(CURLOPT_PASSWORD, basicAuth?.password)
                try handle.set(CURLOPT_POSTFIELDSIZE_LARGE, offset: bytes.count)
                let code = try withUnsafeMutablePointer(to: &upload) { upload throws(CurlError) in
                    try handle.setUpload(upload)
                    defer { try? handle.setUpload(nil) }
                    return try handle.withList(CURLOPT_HTTPHEADER, lines) { handle.perform() }
                }
                return result(of: code)
            } catch {
                return .failure(HTTPTransportError(kind: .other, message: error.description))
            }
        }
    }

    /// GETs `url` with `headers`; the handle goes back to POST afterwards.
    public func get(url: String, headers: [(String, String)]) -> Result<HTTPResult, HTTPTransportError> {
        let lines: [String]
        switch Self.headerLines(headers) {
        case .success(let value): lines = value
        case .failure(let error): return .failure(error)
        }
        do throws(CurlError) {
            try handle.set(CURLOPT_URL, url)
            try handle.set(CURLOPT_USERNAME, nil)
            try handle.set(CURLOPT_PASSWORD, nil)
            try handle.set(CURLOPT_HTTPGET, 1)
            defer { try? handle.set(CURLOPT_POST, 1) }
            let code = try handle.withList(CURLOPT_HTTPHEADER, lines) { handle.perform() }
            return result(of: code)
        } catch {
            return .failure(HTTPTransportError(kind: .other, message: error.description))
        }
    }

    private func result(of code: CURLcode) -> Result<HTTPResult, HTTPTransportError> {
        if code != CURLE_OK {
            let failure = handle.bodyOverflowed ? .tooLarge : CurlFailure(code)
            return .failure(HTTPTransportError(failure: failure, message: handle.failureText(code)))
        }
        return .success(HTTPResult(status: handle.responseCode, body: handle.collectedBody))
    }

    /// "Name: value" lines, refusing names that are not tokens and values
    /// holding CR, LF or NUL (header injection). "Expect:" turns off libcurl's
    /// 100-continue wait for large bodies.
    static func headerLines(_ headers: [(String, String)]) -> Result<[String], HTTPTransportError> {
        var lines: [String] = []
        for (index, (name, value)) in headers.enumerated() {
            let nameIsToken = !name.isEmpty && name.utf8.allSatisfy { $0 > 0x20 && $0 < 0x7F && $0 != UInt8(ascii: ":") }
            let valueIsClean = !value.utf8.contains { $0 == 0x0D || $0 == 0x0A || $0 == 0x00 }
            guard nameIsToken && valueIsClean else {
                return .failure(HTTPTransportError(kind: .invalidRequest, message: "header \(index + 1) has a bad name or a CR, LF or NUL"))
            }
            lines.append("\(name): \(value)")
        }
        return .success(lines + ["Expect:"])
    }
}
