import Foundation
import LocatedDocument

/// Parse-only cost: reads every YAML/JSON file under the given paths and builds its located
/// document, on one thread, with nothing else (no schema, no decoding, no review). This is the
/// figure to hold against libyaml's raw event parse.
enum ParseTimer {
    struct Result {
        var files: Int
        var bytes: Int
        var seconds: Double
        var failures: Int
    }

    static func run(_ paths: [String]) throws -> Result {
        let files = try paths.flatMap(listFiles).sorted()
        let start = DispatchTime.now().uptimeNanoseconds
        var bytes = 0
        var failures = 0
        for file in files {
            guard let data = FileManager.default.contents(atPath: file) else {
                failures += 1
                continue
            }
            let input = [UInt8](data)
            bytes += input.count
            do {
                _ = file.hasSuffix(".json") ? try JSONReader.read(input) : try YAMLReader.read(input)
            } catch {
                failures += 1
            }
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        return Result(files: files.count, bytes: bytes, seconds: seconds, failures: failures)
    }

    private static func listFiles(_ path: String) throws -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw BenchError("no such file or directory: \(path)")
        }
        guard isDirectory.boolValue else { return [path] }
        var files: [String] = []
        let enumerator = FileManager.default.enumerator(atPath: path)
        while let relative = enumerator?.nextObject() as? String {
            if relative.hasSuffix(".yaml") || relative.hasSuffix(".yml") || relative.hasSuffix(".json") {
                files.append(path + "/" + relative)
            }
        }
        return files
    }
}
