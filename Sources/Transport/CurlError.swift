import CCurlShims

/// libcurl refused to set up a handle or an option (out of memory, or a
/// libcurl built without a feature CareDesk needs).
public struct CurlError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The CURLcode, or -1 when `curl_easy_init` itself failed.
    public let code: Int
    public let message: String

    init(code: CURLcode, during step: String) {
        self.code = Int(code.rawValue)
        self.message = "\(step): \(String(cString: curl_easy_strerror(code)))"
    }

    init(message: String) {
        self.code = -1
        self.message = message
    }

    public var description: String { "libcurl: \(message)" }
}
