/// How many SMS a body is sent as.
///
/// A body GSM-7 can carry counts septets (extension-table characters take
/// two): 160 fit in one SMS, 153 in each part of a longer one. Anything
/// else goes as UCS-2 and counts UTF-16 units: 70 in one, 67 per part. A
/// character is never split between parts, so parts may run short.
public struct SMSSegments: Sendable, Equatable {
    public enum Encoding: Sendable, Equatable {
        case gsm7, ucs2
    }

    public let encoding: Encoding
    /// Septets (GSM-7) or UTF-16 units (UCS-2) of the whole body.
    public let units: Int
    /// SMS the body is sent as; an empty body is still one.
    public let count: Int

    public init(_ text: String) {
        let gsm = text.unicodeScalars.map(GSM7.septets)
        if gsm.allSatisfy({ $0 != nil }) {
            self.init(encoding: .gsm7, costs: gsm.map { $0 ?? 0 })
        } else {
            self.init(encoding: .ucs2, costs: text.unicodeScalars.map { $0.utf16.count })
        }
    }

    private init(encoding: Encoding, costs: [Int]) {
        let single = encoding == .gsm7 ? 160 : 70
        let part = encoding == .gsm7 ? 153 : 67
        self.encoding = encoding
        units = costs.reduce(0, +)
        if units <= single {
            count = 1
            return
        }
        var parts = 1
        var used = 0
        for cost in costs {
            if used + cost > part {
                parts += 1
                used = 0
            }
            used += cost
        }
        count = parts
    }
}
