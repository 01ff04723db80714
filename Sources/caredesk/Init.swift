import ArgumentParser
import Desk
import Foundation

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Create a data folder seeded with a clinic (the sample clinic by default).")

    @Option(name: .long, help: "The data folder to create.")
    var data: String

    @Option(name: .long, help: "A clinic file (JSON); default: the sample clinic, Samples/clinic.json.")
    var clinic: String?

    func run() throws {
        CareDesk.bootstrapLogging()
        guard let file = clinic.map(URL.init(fileURLWithPath:)) ?? ShippedFiles.file("Samples/clinic.json") else {
            throw ValidationError("no --clinic given and the sample clinic (Samples/clinic.json) was not found")
        }
        let setup = try DataFolder.readClinic(file)
        try DataFolder.initialise(URL(fileURLWithPath: data), setup: setup)
        print("Initialised \(data) with \(setup.clinic.name): \(setup.doctors.count) doctors.")
    }
}
