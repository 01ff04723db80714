/// A request that produced no HTTP response.
public struct HTTPTransportError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The kind of failure; compare with the static members (`.timedOut`, ...).
    public struct Kind: Sendable, Hashable {
        private enum Value: Hashable {
            case invalidRequest, resolve, connect, timeout, tls, connectionLost, responseTooLarge, other
        }

        private let value: Value

        /// Refused before any network use (bad URL scheme, CR/LF in a header).
        public static let invalidRequest = Kind(value: .invalidRequest)
        public static let couldNotResolve = Kind(value: .resolve)
        public static let couldNotConnect = Kind(value: .connect)
        public static let timedOut = Kind(value: .timeout)
        public static let tls = Kind(value: .tls)
        public static let connectionLost = Kind(value: .connectionLost)
        public static let responseTooLarge = Kind(value: .responseTooLarge)
        public static let other = Kind(value: .other)
    }

    public let kind: Kind
    public let message: String

    init(kind: Kind, message: String) {
        self.kind = kind
        self.message = message
    }

    init(failure: CurlFailure, message: String) {
        let kind: Kind
        switch failure {
        case .resolve: kind = .couldNotResolve
        case .connect: kind = .couldNotConnect
        case .timeout: kind = .timedOut
        case .tls: kind = .tls
        case .sendReceive: kind = .connectionLost
        case .tooLarge: kind = .responseTooLarge
        case .other: kind = .other
        }
        self.init(kind: kind, message: message)
    }

    public var description: String { "HTTP transport: \(message)" }
}
