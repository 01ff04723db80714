/// The name given to REGISTER: white space collapsed, 1–100 characters, at least one letter, no control
/// or text-reordering characters.
enum PersonNames {
    static let maximumLength = 100

    static func read(_ text: String) -> Result<String, CommandWrong> {
        if text.isEmpty { return .failure(.noName) }
        if ScalarClasses.containsUnsafe(text) {
            return .failure(.nameHasControlCharacters)
        }
        if !text.contains(where: \.isLetter) { return .failure(.nameNeedsALetter) }
        let length = text.count
        if length > maximumLength {
            return .failure(.nameTooLong(length: length, limit: maximumLength))
        }
        return .success(text)
    }
}
