import Clinic
import Foundation

/// Finds doctors by the ways patients write their names. Built once per reader as a trie of name words
/// (lowercased, without dots or accents), so matching the longest name at the head of a line is one table
/// probe per word.
///
/// Names for "Dr Suresh Rao" (id "rao"): the id, "suresh rao", "rao", and the given name "suresh", which gives
/// way when the same words are another doctor's surname or full name. A leading title (Dr, Dr., Doctor,
/// Prof) is optional when written. A name that fits several doctors is ambiguous.
struct DoctorNames: Sendable {
    /// Doctors are given as indices into `doctors` (copying a `Doctor` costs more than the whole match).
    enum Match: Sendable, Equatable {
        case doctor(Int, consumed: Int)
        /// The name fits several active doctors.
        case ambiguous([Int], consumed: Int)
        /// The name fits only doctors who no longer take bookings.
        case inactive(Int, consumed: Int)
        case none
    }

    /// A doctor a name fits (an index into `doctors`), and whether only as a given name.
    private struct Named: Sendable {
        let doctor: Int
        let givenNameOnly: Bool
    }

    let doctors: [Doctor]
    /// Trie edges: (parent node, word) -> child node. Node 0 is the root.
    private let edges: WordTable<Int>
    /// The doctors each node's name fits; empty for a node that only leads to longer names.
    private let named: [[Named]]
    /// The shortest reference that names each doctor unambiguously ("Dr Rao"), by id.
    private let shortReferences: [String: String]

    /// "Dr", "Dr.", "Doctor", "Prof": titles written before a name.
    static let titles = ["dr", "dr.", "doctor", "prof", "prof.", "professor"]
    private static let titleKeys = titles.map { fold($0) }

    init(_ doctors: [Doctor]) {
        self.doctors = doctors
        var edges = WordTable<Int>(capacity: doctors.count * 8)
        var named: [[Named]] = [[]]
        for (position, doctor) in doctors.enumerated() {
            for (words, given) in Self.names(of: doctor) {
                var node = 0
                for word in words {
                    if let child = edges[word, context: UInt64(node)] {
                        node = child
                    } else {
                        named.append([])
                        edges[word, context: UInt64(node)] = named.count - 1
                        node = named.count - 1
                    }
                }
                if let same = named[node].firstIndex(where: { $0.doctor == position }) {
                    if !given { named[node][same] = Named(doctor: position, givenNameOnly: false) }
                } else {
                    named[node].append(Named(doctor: position, givenNameOnly: given))
                }
            }
        }
        self.edges = edges
        self.named = named

        var references: [String: String] = [:]
        for doctor in doctors {
            let surname = edges[Self.fold(doctor.surname)].map { named[$0] } ?? []
            let sharers = surname.filter { doctors[$0.doctor].active && !$0.givenNameOnly }
            let titled = Lexer.lex(doctor.name).words.first?.is(.title) ?? false
            references[doctor.id] = sharers.count > 1 ? doctor.name : (titled ? "Dr " : "") + doctor.surname
        }
        shortReferences = references
    }

    /// The active doctors' display names, for "which one did you mean".
    var activeNames: [String] { doctors.filter(\.active).map(\.name) }

    /// A way to write `doctor` that names only them: "Dr Rao", or the full name when the surname is shared.
    func shortReference(_ doctor: Doctor) -> String { shortReferences[doctor.id] ?? doctor.name }

    /// The doctor named by the longest run of words at the head of `words`, after an optional title.
    func match(_ words: Words) -> Match {
        var words = words
        var skipped = 0
        var glued: WordKey? = nil   // "Dr.Rao" written as one word
        if let first = words.first {
            if first.is(.title), words.count > 1 {
                words = words.dropFirst()
                skipped = 1
            } else if first.key.count > 3, first.key[0] == UInt8(ascii: "d"), first.key[1] == UInt8(ascii: "r"),
                      first.key[2] == UInt8(ascii: ".") {
                glued = Self.fold(words.key(first).dropFirst(3))
            }
        }

        var node = 0
        var best: (node: Int, count: Int)? = nil
        var n = 0
        while let token = words.peek(n) {
            let word = n == 0 ? glued ?? key(token, in: words) : key(token, in: words)
            guard let child = edges[word, context: UInt64(node)] else { break }
            node = child
            n += 1
            if !named[node].isEmpty { best = (node, n) }
        }
        guard let best else { return .none }

        let consumed = skipped + best.count
        let fits = named[best.node]
        if fits.count == 1 {   // the common case, without building arrays
            let only = fits[0].doctor
            return doctors[only].active ? .doctor(only, consumed: consumed) : .inactive(only, consumed: consumed)
        }
        let strong = fits.filter { !$0.givenNameOnly }
        let candidates = (strong.isEmpty ? fits : strong).map(\.doctor)
        let active = candidates.filter { doctors[$0].active }
        switch active.count {
        case 0: return .inactive(candidates[0], consumed: consumed)
        case 1: return .doctor(active[0], consumed: consumed)
        default: return .ambiguous(active, consumed: consumed)
        }
    }

    /// A word's name form: its key when plain ASCII, else folded.
    @inline(__always)
    private func key(_ token: Token, in words: Words) -> WordKey {
        token.plain ? token.key : Self.fold(words.key(token))
    }

    // MARK: names

    /// The word sequences naming `doctor`, each marked true when it is the given name alone.
    private static func names(of doctor: Doctor) -> [([WordKey], Bool)] {
        let lexed = Lexer.lex(doctor.name).words
        var words = lexed.tokens.map { fold(lexed.key($0)) }.filter { $0.count > 0 }
        while let first = words.first, titleKeys.contains(first), words.count > 1 { words.removeFirst() }
        var names = [([fold(doctor.id)], false)]
        guard !words.isEmpty else { return names }
        for start in words.indices { names.append((Array(words[start...]), false)) }   // full name ... surname
        if words.count > 1 { names.append(([words[0]], true)) }                        // given name
        if words.count > 2 { names.append(([words[0], words[words.count - 1]], false)) } // given + surname
        return names
    }

    /// Lowercase, without dots, and without accents ("Zoë" matches "zoe"; "Dr." matches "dr").
    static func fold(_ word: some StringProtocol) -> WordKey {
        let folded = word.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
        return WordKey(folded.replacingOccurrences(of: ".", with: ""))
    }
}
