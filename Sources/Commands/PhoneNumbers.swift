/// A phone number as people write it: "+91 98765 43210", "(044) 2345-6789", "98765.43210". Spaces, dashes,
/// dots and brackets are dropped; what is left is 8 to 15 digits, with a leading + kept (E.164 at most 15).
enum PhoneNumbers {
    static func read(_ text: String) -> String? {
        var digits = ""
        var plus = false
        for (i, c) in text.enumerated() {
            switch c {
            case "+" where i == 0: plus = true
            case "0"..."9": digits.append(c)
            case " ", "-", ".", "(", ")": continue
            default: return nil
            }
        }
        guard (8...15).contains(digits.count) else { return nil }
        return (plus ? "+" : "") + digits
    }
}
