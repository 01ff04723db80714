/// A text cell of the CSV attachments (RFC 4180), safe to open in a spreadsheet: a cell that starts with
/// `=`, `+`, `-`, `@`, a tab or a carriage return would be read as a formula (a doctor's note or a name is
/// written by someone outside the clinic), so it is prefixed with an apostrophe, which spreadsheets show as
/// text; then a cell holding a comma, a quote or a line end is quoted, its quotes doubled.
enum CSVField {
    static func text(_ s: String) -> String {
        var cell = s
        if let first = cell.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) { cell = "'" + cell }
        guard cell.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return cell }
        return "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
