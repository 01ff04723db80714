import Foundation
import Mail
import Testing

/// SET PHOTO by mail, through `caredesk ingest`: a PNG attached as base64 MIME is kept in photos/ (0600 in
/// a 0700 folder) and DOCTOR says a photo is on file; an oversized image, a text file named .jpg, a
/// message without an attachment and the desk are refused.
@Suite struct PhotoCommandsTests {
    static let png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) + Data((0..<300).map { UInt8($0 % 251) })

    func message(from: String, body: String, attachment: Data?, type: String, name: String) -> String {
        let id = "\(UUID().uuidString)@example.in"
        var text = authenticationResults(for: from) + "From: \(from)\nTo: desk@kanchicare.example\nSubject: photo\nMessage-ID: <\(id)>\n"
            + "Date: Mon, 2 Mar 2026 08:50:00 +0530\nMIME-Version: 1.0\n"
        guard let attachment else { return text + "Content-Type: text/plain; charset=UTF-8\n\n\(body)\n" }
        text += "Content-Type: multipart/mixed; boundary=\"b1\"\n\n--b1\nContent-Type: text/plain; charset=UTF-8\n\n\(body)\n"
        text += "--b1\nContent-Type: \(type); name=\"\(name)\"\nContent-Disposition: attachment; filename=\"\(name)\"\n"
        text += "Content-Transfer-Encoding: base64\n\n" + attachment.base64EncodedString(options: .lineLength76Characters) + "\n--b1--\n"
        return text
    }

    func send(_ data: URL, root: URL, _ raw: String) throws -> String {
        let maildir = root.appendingPathComponent("in-\(UUID().uuidString.prefix(8))")
        try makeMaildir(at: maildir, messages: [raw])
        let run = try CareDeskBinary.run(["ingest", "--data", data.path, "--now", "2026-03-02T09:00:00+05:30", "--transcript", maildir.path])
        #expect(run.status == 0, "\(run.stderr)")
        return run.stdout
    }

    @Test func photosAreKeptAndRefused() throws {
        let root = try temporaryFolder("photo")
        defer { try? FileManager.default.removeItem(at: root) }
        let data = root.appendingPathComponent("data")
        let initRun = try CareDeskBinary.run(["init", "--data", data.path,
                                              "--clinic", CareDeskBinary.packageRoot.appendingPathComponent("Samples/clinic.json").path])
        #expect(initRun.status == 0, "\(initRun.stderr)")
        let patient = try registerPatients(count: 1, data: data, root: root, now: "2026-03-02T09:00:00+05:30")[0]

        let saved = try send(data, root: root, message(from: patient, body: "SET PHOTO", attachment: Self.png, type: "image/png", name: "me.png"))
        #expect(saved.contains("Saved: your photo (PNG, 1 KB) is on file."))
        let photos = data.appendingPathComponent("photos")
        let files = try FileManager.default.contentsOfDirectory(atPath: photos.path)
        #expect(files.count == 1 && files[0].hasSuffix(".png"))
        #expect(try Data(contentsOf: photos.appendingPathComponent(files[0])) == Self.png)
        let fileMode = try FileManager.default.attributesOfItem(atPath: photos.appendingPathComponent(files[0]).path)[.posixPermissions] as? Int
        let folderMode = try FileManager.default.attributesOfItem(atPath: photos.path)[.posixPermissions] as? Int
        #expect(fileMode == 0o600 && folderMode == 0o700)
        let profile = try send(data, root: root, message(from: patient, body: "PROFILE", attachment: nil, type: "", name: ""))
        #expect(profile.contains("Photo: on file"))

        let big = Self.png + Data(count: 2 * 1024 * 1024)
        let tooLarge = try send(data, root: root, message(from: patient, body: "SET PHOTO", attachment: big, type: "image/png", name: "big.png"))
        #expect(tooLarge.contains("Photo not saved: the image is 2048 KB; at most 2048 KB (2 MB) fits."))
        let text = Data("not a picture at all\n".utf8)
        let named = try send(data, root: root, message(from: patient, body: "SET PHOTO", attachment: text, type: "text/plain", name: "me.jpg"))
        #expect(named.contains("Photo not saved: \"me.jpg\" is not a JPEG or PNG image, whatever its name says."))
        let none = try send(data, root: root, message(from: patient, body: "SET PHOTO", attachment: nil, type: "", name: ""))
        #expect(none.contains("Photo not saved: no image is attached to this message."))
        #expect(try FileManager.default.contentsOfDirectory(atPath: photos.path).count == 1, "refusals write nothing")

        let doctor = try send(data, root: root, message(from: "rao@kanchicare.example", body: "SET PHOTO", attachment: Self.png,
                                                        type: "image/png", name: "rao.png"))
        #expect(doctor.contains("Saved: your photo (PNG, 1 KB) is on file."))
        #expect(FileManager.default.fileExists(atPath: photos.appendingPathComponent("rao.png").path))
        let detail = try send(data, root: root, message(from: patient, body: "DOCTOR Dr Rao", attachment: nil, type: "", name: ""))
        #expect(detail.contains("A photo is on file."))
        // The HTML reply shows it inline: the HTML and the image in one multipart/related, named by Content-ID.
        let outgoing = data.appendingPathComponent("outgoing/new")
        let reply = try #require(try FileManager.default.contentsOfDirectory(atPath: outgoing.path)
            .map { try String(contentsOf: outgoing.appendingPathComponent($0), encoding: .utf8) }
            .first { $0.contains("Content-ID: <photo-rao@kanchicare.example>") }, "a reply carries the photo inline")
        #expect(reply.contains("multipart/related") && reply.contains("Content-Disposition: inline"))
        #expect(reply.contains(Self.png.base64EncodedString(options: .lineLength76Characters).components(separatedBy: "\r\n")[0]))
        #expect(MailMessage.parse(Data(reply.utf8)).attachments.contains { $0.data == Self.png && $0.contentType == "image/png" })
        // The HTML (quoted-printable, soft line breaks joined) names the image by that Content-ID.
        #expect(reply.replacingOccurrences(of: "=\n", with: "").contains("src=3D\"cid:photo-rao@kanchicare.example\""))
        // Twice in one message: the photo goes once. To a sender not registered: not at all (the text still says one is on file).
        var seen = Set(try FileManager.default.contentsOfDirectory(atPath: outgoing.path))
        /// The replies written since the last call.
        func newReplies() throws -> [String] {
            let names = Set(try FileManager.default.contentsOfDirectory(atPath: outgoing.path)).subtracting(seen)
            seen.formUnion(names)
            return try names.map { try String(contentsOf: outgoing.appendingPathComponent($0), encoding: .utf8) }
        }
        _ = try send(data, root: root, message(from: patient, body: "DOCTOR Dr Rao\nDOCTOR Dr Rao", attachment: nil, type: "", name: ""))
        let twice = try #require(try newReplies().first)
        #expect(twice.components(separatedBy: "Content-ID: <photo-rao@kanchicare.example>").count == 2, "one image part")
        let strangers = try send(data, root: root, message(from: "someone.new@example.org", body: "DOCTOR Dr Rao", attachment: nil, type: "", name: ""))
        #expect(strangers.contains("A photo is on file."))
        let toStranger = try #require(try newReplies().first)
        #expect(!toStranger.contains("photo-rao") && !toStranger.contains("image/png"), "no photo, and no pointer to one")

        let desk = try send(data, root: root, message(from: "desk@kanchicare.example", body: "SET PHOTO", attachment: Self.png,
                                                      type: "image/png", name: "desk.png"))
        #expect(desk.contains("SET PHOTO is for patients and doctors"))
    }
}
