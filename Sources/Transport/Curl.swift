import CCurlShims

/// Process-wide libcurl set-up.
public enum Curl {
    /// Calls `curl_global_init(CURL_GLOBAL_ALL)` exactly once per process.
    ///
    /// Call it at process start, before any thread is started. Calling it again
    /// (from any thread) does nothing; `SMTPSender` and `HTTPPoster` call it
    /// too, so forgetting it is harmless with this libcurl (7.84 or later has a
    /// thread-safe global init). A failure here means libcurl could not set up
    /// TLS or memory, and the process cannot send anything: it stops.
    public static func initialise() {
        precondition(initialised, "curl_global_init failed")
    }

    /// A lazily initialised static is run once, guarded by the runtime.
    private static let initialised: Bool = ccurl_global_init_all() == CURLE_OK

    /// The libcurl version string, e.g. "libcurl/7.88.1 OpenSSL/3.0.17 ...".
    public static var version: String {
        String(cString: curl_version())
    }
}
