/// The name given to REGISTER: white space collapsed, 1–100 characters, at least one letter, no control
/// or text-reordering characters.
enum PersonNames {
    static let maximumLength = 100

    static func read(_ text: String) -> Result<String, CommandWrong> {
        if text.isEmpty { return .failure(CommandWrong("no name given")) }
        if ScalarClasses.containsUnsafe(text) {
            return .failure(CommandWrong("the name contains control characters"))
        }
        if !text.contains(where: \.isLetter) { return .failure(CommandWrong("a name needs at least one letter")) }
        let length = text.count
        if length > maximumLength {
            return .failure(CommandWrong("the name is \(length) characters long; at most \(maximumLength) fit"))
        }
        return .success(text)
    }
}
