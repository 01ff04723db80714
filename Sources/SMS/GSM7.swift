/// The GSM 03.38 default alphabet: what an SMS can carry in 7-bit septets.
enum GSM7 {
    /// Septets `scalar` takes: 1 for the basic table, 2 for the extension
    /// table (an escape plus the character), nil when GSM-7 cannot carry it.
    static func septets(_ scalar: Unicode.Scalar) -> Int? {
        if basic.contains(scalar) { return 1 }
        if extended.contains(scalar) { return 2 }
        return nil
    }

    private static let basic: Set<Unicode.Scalar> = Set(basicTable.unicodeScalars)

    /// The basic table in code order, less the escape (0x1B).
    private static let basicTable = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
        + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"

    /// Reached through the escape: form feed ^ { } \ [ ~ ] | €.
    private static let extended: Set<Unicode.Scalar> = Set("\u{0C}^{}\\[~]|€".unicodeScalars)
}
