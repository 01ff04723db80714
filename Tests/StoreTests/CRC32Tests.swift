import Foundation
import Testing
import Store

@Suite struct CRC32Tests {
    /// Bit-at-a-time reference implementation of CRC-32/IEEE.
    private func reference(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return ~crc
    }

    @Test func knownVectors() {
        #expect(CRC32.checksum([UInt8]()) == 0)
        #expect(CRC32.checksum(Array("123456789".utf8)) == 0xCBF4_3926)
        #expect(CRC32.checksum(Array("The quick brown fox jumps over the lazy dog".utf8)) == 0x414F_A339)
    }

    @Test func matchesReferenceAtEveryLengthAndAlignment() {
        var generator = SystemRandomNumberGenerator()
        let data = (0..<300).map { _ in UInt8.random(in: 0...255, using: &generator) }
        for start in 0..<8 {
            for length in stride(from: 0, through: data.count - start, by: 7) {
                let slice = Array(data[start..<(start + length)])
                #expect(CRC32.checksum(slice) == reference(slice))
            }
        }
    }

    @Test func continuesAcrossPieces() {
        let data = Array("hello, journal of records".utf8)
        let first = CRC32.checksum(Array(data[..<10]))
        let whole = Array(data[10...]).withUnsafeBytes { CRC32.checksum($0, continuing: first) }
        #expect(whole == CRC32.checksum(data))
    }
}
