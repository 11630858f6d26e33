import Foundation

/// Whole-buffer writes to a file descriptor: retried on interruption and short writes.
public enum FileDescriptorWriter {
    public static func write(_ bytes: [UInt8], to descriptor: Int32, name: String) throws(ConfigurationError) {
        let failure: Int32? = bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Foundation.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                offset += written
            }
            return nil
        }
        if let failure { throw ConfigurationError("cannot write \(name): \(String(cString: strerror(failure)))") }
    }
}
