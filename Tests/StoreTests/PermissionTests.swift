import Foundation
import Testing
import Store
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

@Suite struct PermissionTests {
    @Test func foldersAre0700AndFilesAre0600() throws {
        try withTemporaryFolder { root in
            let dir = root.appendingPathComponent("a/b/data")  // parents missing
            let store = try JSONStore<Ledger>(directory: dir)
            try add(store, amounts: [1])
            try store.compact()
            try add(store, amounts: [2])
            #expect(mode(dir) == 0o700)
            #expect(mode(dir.appendingPathComponent("store")) == 0o700)
            for name in try storeFiles(dir) + ["lock"] {
                #expect(mode(storeFile(dir, name)) == 0o600, "\(name)")
            }
        }
    }

    @Test func loosePermissionsOfAnExistingFolderAreTightened() throws {
        try withTemporaryFolder { dir in
            let folder = dir.appendingPathComponent("store")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false,
                                                    attributes: [.posixPermissions: 0o755])
            do {
                let store = try JSONStore<Ledger>(directory: dir)
                try add(store, amounts: [1])
            }
            chmod(folder.path, 0o755)
            chmod(storeFile(dir, "journal-0.log").path, 0o644)
            chmod(storeFile(dir, "lock").path, 0o644)
            let store = try JSONStore<Ledger>(directory: dir)
            try add(store, amounts: [1])
            #expect(mode(folder) == 0o700)
            #expect(mode(storeFile(dir, "journal-0.log")) == 0o600)
            #expect(mode(storeFile(dir, "lock")) == 0o600)
        }
    }
}
