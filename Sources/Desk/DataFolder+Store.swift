import Foundation
import Logging
import Store

extension DataFolder {
    /// The data folder's store, opened for the desk. A damaged store is refused with the way out named
    /// (`caredesk store check`, `caredesk store salvage`); what opening repaired by itself (a torn tail
    /// dropped, a damaged snapshot rebuilt from the generation before it) is logged as a warning.
    public static func openStore(_ folder: URL, logger: Logger, compactEvery: Int = 50_000) throws -> JSONStore<DeskState> {
        let store: JSONStore<DeskState>
        do {
            store = try JSONStore<DeskState>(directory: folder, compactEvery: compactEvery)
        } catch let error as StoreError where error.isDamage {
            throw Problem(description: damageAdvice(error, folder: folder))
        }
        for note in store.notes { logger.warning("store: \(note)") }
        return store
    }

    /// A damaged store's error, followed by how to see the damage and how to salvage.
    public static func damageAdvice(_ error: StoreError, folder: URL) -> String {
        """
        \(error).
        To see every damaged range: caredesk store check --data \(folder.path)
        To rebuild the store from every record that is still readable (the damaged bytes are kept aside): \
        caredesk store salvage --data \(folder.path)
        """
    }
}
