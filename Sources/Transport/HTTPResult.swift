import Foundation

/// A response: any status, 2xx or not, is a result; the caller judges it.
public struct HTTPResult: Sendable, Equatable {
    public let status: Int
    public let body: Data

    public init(status: Int, body: Data) {
        self.status = status
        self.body = body
    }
}

/// User name and password for HTTP basic authentication.
public struct HTTPCredentials: Sendable, Equatable {
    public let username: String
    public let password: String

    public init(username: String, password: String) {
        self.username = username
        self.password = password
    }
}
