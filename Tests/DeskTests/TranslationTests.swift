import Clinic
import Commands
import Foundation
import SMS
import Testing
@testable import Desk

/// Every template of Templates/ in Tamil and Hindi: each exists, has the same Mustache tags as the English
/// one (so no value is dropped or invented in translation), is written in its language's script, and its SMS
/// forms fit two UCS-2 segments where the English form fits one GSM-7 SMS. The sentences built in code and
/// the dates follow the reader's language.
@Suite struct TranslationTests {
    static let folder = DeskFixture.packageRoot.appendingPathComponent("Templates")
    static let translations: [Language] = Language.allCases.filter { $0 != .en }

    static func names(_ form: String, in folder: URL) -> Set<String> {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent(form).path)) ?? []
        return Set(files.filter { $0.hasSuffix(".mustache") })
    }

    /// The template's tags in order, comments left out.
    static func tags(_ text: String) -> [String] {
        text.matches(of: /\{\{\{?[^}]*\}?\}\}/).map { String($0.output) }.filter { !$0.hasPrefix("{{!") }
    }

    /// Whether `text` holds a letter of the language's script (Tamil U+0B80–U+0BFF, Devanagari U+0900–U+097F).
    static func inScript(_ text: String, _ language: Language) -> Bool {
        let block: ClosedRange<UInt32> = language == .ta ? 0x0B80...0x0BFF : 0x0900...0x097F
        return text.unicodeScalars.contains { block.contains($0.value) }
    }

    /// How much of two UCS-2 segments (134 units) an SMS form's own words may take, where its English form
    /// fits one GSM-7 SMS: the rest is left for the values (a doctor, a date, a reference, a link).
    static let ownWordsInSMS = 90

    /// The SMS without the values it shows: what the template itself says.
    static func ownWords(_ sms: String, _ fields: TemplateFields) -> String {
        func texts(_ value: TemplateValue) -> [String] {
            switch value {
            case .text(let text): [text]
            case .number(let number): ["\(number)"]
            case .flag: []
            case .list(let items): items.flatMap(texts)
            case .fields(let fields): fields.all.flatMap { texts($0.value) }
            }
        }
        return texts(.fields(fields)).filter { !$0.isEmpty }.sorted { $0.count > $1.count }
            .reduce(sms) { $0.replacingOccurrences(of: $1, with: "") }
    }

    @Test(arguments: translations)
    func everyTemplateHasTheEnglishOnesTags(language: Language) throws {
        let own = Self.folder.appendingPathComponent(language.rawValue)
        for form in ["text", "html", "sms", "pages"] {
            let english = Self.names(form, in: Self.folder), translated = Self.names(form, in: own)
            #expect(english.isSubset(of: translated), "\(language.rawValue)/\(form): missing \(english.subtracting(translated).sorted())")
            if form == "sms" {
                // UCS-2 leaves less room: a language may have short forms where English sends the text form.
                for file in translated.subtracting(english).sorted() {
                    let text = try String(contentsOf: Self.folder.appendingPathComponent("text/\(file)"), encoding: .utf8)
                    let short = try String(contentsOf: own.appendingPathComponent("sms/\(file)"), encoding: .utf8)
                    #expect(Set(Self.tags(short)).isSubset(of: Set(Self.tags(text))), "\(language.rawValue)/sms/\(file) shows a value its text form does not")
                }
            } else {
                #expect(translated.isSubset(of: english), "\(language.rawValue)/\(form): extra \(translated.subtracting(english).sorted())")
            }
            for file in english.intersection(translated).sorted() {
                let source = try String(contentsOf: Self.folder.appendingPathComponent("\(form)/\(file)"), encoding: .utf8)
                let translation = try String(contentsOf: own.appendingPathComponent("\(form)/\(file)"), encoding: .utf8)
                #expect(source.prefix { $0 != "\n" } == translation.prefix { $0 != "\n" }, "\(language.rawValue)/\(form)/\(file): first line")
                let (a, b) = (Self.tags(source), Self.tags(translation))
                #expect(a.sorted() == b.sorted(), "\(language.rawValue)/\(form)/\(file): tags differ")
                let sections = { (tags: [String]) in tags.filter { $0.hasPrefix("{{#") || $0.hasPrefix("{{^") || $0.hasPrefix("{{/") } }
                #expect(sections(a) == sections(b), "\(language.rawValue)/\(form)/\(file): sections differ")
                // A form with words of its own is written in the language (sms/reply has only values).
                let words = source.replacing(/\{\{\{?[^}]*\}?\}\}/, with: "").replacing(/<[^>]*>/, with: "")
                if words.contains(where: \.isLetter) {
                    #expect(Self.inScript(translation, language), "\(language.rawValue)/\(form)/\(file) is not translated")
                }
                if source.contains("<html lang=\"en\">") {
                    #expect(translation.contains("<html lang=\"\(language.rawValue)\">"), "\(language.rawValue)/html/\(file): lang")
                }
            }
        }
    }

    @Test func aMissingOrBrokenTranslationStopsStartUp() throws {
        func loaded(_ change: (URL) throws -> Void) throws -> String {
            let copy = FileManager.default.temporaryDirectory.appendingPathComponent("translations-\(UUID().uuidString.prefix(8))")
            defer { try? FileManager.default.removeItem(at: copy) }
            try FileManager.default.copyItem(at: Self.folder, to: copy)
            try change(copy)
            do { _ = try ReplyTemplates(directory: copy) } catch { return "\(error)" }
            return "(loaded)"
        }
        #expect(try loaded { try FileManager.default.removeItem(at: $0.appendingPathComponent("ta/sms/booked.mustache")) }
            .contains("ta/sms/booked.mustache is missing"))
        #expect(try loaded { try FileManager.default.removeItem(at: $0.appendingPathComponent("hi/html/cancelled.mustache")) }
            .contains("html/cancelled.mustache is missing"))
        #expect(try loaded { try Data("{{#ref}} never closed".utf8).write(to: $0.appendingPathComponent("hi/text/booked.mustache")) }
            .contains("text/booked.mustache does not parse"))
    }

    @Test(arguments: translations)
    func repliesAndNoticesSpeakTheReadersLanguage(language: Language) throws {
        let root = try ReplyTemplates(directory: Self.folder)
        let samples = OutcomeSamples.all(in: try OutcomeSamples.sampleClinic())
        var format = ClinicFormat(samples.clinic)
        format.payments = try OnlinePayments(linkSecret: String(repeating: "s", count: 32), publicURL: "https://clinic.example.in/")
        let (templates, reader) = root.speaking(language, format)
        #expect(templates.language == language && reader.language == language)
        #expect(reader.day(OutcomeSamples.tuesday) == (language == .ta ? "செவ்வாய் 3 மார்ச் 2026" : "मंगल 3 मार्च 2026"))
        var longSMS: [String] = []
        for outcome in samples.outcomes {
            let (name, fields) = outcome.template(reader)
            let english = root.sms(name, outcome.template(format).fields)
            let bodies = templates.render(name, fields)
            #expect(Self.inScript(bodies.text, language) && Self.inScript(bodies.html, language), "\(name.rawValue) for \(outcome)")
            let sms = DecidedMessage.oneLine(templates.sms(name, fields))
            if SMSSegments(english).count == 1, Self.ownWords(sms, fields).utf16.count > Self.ownWordsInSMS {
                longSMS.append("\(name.rawValue) (\(Self.ownWords(sms, fields).utf16.count))")
            }
        }
        for notice in samples.notices {
            let (name, fields, subject) = notice.template(reader, patientName: "Priya Sharma")
            #expect(Self.inScript(templates.render(name, fields).text, language), "\(name.rawValue)")
            if !notice.isRelay { #expect(Self.inScript(subject, language), "\(name.rawValue): \(subject)") }
        }
        #expect(longSMS.isEmpty, "SMS forms whose own words leave too little of two UCS-2 segments: \(longSMS)")
        // The sentences built in code come in the language too.
        let refusal = BookRefusal.onLeave(OutcomeSamples.tuesday).explanation(reader)
        #expect(Self.inScript(refusal, language) && refusal.contains(reader.day(OutcomeSamples.tuesday)), "\(refusal)")
        #expect(Self.inScript(WaitRefusal.noOffer.explanation(reader), language))
        #expect(Self.inScript(DayClosure.nothingLeft.spoken(reader), language))
    }

    @Test(arguments: translations)
    func helpIsExplainedInTheLanguage(language: Language) {
        for entry in Help.commands {
            let meaning = HelpWords.meaning(entry, language)
            #expect(meaning != entry.meaning && Self.inScript(meaning, language), "\(language.rawValue): \(entry.command)")
        }
        for dayFirst in [true, false] {
            let notes = HelpWords.notes(dayFirst: dayFirst, language)
            #expect(notes.count == Help.notes(dayFirst: dayFirst).count && notes.allSatisfy { Self.inScript($0, language) })
        }
        #expect(HelpWords.notes(dayFirst: true, language) != HelpWords.notes(dayFirst: false, language), "the day/month order is explained")
    }
}
