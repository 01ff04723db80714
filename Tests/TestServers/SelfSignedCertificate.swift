import Foundation

/// A self-signed certificate for localhost and 127.0.0.1, made with openssl.
public struct SelfSignedCertificate {
    public struct Failure: Error {}

    public let certificatePath: String
    public let keyPath: String

    public init(in directory: TemporaryDirectory) throws {
        certificatePath = directory.path("certificate.pem")
        keyPath = directory.path("key.pem")
        let openssl = Process()
        openssl.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        openssl.arguments = [
            "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
            "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1",
            "-keyout", keyPath, "-out", certificatePath,
        ]
        openssl.standardOutput = FileHandle.nullDevice
        openssl.standardError = FileHandle.nullDevice
        try openssl.run()
        openssl.waitUntilExit()
        guard openssl.terminationStatus == 0 else { throw Failure() }
    }
}
