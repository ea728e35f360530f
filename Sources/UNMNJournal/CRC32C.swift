import CCRC32C

/// CRC-32C (Castagnoli), as iSCSI, ext4 and LevelDB use it: the processor's instruction where it
/// has one (x86-64 with SSE 4.2), otherwise software slicing-by-8.
public enum CRC32C {
    static let hardwareAvailable = unmn_crc32c_hardware_available() != 0

    public static func checksum<Bytes: Sequence>(_ bytes: Bytes, seed: UInt32 = 0) -> UInt32 where Bytes.Element == UInt8 {
        if let contiguous = bytes.withContiguousStorageIfAvailable({ checksum(UnsafeRawBufferPointer($0), seed: seed) }) {
            return contiguous
        }
        var crc = ~seed
        for byte in bytes { crc = tables[0][Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8) }
        return ~crc
    }

    public static func checksum(_ buffer: UnsafeRawBufferPointer, seed: UInt32 = 0) -> UInt32 {
        guard hardwareAvailable, let start = buffer.baseAddress else { return softwareChecksum(buffer, seed: seed) }
        return ~unmn_crc32c_hardware_update(~seed, start, buffer.count)
    }

    /// The same by tables, on any processor; kept callable so that tests hold the two together.
    static func softwareChecksum(_ buffer: UnsafeRawBufferPointer, seed: UInt32 = 0) -> UInt32 {
        var crc = ~seed
        var index = 0
        let count = buffer.count
        // One flat table (8 × 256): no inner array to reach for each byte.
        flatTables.withUnsafeBufferPointer { t in
            while count - index >= 8 {
                let low =
                    crc
                    ^ (UInt32(buffer[index]) | UInt32(buffer[index + 1]) << 8 | UInt32(buffer[index + 2]) << 16 | UInt32(buffer[index + 3])
                        << 24)
                crc =
                    t[1792 + Int(low & 0xFF)] ^ t[1536 + Int((low >> 8) & 0xFF)] ^ t[1280 + Int((low >> 16) & 0xFF)]
                    ^ t[1024 + Int(low >> 24)]
                    ^ t[768 + Int(buffer[index + 4])] ^ t[512 + Int(buffer[index + 5])] ^ t[256 + Int(buffer[index + 6])]
                    ^ t[Int(buffer[index + 7])]
                index += 8
            }
            while index < count {
                crc = t[Int((crc ^ UInt32(buffer[index])) & 0xFF)] ^ (crc >> 8)
                index += 1
            }
        }
        return ~crc
    }

    private static let flatTables: [UInt32] = tables.flatMap { $0 }

    private static let tables: [[UInt32]] = {
        var tables = Array(repeating: Array(repeating: UInt32(0), count: 256), count: 8)
        for n in 0..<256 {
            var crc = UInt32(n)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0x82F6_3B78 : crc >> 1 }
            tables[0][n] = crc
        }
        for n in 0..<256 {
            for k in 1..<8 { tables[k][n] = (tables[k - 1][n] >> 8) ^ tables[0][Int(tables[k - 1][n] & 0xFF)] }
        }
        return tables
    }()
}
